// The leading group's part of 人才选拔 (人才工作领导小组): the rounds of its subtree whose list is
// before it (排名遴选 … 已公布) and, per round, read-only: the ranking with every explanation, the
// office's manual screening overrides and, from the public notice on, the objections and decisions;
// and a talent's page (read-only), linked from the revocation it approves.
import { Alert, Card, Descriptions, Flex, Table, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useParams } from 'react-router-dom';
import { CursorPager } from '../../ui/CursorPager';
import { Result } from '../../ui/Result';
import { useCursorPages } from '../../ui/use-cursor-pages';
import { RoundStatusTag } from '../RoundsPage';
import { TalentPage } from '../terms/TalentPage';
import { ObjectionsTab } from './ObjectionsTab';
import { RankingResultsTab } from './RankingResultsTab';
import { ScreeningOverrides } from './ScreeningOverrides';
import { useLeadingGroupRounds, useRankingResults } from './results-hooks';
import type { ResultsRound } from './results-types';

export function LeadingGroupArea() {
  return (
    <Routes>
      <Route index element={<LeadingRoundsPage />} />
      {/* A talent whose revocation it approves (linked from the approval task), read-only. */}
      <Route path="pool/:talentId" element={<TalentPage office={false} />} />
      <Route path=":roundId" element={<LeadingRoundPage />} />
    </Routes>
  );
}

function LeadingRoundsPage() {
  const { t } = useTranslation();
  const pages = useCursorPages('leading-rounds');
  const rounds = useLeadingGroupRounds(pages.cursor);
  return (
    <Card title={<h1 className="sgf-card-title">{t('talentResults.leadingRounds')}</h1>}>
      <Flex vertical gap="middle">
        <Alert type="info" showIcon message={t('talentResults.leadingRoundsHelp')} />
        <Table<ResultsRound>
          rowKey="id"
          aria-label={t('talentResults.leadingRounds')}
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
            { key: 'quota', title: t('talentResults.quota'), dataIndex: 'quota' },
            {
              key: 'selected',
              title: t('talentResults.selectedCount'),
              render: (_v, round) => round.reservedFilled + round.generalFilled,
            },
            { key: 'applications', title: t('talent.applicationCount'), dataIndex: 'applicationCount' },
          ]}
        />
        <CursorPager pages={pages} nextCursor={rounds.data?.nextCursor} />
      </Flex>
    </Card>
  );
}

function LeadingRoundPage() {
  const { t } = useTranslation();
  const roundId = useParams().roundId ?? '';
  const ranking = useRankingResults(roundId, undefined);
  // 404: not a ranked round of the leading group's units (or no such round).
  if (ranking.isError)
    return (
      <Result
        status="404"
        title={t('talentResults.notFound')}
        extra={<Link to="/talent">{t('talentResults.leadingRounds')}</Link>}
      />
    );
  const round = ranking.data?.round;
  if (!round) return <Card loading />;
  return (
    <Card title={<h1 className="sgf-card-title">{round.title}</h1>}>
      <Flex vertical gap="middle">
        <Link to="/talent">{t('talentResults.leadingRounds')}</Link>
        <Alert type="info" showIcon message={t('talentResults.readOnly')} />
        <Descriptions
          bordered
          size="small"
          column={3}
          items={[
            {
              key: 'status',
              label: t('talent.statusLabel'),
              children: <RoundStatusTag status={round.status} />,
            },
            { key: 'unit', label: t('talent.unit'), children: round.unit.name },
            { key: 'reference', label: t('talent.referenceDate'), children: round.referenceDate },
          ]}
        />
        <Tabs
          destroyOnHidden
          items={[
            {
              key: 'ranking',
              label: t('talentResults.tabs.ranking'),
              children: <RankingResultsTab roundId={roundId} />,
            },
            {
              key: 'overrides',
              label: t('talentFixes.overrides'),
              children: <ScreeningOverrides roundId={roundId} />,
            },
            // Objections exist from the public notice on.
            ...(round.status === 'ranking'
              ? []
              : [
                  {
                    key: 'objections',
                    label: t('talentResults.tabs.objections'),
                    children: <ObjectionsTab round={round} readOnly />,
                  },
                ]),
          ]}
        />
      </Flex>
    </Card>
  );
}
