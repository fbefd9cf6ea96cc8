// 排名结果: the round's seats and cut lines, then every candidate in merit order with the seat
// (预留 / 普通 / 未入选), raw mean and final score, and the explanation expandable per row. Read-only:
// the office and the leading group see the same list (identity numbers masked).
import './results.css';
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Descriptions, Flex, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { SOCIAL_WORK_FIELDS, labelOf } from '../../../../workflows/talent/talent-vocabulary';
import { CursorPager } from '../../ui/CursorPager';
import { useCursorPages } from '../../ui/use-cursor-pages';
import { RankingExplanation } from './RankingExplanation';
import { LeadingDecisions } from '../terms/LeadingDecisions';
import { useRankingResults } from './results-hooks';
import type { RankingRow, ResultsRound } from './results-types';
import { SeatTag } from './SeatTag';
import { useLocalized } from './use-localized';

const score2 = (value: number | null) => (value === null ? '—' : value.toFixed(2));

export function RankingResultsTab({ roundId }: { roundId: string }) {
  const { t, i18n } = useTranslation();
  const localized = useLocalized();
  const pages = useCursorPages(`ranking-${roundId}`);
  const ranking = useRankingResults(roundId, pages.cursor);
  const round = ranking.data?.round;
  return (
    <Flex vertical gap="middle">
      {round && <Seats round={round} />}
      {ranking.data && ranking.data.leadingDecisions.length > 0 && (
        <LeadingDecisions decisions={ranking.data.leadingDecisions} />
      )}
      <Flex>
        <Button
          icon={<DownloadOutlined />}
          // Named after the round in Chinese; in the English UI, in English.
          href={`/api/talent/rounds/${roundId}/ranking-results/export.xlsx${i18n.language.startsWith('zh') ? '' : '?lang=en'}`}
        >
          {t('talentExports.exportRanking')}
        </Button>
      </Flex>
      <Table<RankingRow>
        rowKey="applicationId"
        aria-label={t('talentResults.tabs.ranking')}
        loading={ranking.isPending}
        dataSource={ranking.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('talentResults.noRanking') }}
        expandable={{ expandedRowRender: (row) => <RankingExplanation row={row} /> }}
        columns={[
          { key: 'rank', title: t('talentResults.rank'), width: 70, render: (_v, row) => row.rank ?? '—' },
          { key: 'name', title: t('talent.name'), dataIndex: 'name', className: 'sgf-results-nowrap' },
          {
            key: 'id',
            title: t('talent.identityNumber'),
            dataIndex: 'identityNumber',
            className: 'sgf-results-nowrap',
          },
          { key: 'employer', title: t('talent.employer'), dataIndex: 'employerName' },
          {
            key: 'field',
            title: t('talent.field'),
            render: (_v, row) => localized(labelOf(SOCIAL_WORK_FIELDS, row.field)),
          },
          {
            key: 'category',
            title: t('talentResults.category'),
            render: (_v, row) => t(`talentResults.categories.${row.category}`),
          },
          {
            key: 'seat',
            title: t('talentResults.seat'),
            render: (_v, row) => (
              <Flex gap={4} wrap>
                <SeatTag seat={row.seatType} />
                {row.status === 'removed' && (
                  // Promotion of the next in line happens when the notice ends.
                  <Tag>
                    {t(
                      ranking.data?.round.status === 'notice'
                        ? 'talentResults.removedPending'
                        : 'talentResults.removedDone',
                    )}
                  </Tag>
                )}
              </Flex>
            ),
          },
          { key: 'final', title: t('talentResults.finalScore'), render: (_v, row) => score2(row.finalScore) },
          {
            key: 'raw',
            title: t('talentResults.rawMean'),
            render: (_v, row) =>
              row.reviewerCount === 0
                ? '—'
                : t('talentResults.rawMeanValue', { score: score2(row.rawMean), count: row.reviewerCount }),
          },
        ]}
      />
      <CursorPager pages={pages} nextCursor={ranking.data?.nextCursor} />
    </Flex>
  );
}

function Seats({ round }: { round: ResultsRound }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      bordered
      size="small"
      column={3}
      items={[
        { key: 'quota', label: t('talentResults.quota'), children: round.quota },
        {
          key: 'reserved',
          label: t('talentResults.reservedSeats'),
          children: t('talentResults.filled', { filled: round.reservedFilled, seats: round.reservedSeats }),
        },
        {
          key: 'general',
          label: t('talentResults.generalSeats'),
          // With the shortfall released to the general list, general seats are more than quota − reserved.
          children: t('talentResults.filledOnly', { filled: round.generalFilled }),
        },
        {
          key: 'cutReserved',
          label: t('talentResults.cutLineReserved'),
          children: score2(round.cutLines.reserved),
        },
        {
          key: 'cutGeneral',
          label: t('talentResults.cutLineGeneral'),
          children: score2(round.cutLines.general),
        },
        {
          key: 'shortfall',
          label: t('talentResults.shortfallPolicy'),
          children: t(`talentResults.shortfall.${round.elderlyShortfall}`),
        },
        ...(round.removed > 0
          ? [{ key: 'removed', label: t('talentResults.removedCount'), children: round.removed }]
          : []),
      ]}
    />
  );
}
