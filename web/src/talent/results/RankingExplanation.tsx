// A ranking explanation as the rules stored it (workflows/talent/quota-allocation.ts, objections.ts):
// the rule's sentence (candidate ids shown as names), rank, category, seat, the cut lines, which
// tie-break separated the candidate from each neighbour and which one decided the seat, and what
// upheld objections changed.
import { Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TIE_BREAK_LABELS, type TieBreak } from '../../../../workflows/talent/quota-allocation';
import type { RankingRow } from './results-types';
import { SeatTag } from './SeatTag';
import { useLocalized } from './use-localized';

const score2 = (value: number | null) => (value === null ? '—' : value.toFixed(2));

export function RankingExplanation({ row }: { row: RankingRow }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const e = row.explanation;
  const nameOf = (id: string) => row.namesById[id] ?? id;
  const rule = (r: TieBreak | null) => (r === null ? '—' : localized(TIE_BREAK_LABELS[r]));
  const sentence = Object.entries(row.namesById).reduce(
    (text, [id, name]) => text.split(id).join(name),
    localized(e.message),
  );
  const items = [
    { key: 'rank', label: t('talentResults.rank'), children: e.rank ?? '—' },
    {
      key: 'categoryRank',
      label: t('talentResults.categoryRank'),
      children: `${t(`talentResults.categories.${e.category}`)} ${e.categoryRank ?? '—'}`,
    },
    { key: 'seat', label: t('talentResults.seat'), children: <SeatTag seat={e.seat} /> },
    { key: 'score', label: t('talentResults.finalScore'), children: score2(e.finalScore) },
    {
      key: 'cutLines',
      label: t('talentResults.cutLines'),
      children: t('talentResults.cutLineValues', {
        reserved: score2(e.cutLines.reserved),
        general: score2(e.cutLines.general),
      }),
    },
    { key: 'above', label: t('talentResults.decidedAbove'), children: rule(e.decidedAbove) },
    { key: 'below', label: t('talentResults.decidedBelow'), children: rule(e.decidedBelow) },
    {
      key: 'seatDecision',
      label: t('talentResults.seatDecision'),
      children: e.seatDecision
        ? t('talentResults.seatDecisionText', {
            name: nameOf(e.seatDecision.against),
            rule: rule(e.seatDecision.rule),
            outcome: t(e.seatDecision.won ? 'talentResults.won' : 'talentResults.lost'),
          })
        : '—',
    },
    ...(e.seatBeforeObjections !== undefined && e.seatBeforeObjections !== e.seat
      ? [
          {
            key: 'before',
            label: t('talentResults.seatBeforeObjections'),
            children: <SeatTag seat={e.seatBeforeObjections} />,
          },
        ]
      : []),
    ...(e.removedBy
      ? [
          {
            key: 'removedBy',
            label: t('talentResults.removedBy'),
            children: e.removedBy.map((objection) => objection.reason).join('；'),
          },
        ]
      : []),
    ...(e.promotedAfter
      ? [
          {
            key: 'promotedAfter',
            label: t('talentResults.promotedAfter'),
            children: e.promotedAfter.map(nameOf).join('、'),
          },
        ]
      : []),
  ];
  return (
    <Flex vertical gap="small">
      <Typography.Paragraph style={{ marginBottom: 0 }}>{sentence}</Typography.Paragraph>
      <Descriptions bordered size="small" column={3} items={items} />
    </Flex>
  );
}
