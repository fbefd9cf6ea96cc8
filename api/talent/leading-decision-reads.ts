// Reads the leading group's decisions on a talent's revocation or a round's list, oldest first,
// with each voter's name (talent_leading_decision keeps user ids; activities/talent-leading-decisions.ts writes them).
import { z } from 'zod';
import type { DbClient } from '../db/prisma-client';
import { peopleNames } from '../work/people-names';
import type { TLeadingDecision } from './leading-decision.types';

const ZStoredVotes = z.array(
  z.object({
    userId: z.string(),
    vote: z.enum(['approve', 'reject', 'return']),
    comment: z.string().optional(),
  }),
);

export async function leadingDecisionsOf(
  db: DbClient,
  about: { talentId: string } | { roundId: string },
): Promise<TLeadingDecision[]> {
  const rows = await db.talentLeadingDecision.findMany({
    where: about,
    orderBy: [{ decidedAt: 'asc' }, { id: 'asc' }],
  });
  const votesOf = rows.map((row) => ZStoredVotes.parse(row.votes));
  const names = await peopleNames(db, [...new Set(votesOf.flat().map((vote) => vote.userId))]);
  return rows.map((row, index) => ({
    outcome: row.outcome,
    decidedAt: row.decidedAt.toISOString(),
    reason: row.reason,
    votes: votesOf[index]!.map((vote) => ({
      displayName: names[vote.userId] ?? '—',
      vote: vote.vote,
      comment: vote.comment ?? null,
    })),
  }));
}
