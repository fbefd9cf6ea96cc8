// 排名结果: the stored ranking of a round in merit order (the unranked and the removed last), each
// candidate with the explanation as stored, the raw mean beside the final score, and the round's
// seats and cut lines. The office reads it in any status; the leading group once ranked.
import { z } from 'zod';
import type { TalentRound } from '../../prisma/generated/client';
import {
  aggregateScores,
  reservedSeatCount,
  weightedScore,
  ZRoundConfig,
  type SubmittedScore,
} from '../../workflows/talent';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { decodeCursor, toPage } from '../http/pagination';
import { leadingDecisionsOf } from './leading-decision-reads';
import type { TLeadingDecision } from './leading-decision.types';
import { COUNTED_APPLICATIONS, isoDate } from './round-view';
import { personOf, withPerson } from './results-rows';
import { resultsRoundInScope } from './results-scope';
import { ZRankingExplanation, type TRankingRow, type TResultsRound } from './results-types';
import type { RoundRow } from './talent-scope';

/** Sort key of the last row: rank (0 for the unranked, who come last; ranks start at 1) and application id. */
const ZCursor = z.tuple([z.number().int().min(0), z.guid()]);

/** The round as results pages head it, for any number of rounds in five statements. */
export async function resultsRounds(db: DbClient, rounds: RoundRow[]): Promise<TResultsRound[]> {
  const roundIds = rounds.map((round) => round.id);
  const [seats, held, applications, removed] = await Promise.all([
    // The cut lines are the ranking's, as its explanations state them…
    db.talentRankingResult.groupBy({
      by: ['roundId', 'seatType'],
      where: { roundId: { in: roundIds } },
      _min: { finalScore: true },
    }),
    // …while a seat whose holder an upheld objection removed is no longer filled, though the next in
    // line is promoted only when the notice ends.
    db.talentRankingResult.groupBy({
      by: ['roundId', 'seatType'],
      where: { roundId: { in: roundIds }, application: { status: { not: 'removed' } } },
      _count: { _all: true },
    }),
    db.talentApplication.groupBy({
      by: ['roundId'],
      where: { roundId: { in: roundIds }, ...COUNTED_APPLICATIONS },
      _count: { _all: true },
    }),
    db.talentApplication.groupBy({
      by: ['roundId'],
      where: { roundId: { in: roundIds }, status: 'removed' },
      _count: { _all: true },
    }),
  ]);
  const seat = (roundId: string, type: 'reserved' | 'general') =>
    seats.find((s) => s.roundId === roundId && s.seatType === type);
  const filled = (roundId: string, type: 'reserved' | 'general') =>
    held.find((s) => s.roundId === roundId && s.seatType === type)?._count._all ?? 0;
  const count = (groups: { roundId: string; _count: { _all: number } }[], roundId: string) =>
    groups.find((g) => g.roundId === roundId)?._count._all ?? 0;
  return rounds.map((round) => {
    const allocation = ZRoundConfig.parse(round.config).allocation;
    const reserved = seat(round.id, 'reserved');
    const general = seat(round.id, 'general');
    return {
      id: round.id,
      title: round.title,
      status: round.status,
      unit: { id: round.unit.id, name: round.unit.name },
      referenceDate: isoDate(round.referenceDate),
      quota: allocation.quota,
      reservedSeats: reservedSeatCount(allocation),
      elderlyShortfall: allocation.elderlyShortfall,
      applicationCount: count(applications, round.id),
      reservedFilled: filled(round.id, 'reserved'),
      generalFilled: filled(round.id, 'general'),
      removed: count(removed, round.id),
      // The lowest score holding a seat of each kind: the cut lines the explanations state.
      cutLines: {
        reserved: reserved?._min.finalScore?.toNumber() ?? null,
        general: general?._min.finalScore?.toNumber() ?? null,
      },
    };
  });
}

/**
 * Each application's reviewer count and raw mean: the submitted sheets' weighted raw scores,
 * conflicted reviewers set aside, aggregated by the same pure rule that made the final score.
 */
async function rawMeans(
  db: DbClient,
  round: Pick<TalentRound, 'config'>,
  applicationIds: string[],
): Promise<Map<string, { rawMean: number; reviewerCount: number }>> {
  const review = ZRoundConfig.parse(round.config).review;
  const [assignments, conflicts] = await Promise.all([
    db.talentReviewerAssignment.findMany({
      where: { applicationId: { in: applicationIds }, submittedAt: { not: null } },
      include: { scores: true },
    }),
    db.talentConflict.findMany({
      where: { applicationId: { in: applicationIds } },
      select: { applicationId: true, reviewerId: true },
    }),
  ]);
  const submitted: SubmittedScore[] = assignments.map((assignment) => ({
    reviewerId: assignment.reviewerId,
    candidateId: assignment.applicationId,
    score: weightedScore(
      review.rubric,
      Object.fromEntries(assignment.scores.map((s) => [s.criterionKey, s.raw.toNumber()])),
    ),
  }));
  const scores = aggregateScores(
    submitted,
    review,
    conflicts.map((c) => ({ reviewerId: c.reviewerId, candidateId: c.applicationId })),
  );
  return new Map(scores.map((s) => [s.candidateId, { rawMean: s.rawMean, reviewerCount: s.reviewerCount }]));
}

/** Ids an explanation names other candidates by: the seat's rival, the removed, the promoted after. */
function referencedIds(explanation: z.infer<typeof ZRankingExplanation>): string[] {
  return [
    ...(explanation.seatDecision ? [explanation.seatDecision.against] : []),
    ...(explanation.promotedAfter ?? []),
    ...(explanation.removedBy ?? []).map((objection) => objection.candidateId),
  ];
}

/** Names of the round's candidates by candidate id and by application id (whichever the ranking used). */
async function namesInRound(db: DbClient, roundId: string, ids: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)].filter((id) => z.guid().safeParse(id).success);
  if (wanted.length === 0) return new Map();
  const rows = await db.talentApplication.findMany({
    where: { roundId, OR: [{ id: { in: wanted } }, { candidateId: { in: wanted } }] },
    select: { id: true, candidateId: true, candidate: { select: { name: true } } },
  });
  return new Map(
    rows.flatMap((row) => [
      [row.id, row.candidate.name],
      [row.candidateId, row.candidate.name],
    ]),
  );
}

export async function listRankingResults(
  db: DbClient,
  caller: Caller,
  roundId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<{
  round: TResultsRound;
  leadingDecisions: TLeadingDecision[];
  items: TRankingRow[];
  nextCursor: string | null;
}> {
  const round = await resultsRoundInScope(db, caller, roundId);
  const after = query.cursor ? decodeCursor(query.cursor, ZCursor) : undefined;
  const rows = await db.talentRankingResult.findMany({
    where: {
      roundId,
      ...(after === undefined
        ? {}
        : after[0] === 0
          ? { rank: null, applicationId: { gt: after[1] } }
          : {
              OR: [
                { rank: { gt: after[0] } },
                { rank: after[0], applicationId: { gt: after[1] } },
                { rank: null },
              ],
            }),
    },
    orderBy: [{ rank: { sort: 'asc', nulls: 'last' } }, { applicationId: 'asc' }],
    take: query.limit + 1,
    include: { application: { include: withPerson } },
  });
  const explanations = new Map(
    rows.map((row) => [row.applicationId, ZRankingExplanation.parse(row.explanation)]),
  );
  const [header, decisions, raw, names] = await Promise.all([
    resultsRounds(db, [round]),
    leadingDecisionsOf(db, { roundId }),
    rawMeans(
      db,
      round,
      rows.map((row) => row.applicationId),
    ),
    namesInRound(db, roundId, [...explanations.values()].flatMap(referencedIds)),
  ]);
  const page = toPage(
    rows,
    query.limit,
    (row) => [row.rank ?? 0, row.applicationId],
    (row): TRankingRow => {
      const explanation = explanations.get(row.applicationId)!;
      return {
        ...personOf(row.application),
        rank: row.rank,
        category: row.category,
        seatType: row.seatType,
        finalScore: row.finalScore?.toNumber() ?? null,
        rawMean: raw.get(row.applicationId)?.rawMean ?? null,
        reviewerCount: raw.get(row.applicationId)?.reviewerCount ?? 0,
        explanation,
        namesById: Object.fromEntries(
          referencedIds(explanation).flatMap((id) => (names.has(id) ? [[id, names.get(id)!]] : [])),
        ),
        computedAt: row.computedAt.toISOString(),
      };
    },
  );
  return { round: header[0]!, leadingDecisions: decisions, ...page };
}
