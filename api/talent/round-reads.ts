// Rounds the selection office reaches: a page of them (newest first) and one round.
import { z } from 'zod';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { decodeCursor, toPage } from '../http/pagination';
import { COUNTED_APPLICATIONS, toRound } from './round-view';
import type { TRound } from './talent.types';
import { officeUnitIds, roundInScope } from './talent-scope';

const ZRoundCursor = z.tuple([z.iso.datetime(), z.guid()]);

export async function listRounds(
  db: DbClient,
  caller: Caller,
  query: { limit: number; cursor?: string | undefined; status?: TRound['status'] | undefined },
): Promise<{ items: TRound[]; nextCursor: string | null }> {
  const unitIds = await officeUnitIds(db, caller);
  const after = query.cursor ? decodeCursor(query.cursor, ZRoundCursor) : undefined;
  const rows = await db.talentRound.findMany({
    where: {
      unitId: { in: unitIds },
      ...(query.status ? { status: query.status } : {}),
      ...(after
        ? {
            OR: [
              { createdAt: { lt: new Date(after[0]) } },
              { createdAt: new Date(after[0]), id: { lt: after[1] } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
    include: { unit: true, _count: { select: { applications: { where: COUNTED_APPLICATIONS } } } },
  });
  return toPage(
    rows,
    query.limit,
    (row) => [row.createdAt.toISOString(), row.id],
    (row) => toRound(row, row._count.applications),
  );
}

export async function roundDetail(db: DbClient, caller: Caller, roundId: string): Promise<TRound> {
  const round = await roundInScope(db, caller, roundId);
  return toRound(round, await db.talentApplication.count({ where: { roundId, ...COUNTED_APPLICATIONS } }));
}
