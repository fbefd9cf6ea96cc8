// 公示异议: the objections raised against the round's list, and while the notice runs, recording one
// against a selected candidate (登记异议) and deciding it with a reason (处理异议: 异议成立 removes
// the candidate; the next in line is promoted when the notice ends).
import { DatePicker, Flex, Form, Input, Radio, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CursorPager } from '../../ui/CursorPager';
import { formatDateTime } from '../../ui/format-time';
import { ModalAction } from '../../ui/ModalAction';
import { useCursorPages } from '../../ui/use-cursor-pages';
import type { Round } from '../talent-types';
import {
  useDecideObjection,
  useObjections,
  useRecordObjection,
  useSelectedApplications,
} from './results-hooks';
import type { DecideObjectionRequest, Objection } from './results-types';
import { choiceRequired } from '../../ui/choice-required';

/** `readOnly`: the leading group's view, the list and its decisions without the office's commands. */
export function ObjectionsTab({
  round,
  readOnly = false,
}: {
  round: Pick<Round, 'id' | 'status'>;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const pages = useCursorPages(`objections-${round.id}`);
  const objections = useObjections(round.id, pages.cursor);
  const open = round.status === 'notice' && !readOnly;
  return (
    <Flex vertical gap="middle">
      {open && (
        <Flex gap="small" align="center">
          <RecordObjection roundId={round.id} />
          <Typography.Text>{t('talentResults.recordMeaning')}</Typography.Text>
        </Flex>
      )}
      <Table<Objection>
        rowKey="id"
        aria-label={t('talentResults.tabs.objections')}
        loading={objections.isPending}
        dataSource={objections.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Typography.Text>{t('talentResults.noObjections')}</Typography.Text> }}
        columns={[
          {
            key: 'received',
            title: t('talentResults.receivedAt'),
            render: (_v, o) => formatDateTime(o.receivedAt),
          },
          {
            key: 'candidate',
            title: t('talentResults.candidate'),
            render: (_v, o) => t('ui.aside', { main: o.candidateName, aside: o.identityNumber }),
          },
          { key: 'raisedBy', title: t('talentResults.raisedBy'), dataIndex: 'raisedBy' },
          { key: 'content', title: t('talentResults.content'), dataIndex: 'content' },
          {
            key: 'decision',
            title: t('talentResults.decision'),
            render: (_v, o) => (
              <Flex vertical>
                <span>{t(`talentResults.decisions.${o.decision}`)}</span>
                {o.decisionReason && <Typography.Text>{o.decisionReason}</Typography.Text>}
                {o.decidedBy && o.decidedAt && (
                  <Typography.Text>
                    {t('talentFixes.decidedBy', {
                      name: o.decidedBy.displayName,
                      time: formatDateTime(o.decidedAt),
                    })}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          ...(open
            ? [
                {
                  key: 'actions',
                  width: 120,
                  title: t('talentResults.actions'),
                  render: (_v: unknown, o: Objection) =>
                    o.decision === 'pending' ? <DecideObjection objection={o} /> : null,
                },
              ]
            : []),
        ]}
      />
      <CursorPager pages={pages} nextCursor={objections.data?.nextCursor} />
    </Flex>
  );
}

interface RecordValues {
  applicationId: string;
  raisedBy: string;
  content: string;
  receivedAt: Dayjs;
}

function RecordObjection({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const record = useRecordObjection(roundId);
  const selected = useSelectedApplications(roundId);
  return (
    <ModalAction<RecordValues>
      label={t('talentResults.record')}
      buttonType="primary"
      name="record-objection"
      serverFields={['applicationId', 'raisedBy', 'content', 'receivedAt']}
      pending={record.isPending}
      initialValues={{ receivedAt: dayjs() }}
      onDone={() => undefined}
      send={(values, callbacks) =>
        record.mutate(
          {
            applicationId: values.applicationId,
            raisedBy: values.raisedBy,
            content: values.content,
            receivedAt: values.receivedAt.toISOString(),
          },
          callbacks,
        )
      }
    >
      <Form.Item name="applicationId" label={t('talentResults.candidate')} rules={[choiceRequired(t)]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={(selected.data?.items ?? []).map((a) => ({
            value: a.id,
            label: t('ui.aside', { main: a.name, aside: a.identityNumber }),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="raisedBy"
        label={t('talentResults.raisedBy')}
        rules={[{ required: true, whitespace: true, max: 120 }]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="content"
        label={t('talentResults.content')}
        rules={[{ required: true, whitespace: true, max: 2000 }]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="receivedAt" label={t('talentResults.receivedAt')} rules={[choiceRequired(t)]}>
        <DatePicker showTime disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
      </Form.Item>
    </ModalAction>
  );
}

function DecideObjection({ objection }: { objection: Objection }) {
  const { t } = useTranslation();
  const decide = useDecideObjection(objection.id);
  return (
    <ModalAction<DecideObjectionRequest>
      label={t('talentResults.decide')}
      title={t('talentResults.decideTitle', { name: objection.candidateName })}
      name={`decide-${objection.id}`}
      serverFields={['decision', 'reason']}
      pending={decide.isPending}
      onDone={() => undefined}
      send={(values, callbacks) => decide.mutate(values, callbacks)}
    >
      <p>{objection.content}</p>
      <Form.Item
        name="decision"
        label={t('talentResults.decision')}
        extra={t('talentResults.upheldMeaning')}
        rules={[choiceRequired(t)]}
      >
        <Radio.Group
          options={(['upheld', 'dismissed'] as const).map((value) => ({
            value,
            label: t(`talentResults.decisions.${value}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('talentResults.decisionReason')}
        rules={[{ required: true, whitespace: true, max: 1000 }]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
    </ModalAction>
  );
}
