// One talent of the pool: the person and the term, the allowance ledger per term year with its
// totals, the term's status events as a timeline, the leading group's decisions, and the reports the
// office makes (离开社会工作岗位, 调离本市, 违法违纪), each with the day it took effect, and what the term
// waits for (年度考核, 总体评价, 核实, the group's approval) linked to its task page, where the form is
// filled in. The leading group reads the same page without the reports (it approves revocations).
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ASSESSMENT_RATINGS } from '../../../../workflows/talent/talent-vocabulary';
import { DueBadge } from '../../work/DueBadge';
import { FormModal } from '../../ui/FormModal';
import { LeadingDecisions } from './LeadingDecisions';
import { TitleStatusTag, useFieldLabel } from './PoolPage';
import { periodOf } from './term-period';
import { type TalentDetail, type TermReport, useReport, useTalent } from './term-hooks';
import { choiceRequired } from '../../ui/choice-required';

type LedgerYear = NonNullable<TalentDetail['ledger']>['years'][number];
type OpenTask = TalentDetail['openTasks'][number];
interface ReportForm {
  effectiveOn: Dayjs;
  note?: string;
}

const money = (yuan: number) => yuan.toLocaleString('zh-CN', { minimumFractionDigits: 2 });

/** `office`: the selection office's page with its reports; otherwise the leading group's read-only one. */
export function TalentPage({ office }: { office: boolean }) {
  const { t, i18n } = useTranslation();
  const chinese = i18n.language.startsWith('zh');
  const fieldLabel = useFieldLabel();
  const talentId = useParams().talentId ?? '';
  const talent = useTalent(talentId);
  const report = useReport(talentId);
  const [reporting, setReporting] = useState<TermReport['kind'] | null>(null);
  if (!talent.data) return <Card loading />;
  const d = talent.data;
  const ratingLabel = (key: string | null) => {
    const rating = ASSESSMENT_RATINGS.find((r) => r.key === key);
    return rating ? (chinese ? rating.zh : rating.en) : '—';
  };
  const ledger = d.ledger;
  /** 年度考核（优秀）：note — the kind, its rating and its note, punctuated for the language. */
  const eventText = (event: TalentDetail['statusEvents'][number]) => {
    const kind = t(`talentTerms.eventKind.${event.kind}`);
    const rated = event.rating ? t('ui.aside', { main: kind, aside: ratingLabel(event.rating) }) : kind;
    return event.note ? t('ui.labelled', { label: rated, text: event.note }) : rated;
  };
  return (
    <Card
      title={<h1 className="sgf-card-title">{d.name}</h1>}
      extra={
        office && (
          <Flex gap="small" wrap>
            <Button disabled={!d.can.stopBenefits} onClick={() => setReporting('leftSocialWork')}>
              {t('talentTerms.report.leftSocialWork')}
            </Button>
            <Button disabled={!d.can.stopBenefits} onClick={() => setReporting('movedOutOfCity')}>
              {t('talentTerms.report.movedOutOfCity')}
            </Button>
            <Button disabled={!d.can.reportMisconduct} onClick={() => setReporting('misconduct')}>
              {t('talentTerms.report.misconduct')}
            </Button>
          </Flex>
        )
      }
    >
      <Flex vertical gap="middle">
        {office ? (
          <Link to="/talent/pool">{t('talentTerms.pool')}</Link>
        ) : (
          <Alert type="info" showIcon title={t('talentTermTasks.readOnly')} />
        )}
        <Descriptions
          bordered
          size="small"
          column={3}
          items={[
            {
              key: 'status',
              label: t('talentTerms.titleStatusLabel'),
              children: <TitleStatusTag status={d.titleStatus} />,
            },
            { key: 'identity', label: t('talentTerms.identityNumber'), children: d.identityNumber },
            { key: 'employer', label: t('talentTerms.employer'), children: d.employerName },
            { key: 'field', label: t('talentTerms.field'), children: fieldLabel(d.field) },
            { key: 'round', label: t('talentTerms.round'), children: d.round.title },
            { key: 'unit', label: t('talentTerms.unit'), children: d.unit.name },
            {
              key: 'term',
              label: t('talentTerms.term'),
              children: d.term ? periodOf(d.term.startsOn, d.term.endsOn) : '—',
            },
            {
              key: 'monthly',
              label: t('talentTerms.monthlyAmount'),
              children: d.term ? money(d.term.monthlyAmountYuan) : '—',
            },
            {
              key: 'stopped',
              label: t('talentTerms.benefitsStoppedOn'),
              children: d.term?.benefitsStoppedOn ?? '—',
            },
            { key: 'revoked', label: t('talentTerms.revokedOn'), children: d.term?.revokedOn ?? '—' },
            {
              key: 'rating',
              label: t('talentTerms.finalRating'),
              children: ratingLabel(d.term?.finalRating ?? null),
            },
          ]}
        />
        <TermOpenTasks tasks={d.openTasks} />
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('talentTerms.ledger')}
        </Typography.Title>
        {ledger && (
          <Table<LedgerYear>
            rowKey="termYear"
            size="small"
            pagination={false}
            dataSource={ledger.years}
            columns={[
              {
                key: 'year',
                title: t('talentTerms.termYear'),
                render: (_v, y) => t('talentTerms.yearN', { n: y.termYear }),
              },
              {
                key: 'period',
                title: t('talentTerms.period'),
                render: (_v, y) => periodOf(y.periodStart, y.periodEnd),
              },
              { key: 'months', title: t('talentTerms.months'), dataIndex: 'monthsDue' },
              { key: 'dueOn', title: t('talentTerms.dueOn'), render: (_v, y) => y.dueOn ?? '—' },
              {
                key: 'due',
                title: t('talentTerms.amountDue'),
                align: 'right',
                render: (_v, y) => money(y.amountDueYuan),
              },
              {
                key: 'paid',
                title: t('talentTerms.amountPaid'),
                align: 'right',
                render: (_v, y) => money(y.amountPaidYuan),
              },
              {
                key: 'status',
                title: t('talentTerms.ledgerStatusLabel'),
                render: (_v, y) => <Tag>{t(`talentTerms.ledgerStatus.${y.status}`)}</Tag>,
              },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={4}>
                  {t('talentTerms.totals')}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  {money(ledger.totals.dueYuan)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">
                  {money(ledger.totals.paidYuan)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={6}>
                  {t('talentTerms.outstanding', { amount: money(ledger.totals.outstandingYuan) })}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
        )}
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('talentTerms.statusEvents')}
        </Typography.Title>
        {d.statusEvents.length === 0 ? (
          <Typography.Text type="secondary">{t('talentTerms.noEvents')}</Typography.Text>
        ) : (
          <Timeline
            items={d.statusEvents.map((event, index) => ({
              key: index,
              children: (
                <span>
                  {event.effectiveOn} {eventText(event)}
                </span>
              ),
            }))}
          />
        )}
        <LeadingDecisions decisions={d.leadingDecisions} />
      </Flex>
      <FormModal<ReportForm>
        open={reporting !== null}
        name="term-report"
        title={reporting ? t(`talentTerms.report.${reporting}`) : ''}
        okText={t('talentTerms.report.submit')}
        serverFields={['effectiveOn', 'note']}
        pending={report.isPending}
        onClose={() => setReporting(null)}
        onSubmit={(values, showProblem) =>
          reporting &&
          report.mutate(
            {
              kind: reporting,
              effectiveOn: values.effectiveOn.format('YYYY-MM-DD'),
              ...(values.note ? { note: values.note } : {}),
            },
            { onSuccess: () => setReporting(null), onError: showProblem },
          )
        }
      >
        <Form.Item
          name="effectiveOn"
          label={t('talentTerms.report.effectiveOn')}
          extra={t('talentTerms.report.effectiveOnHelp')}
          rules={[choiceRequired(t)]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('talentTerms.report.note')}
          rules={[{ required: reporting === 'misconduct', max: 500 }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

/** The term's open tasks, each opening the task page (the inbox's), where it is done. */
function TermOpenTasks({ tasks }: { tasks: OpenTask[] }) {
  const { t } = useTranslation();
  const now = Date.now();
  return (
    <Table<OpenTask>
      rowKey="id"
      size="small"
      pagination={false}
      title={() => (
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('talentTerms.openTasks')}
        </Typography.Title>
      )}
      aria-label={t('talentTerms.openTasks')}
      dataSource={tasks}
      locale={{ emptyText: <Typography.Text>{t('talentTerms.noOpenTasks')}</Typography.Text> }}
      columns={[
        {
          key: 'name',
          title: t('talentTerms.taskName'),
          render: (_v, task) => <Link to={`/inbox/tasks/${task.id}`}>{task.name}</Link>,
        },
        {
          key: 'holder',
          title: t('talentTerms.taskHolder'),
          render: (_v, task) =>
            task.assignee?.displayName ??
            (task.candidateRole
              ? t(task.seats > 1 ? 'talentTerms.waitingForSeats' : 'talentTerms.waitingForRole', {
                  role: t(`roles.${task.candidateRole}`),
                  seats: task.seats,
                })
              : '—'),
        },
        {
          key: 'due',
          title: t('talentTerms.taskDue'),
          render: (_v, task) => (
            <DueBadge
              dueAt={task.dueAt}
              open
              overdue={task.dueAt !== null && new Date(task.dueAt).getTime() < now}
            />
          ),
        },
      ]}
    />
  );
}
