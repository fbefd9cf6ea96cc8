// 我的评审: the committee member's assignments, newest first: the round and its status, the
// candidate (a code in the blind phase, the name and employer otherwise) and whether they submitted.
import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { RoundStatusTag } from '../RoundsPage';
import { type MyAssignment, useMyReviews } from './review-hooks';

export function CandidateName({ candidate }: { candidate: Pick<MyAssignment, 'code' | 'name'> }) {
  const { t } = useTranslation();
  return <>{candidate.name ?? t('talentReview.candidateCode', { code: candidate.code })}</>;
}

export function MyReviewsPage() {
  const { t } = useTranslation();
  const reviews = useMyReviews();
  return (
    <Card title={<h1 className="sgf-card-title">{t('talentReview.myReviews')}</h1>}>
      <Table<MyAssignment>
        rowKey="id"
        aria-label={t('talentReview.myReviews')}
        loading={reviews.isPending}
        dataSource={reviews.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Typography.Text>{t('talentReview.noAssignments')}</Typography.Text> }}
        columns={[
          // At phone width the candidate, the state and the way to score stay; the rest hides.
          { key: 'round', title: t('talentReview.round'), dataIndex: 'roundTitle', responsive: ['md'] },
          {
            key: 'roundStatus',
            title: t('talent.statusLabel'),
            responsive: ['md'],
            render: (_v, a) => <RoundStatusTag status={a.roundStatus} />,
          },
          {
            key: 'candidate',
            title: t('talentReview.candidate'),
            render: (_v, a) => <CandidateName candidate={a} />,
          },
          {
            key: 'employer',
            title: t('talentReview.employer'),
            responsive: ['md'],
            render: (_v, a) => a.employerName ?? t('talentReview.masked'),
          },
          {
            key: 'state',
            title: t('talentReview.state'),
            render: (_v, a) => (
              <Tag>{a.submitted ? t('talentReview.submitted') : t('talentReview.pending')}</Tag>
            ),
          },
          {
            key: 'action',
            title: t('talentReview.score'),
            render: (_v, a) =>
              a.roundStatus === 'review' ? (
                <Link to={`/talent/reviews/${a.id}`} aria-label={`${t('talentReview.score')} ${a.code}`}>
                  {a.submitted ? t('talentReview.view') : t('talentReview.score')}
                </Link>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
