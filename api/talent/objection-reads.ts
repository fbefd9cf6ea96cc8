// Objections of a round, in the order they were received, for the office and, read-only, for the
// leading group over the rounds before it; and one objection as an answer.
import { z } from 'zod';
import type { Prisma } from '../../prisma/generated/client';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { decodeCursor, toPage } from '../http/pagination';
import { maskIdentityNumber } from './identity-number';
import { isoInstant } from './round-view';
import { displayNames } from './results-rows';
import type { TObjection } from './objection-types';
import { resultsRoundInScope } from './results-scope';

const withCandidate = { application: { include: { candidate: true } } } as const;
type ObjectionRow = Prisma.TalentObjectionGetPayload<{ include: typeof withCandidate }>;

const ZCursor = z.tuple([z.iso.datetime(), z.guid()]);

async function toObjections(db: DbClient, rows: ObjectionRow[]): Promise<Map<string, TObjection>> {
  const names = await displayNames(
    db,
    rows.flatMap((row) => [row.recordedById, row.decidedById]),
  );
  const actor = (id: string) => ({ id, displayName: names.get(id) ?? '' });
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        roundId: row.roundId,
        applicationId: row.applicationId,
        candidateName: row.application.candidate.name,
        identityNumber: maskIdentityNumber(row.application.candidate.identityNumber),
        applicationStatus: row.application.status,
        raisedBy: row.raisedBy,
        content: row.content,
        receivedAt: row.receivedAt.toISOString(),
        recordedBy: actor(row.recordedById),
        decision: row.decision,
        decisionReason: row.decisionReason,
        decidedBy: row.decidedById ? actor(row.decidedById) : null,
        decidedAt: isoInstant(row.decidedAt),
      },
    ]),
  );
}

export async function objectionById(db: DbClient, id: string): Promise<TObjection> {
  const row = await db.talentObjection.findUniqueOrThrow({ where: { id }, include: withCandidate });
  return (await toObjections(db, [row])).get(id)!;
}

export async function listObjections(
  db: DbClient,
  caller: Caller,
  roundId: string,
  query: { limit: number; cursor?: string | undefined; decision?: TObjection['decision'] | undefined },
): Promise<{ items: TObjection[]; nextCursor: string | null }> {
  await resultsRoundInScope(db, caller, roundId);
  const after = query.cursor ? decodeCursor(query.cursor, ZCursor) : undefined;
  const rows = await db.talentObjection.findMany({
    where: {
      roundId,
      ...(query.decision ? { decision: query.decision } : {}),
      ...(after
        ? {
            OR: [
              { receivedAt: { gt: new Date(after[0]) } },
              { receivedAt: new Date(after[0]), id: { gt: after[1] } },
            ],
          }
        : {}),
    },
    orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }],
    take: query.limit + 1,
    include: withCandidate,
  });
  const shown = await toObjections(db, rows.slice(0, query.limit));
  return toPage(
    rows,
    query.limit,
    (row) => [row.receivedAt.toISOString(), row.id],
    (row) => shown.get(row.id)!,
  );
}
