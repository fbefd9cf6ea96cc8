// 资格审查结果: the screened applications (identity numbers masked) with each rule's explanation
// expandable per row, a filter by the effective result, and while the round is in screening the
// office's manual override (人工调整, a reason required) and its undoing (撤销调整).
import './results.css';
import { Button, Flex, Form, Input, Popconfirm, Radio, Segmented, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  GRASSROOTS_UNIT_TYPES,
  OTHER_UNIT_TYPES,
  SOCIAL_WORK_FIELDS,
  labelOf,
} from '../../../../workflows/talent/talent-vocabulary';
import { CursorPager } from '../../ui/CursorPager';
import { ModalAction } from '../../ui/ModalAction';
import { useCursorPages } from '../../ui/use-cursor-pages';
import type { Round } from '../talent-types';
import { EligibilityExplanation } from './EligibilityExplanation';
import { screeningAndOverrideColumns } from './OverrideNote';
import { useClearOverride, useOverrideScreening, useScreeningResults } from './results-hooks';
import type { OverrideRequest, ScreeningFilter, ScreeningRow } from './results-types';
import { useLocalized } from './use-localized';

const FILTERS = ['all', 'eligible', 'ineligible', 'overridden'] as const;
const UNIT_TYPES = [...GRASSROOTS_UNIT_TYPES, ...OTHER_UNIT_TYPES];

export function ScreeningResultsTab({ round }: { round: Round }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('all');
  const result: ScreeningFilter = filter === 'all' ? undefined : filter;
  const pages = useCursorPages(`screening-${round.id}-${filter}`);
  const rows = useScreeningResults(round.id, result, pages.cursor);
  const editable = round.status === 'screening';
  return (
    <Flex vertical gap="middle">
      <Segmented
        aria-label={t('talentResults.filterLabel')}
        value={filter}
        onChange={(value) => setFilter(value)}
        options={FILTERS.map((key) => ({ value: key, label: t(`talentResults.filters.${key}`) }))}
      />
      <Table<ScreeningRow>
        rowKey="applicationId"
        aria-label={t('talentResults.tabs.screening')}
        loading={rows.isPending}
        dataSource={rows.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Typography.Text>{t('talentResults.noScreening')}</Typography.Text> }}
        expandable={{ expandedRowRender: (row) => <EligibilityExplanation explanation={row.explanation} /> }}
        columns={[
          { key: 'name', title: t('talent.name'), dataIndex: 'name', className: 'sgf-results-nowrap' },
          {
            key: 'id',
            title: t('talent.identityNumber'),
            dataIndex: 'identityNumber',
            className: 'sgf-results-nowrap',
          },
          {
            key: 'field',
            title: t('talent.field'),
            render: (_v, row) => localized(labelOf(SOCIAL_WORK_FIELDS, row.field)),
          },
          {
            key: 'unitType',
            title: t('talentResults.unitType'),
            render: (_v, row) => localized(labelOf(UNIT_TYPES, row.unitType)),
          },
          ...screeningAndOverrideColumns(t),
          {
            key: 'effective',
            title: t('talentResults.effectiveResult'),
            render: (_v, row) => t(`talentResults.result.${row.effectiveResult}`),
          },
          ...(editable
            ? [
                {
                  key: 'actions',
                  width: 120,
                  title: t('talentResults.actions'),
                  render: (_v: unknown, row: ScreeningRow) =>
                    row.override ? <ClearOverride row={row} /> : <OverrideScreening row={row} />,
                },
              ]
            : []),
        ]}
      />
      <CursorPager pages={pages} nextCursor={rows.data?.nextCursor} />
    </Flex>
  );
}

function OverrideScreening({ row }: { row: ScreeningRow }) {
  const { t } = useTranslation();
  const override = useOverrideScreening(row.applicationId);
  const opposite = row.screeningResult === 'eligible' ? 'ineligible' : 'eligible';
  return (
    <ModalAction<OverrideRequest>
      label={t('talentResults.override')}
      title={t('talentResults.overrideTitle', { name: row.name })}
      name={`override-${row.applicationId}`}
      serverFields={['result', 'reason']}
      pending={override.isPending}
      initialValues={{ result: opposite }}
      onDone={() => undefined}
      send={(values, callbacks) => override.mutate(values, callbacks)}
    >
      <p>{t('talentResults.overrideMeaning')}</p>
      <Form.Item name="result" label={t('talentResults.overrideTo')}>
        <Radio.Group
          options={(['eligible', 'ineligible'] as const).map((value) => ({
            value,
            label: t(`talentResults.result.${value}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('talentResults.overrideReason')}
        rules={[
          { required: true, whitespace: true, message: t('talentResults.reasonRequired') },
          { max: 500 },
        ]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
    </ModalAction>
  );
}

function ClearOverride({ row }: { row: ScreeningRow }) {
  const { t } = useTranslation();
  const clear = useClearOverride(row.applicationId);
  return (
    <Popconfirm
      title={t('talentResults.clearConfirm')}
      okText={t('talentResults.clearOverride')}
      cancelText={t('ui.cancel')}
      onConfirm={() => clear.mutate()}
    >
      <Button loading={clear.isPending}>{t('talentResults.clearOverride')}</Button>
    </Popconfirm>
  );
}
