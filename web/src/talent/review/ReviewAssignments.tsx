// 评审分配, the office's section of a round's page: 自动分配 (balanced, never a conflicted reviewer),
// each eligible applicant's reviewers with 移除 while they have not submitted and 添加专家, the
// reviewers' load, and the recorded conflicts of interest (declared or same employer). A cancelled
// round says so, and shows what was assigned before it was cancelled, read-only.
import { Alert, Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeProblem, isApiProblem } from '../../api/client';
import type { RoundStatus } from '../talent-types';
import { type AssignmentOverview, useAssignmentCommands, useAssignmentOverview } from './review-hooks';

type ApplicationRow = AssignmentOverview['applications'][number];

/** Statuses before 专家评审: nobody is assigned yet, so the section stays away. */
const BEFORE_REVIEW: readonly RoundStatus[] = ['draft', 'open', 'closed', 'screening'];

export function ReviewAssignments({ roundId, status }: { roundId: string; status: RoundStatus }) {
  if (BEFORE_REVIEW.includes(status)) return null;
  return <AssignmentSection roundId={roundId} status={status} />;
}

function AssignmentSection({ roundId, status }: { roundId: string; status: RoundStatus }) {
  const { t, i18n } = useTranslation();
  const overview = useAssignmentOverview(roundId);
  const [refusal, setRefusal] = useState<string | null>(null);
  const { auto, add, remove } = useAssignmentCommands(roundId, (error) =>
    setRefusal(
      (isApiProblem(error) && (i18n.language.startsWith('zh') ? error.detailZh : error.detail)) ||
        describeProblem(error, t),
    ),
  );
  const act = <T,>(command: { mutate: (input: T) => void }, input: T) => {
    setRefusal(null);
    command.mutate(input);
  };
  const o = overview.data;
  // After 专家评审 (ranking to published) or cancelled, the section tells what was assigned, read-only.
  const inReview = status === 'review';
  const cancelled = status === 'cancelled';
  const conflicted = new Set((o?.conflicts ?? []).map((c) => `${c.reviewerId} ${c.applicationId}`));
  return (
    <Card
      size="small"
      title={<h2 className="sgf-card-title">{t('talentReview.assignments')}</h2>}
      extra={
        inReview && (
          <Button type="primary" loading={auto.isPending} onClick={() => act(auto, undefined)}>
            {t('talentReview.autoAssign')}
          </Button>
        )
      }
    >
      <Flex vertical gap="middle">
        {refusal && <Alert type="error" showIcon role="alert" message={refusal} />}
        <Alert
          type={cancelled ? 'warning' : 'info'}
          showIcon
          message={
            inReview
              ? t('talentReview.autoAssignHelp', { count: o?.minReviewersPerCandidate ?? 0 })
              : cancelled
                ? t('talentFinish.roundCancelled')
                : t('talentFixes.reviewClosedSummary', {
                    applicants: o?.applications.length ?? 0,
                    reviewers: (o?.reviewers ?? []).filter((r) => r.assigned > 0).length,
                    submitted: (o?.reviewers ?? []).reduce((sum, r) => sum + r.submitted, 0),
                    conflicts: o?.conflicts.length ?? 0,
                  })
          }
        />
        <Table<ApplicationRow>
          rowKey="applicationId"
          size="small"
          aria-label={t('talentReview.assignments')}
          loading={overview.isPending}
          dataSource={o?.applications ?? []}
          pagination={false}
          // A Typography text: the empty state's own grey fails the contrast check (axe).
          locale={{ emptyText: <Typography.Text>{t('talentReview.noEligible')}</Typography.Text> }}
          columns={[
            { key: 'name', title: t('talentReview.candidate'), dataIndex: 'name' },
            { key: 'employer', title: t('talentReview.employer'), dataIndex: 'employerName' },
            {
              key: 'reviewers',
              title: t('talentReview.reviewers'),
              render: (_v, a) => (
                <Flex gap={4} wrap>
                  {a.reviewers.map((r) => (
                    <Tag
                      key={r.reviewerId}
                      closable={inReview && !r.submitted}
                      closeIcon={inReview && !r.submitted ? undefined : false}
                      onClose={(event) => {
                        event.preventDefault();
                        act(remove, { applicationId: a.applicationId, reviewerId: r.reviewerId });
                      }}
                      aria-label={r.name}
                    >
                      {r.name}
                      {r.submitted ? ` · ${t('talentReview.submitted')}` : ''}
                    </Tag>
                  ))}
                </Flex>
              ),
            },
            {
              key: 'missing',
              title: t('talentReview.missing'),
              render: (_v, a) => (a.missing > 0 ? a.missing : t('talentReview.complete')),
            },
            {
              key: 'add',
              title: t('talentReview.addReviewer'),
              render: (_v, a) => (
                // No placeholder: its grey fails the contrast check; the column's title names the select.
                <Select
                  aria-label={`${t('talentReview.addReviewer')} ${a.name}`}
                  disabled={!inReview}
                  style={{ minWidth: 160 }}
                  value={null}
                  options={(o?.reviewers ?? [])
                    .filter(
                      (r) =>
                        r.covers &&
                        !a.reviewers.some((x) => x.reviewerId === r.reviewerId) &&
                        !conflicted.has(`${r.reviewerId} ${a.applicationId}`),
                    )
                    .map((r) => ({ value: r.reviewerId, label: r.name }))}
                  onChange={(reviewerId: string) =>
                    add.mutate({ applicationId: a.applicationId, reviewerId })
                  }
                />
              ),
            },
          ]}
        />
        <Table
          rowKey="reviewerId"
          size="small"
          aria-label={t('talentReview.load')}
          title={() => t('talentReview.load')}
          dataSource={o?.reviewers ?? []}
          pagination={false}
          columns={[
            { key: 'name', title: t('talentReview.reviewer'), dataIndex: 'name' },
            { key: 'units', title: t('talentReview.units'), dataIndex: 'unitNames' },
            { key: 'assigned', title: t('talentReview.assigned'), dataIndex: 'assigned' },
            { key: 'submitted', title: t('talentReview.submittedCount'), dataIndex: 'submitted' },
          ]}
        />
        {(o?.conflicts.length ?? 0) > 0 && (
          <Table
            rowKey={(c) => `${c.reviewerId} ${c.applicationId}`}
            size="small"
            aria-label={t('talentReview.conflicts')}
            title={() => t('talentReview.conflicts')}
            dataSource={o?.conflicts ?? []}
            pagination={false}
            columns={[
              { key: 'reviewer', title: t('talentReview.reviewer'), dataIndex: 'reviewerName' },
              {
                key: 'candidate',
                title: t('talentReview.candidate'),
                render: (_v, c) =>
                  o?.applications.find((a) => a.applicationId === c.applicationId)?.name ?? '',
              },
              {
                key: 'source',
                title: t('talentReview.source'),
                render: (_v, c) => t(`talentReview.sources.${c.source}`),
              },
              { key: 'reason', title: t('talentReview.reason'), dataIndex: 'reason' },
            ]}
          />
        )}
      </Flex>
    </Card>
  );
}
