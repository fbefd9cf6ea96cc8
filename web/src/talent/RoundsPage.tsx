// The office's selection rounds, newest first, and a dialog creating one from the "海右" defaults.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Form, Input, InputNumber, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { RoleAssignment } from '../api/types';
import { CursorPager } from '../ui/CursorPager';
import { FormModal } from '../ui/FormModal';
import { useCursorPages } from '../ui/use-cursor-pages';
import { useCreateRound, useRounds } from './talent-hooks';
import type { Round } from './talent-types';

interface CreateRoundForm {
  unitId: string;
  title: string;
  window: [Dayjs, Dayjs];
  referenceDate: Dayjs;
  quota: number;
  minReviewers: number;
}

const SERVER_FIELDS = ['unitId', 'title', 'window', 'referenceDate', 'quota'] as const;
const DEFAULT_QUOTA = 50;
const DEFAULT_MIN_REVIEWERS = 5;
const day = (value: Dayjs) => value.format('YYYY-MM-DD');

/** Only the options the office changed from the defaults: the server fills in the rest. */
function configOverrides(values: CreateRoundForm) {
  const allocation = values.quota === DEFAULT_QUOTA ? undefined : { quota: values.quota };
  const review =
    values.minReviewers === DEFAULT_MIN_REVIEWERS
      ? undefined
      : { minReviewersPerCandidate: values.minReviewers };
  return allocation || review ? { allocation, review } : undefined;
}

export function RoundStatusTag({ status }: { status: Round['status'] }) {
  const { t } = useTranslation();
  // The default tag's dark text: antd's coloured tags fail the contrast check (axe, in the journey).
  return <Tag>{t(`talent.status.${status}`)}</Tag>;
}

export function RoundsPage({ officeUnits }: { officeUnits: RoleAssignment[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const pages = useCursorPages('rounds');
  const rounds = useRounds(pages.cursor);
  const create = useCreateRound();
  const [creating, setCreating] = useState(false);
  return (
    <Card
      title={<h1 className="sgf-card-title">{t('talent.rounds')}</h1>}
      extra={
        <Flex gap="middle" align="center">
          <Link to="/talent/pool">{t('talentTerms.pool')}</Link>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('talent.createRound')}
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap="middle">
        <Table<Round>
          rowKey="id"
          loading={rounds.isPending}
          dataSource={rounds.data?.items ?? []}
          pagination={false}
          columns={[
            {
              key: 'title',
              title: t('talent.roundTitle'),
              render: (_v, round) => <Link to={`/talent/${round.id}`}>{round.title}</Link>,
            },
            { key: 'unit', title: t('talent.unit'), render: (_v, round) => round.unit.name },
            {
              key: 'status',
              title: t('talent.statusLabel'),
              render: (_v, round) => <RoundStatusTag status={round.status} />,
            },
            {
              key: 'window',
              title: t('talent.window'),
              render: (_v, round) => `${round.windowStartsOn} ~ ${round.windowEndsOn}`,
            },
            { key: 'quota', title: t('talent.quota'), render: (_v, round) => round.config.allocation.quota },
            { key: 'count', title: t('talent.applicationCount'), dataIndex: 'applicationCount' },
          ]}
        />
        <CursorPager pages={pages} nextCursor={rounds.data?.nextCursor} />
      </Flex>
      <FormModal<CreateRoundForm>
        open={creating}
        name="create-round"
        title={t('talent.createRound')}
        okText={t('talent.create')}
        serverFields={SERVER_FIELDS}
        pending={create.isPending}
        initialValues={{
          unitId: officeUnits[0]?.unitId,
          quota: DEFAULT_QUOTA,
          minReviewers: DEFAULT_MIN_REVIEWERS,
        }}
        onClose={() => setCreating(false)}
        onSubmit={(values, showProblem) =>
          create.mutate(
            {
              unitId: values.unitId,
              title: values.title,
              windowStartsOn: day(values.window[0]),
              windowEndsOn: day(values.window[1]),
              referenceDate: day(values.referenceDate),
              config: configOverrides(values),
            },
            {
              onSuccess: (round) => {
                setCreating(false);
                void navigate(`/talent/${round.id}`);
              },
              onError: showProblem,
            },
          )
        }
      >
        <Form.Item name="unitId" label={t('talent.unit')} rules={[{ required: true }]}>
          <Select options={officeUnits.map((u) => ({ value: u.unitId, label: u.unitName }))} />
        </Form.Item>
        <Form.Item name="title" label={t('talent.roundTitle')} rules={[{ required: true, max: 120 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="window" label={t('talent.window')} rules={[{ required: true }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item
          name="referenceDate"
          label={t('talent.referenceDate')}
          extra={t('talent.referenceDateHelp')}
          rules={[{ required: true }]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="quota"
          label={t('talent.quota')}
          extra={t('talent.defaultsHelp')}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item
          name="minReviewers"
          label={t('talent.minReviewers')}
          extra={t('talent.minReviewersHelp')}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} precision={0} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
