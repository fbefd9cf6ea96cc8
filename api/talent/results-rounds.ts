// The leading group's rounds (人才工作领导小组): the rounds of its subtree whose list is before it
// (排名遴选 … 已公布), newest first, each with its seats and cut lines.
import { z } from 'zod';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { decodeCursor, toPage } from '../http/pagination';
import { resultsRounds } from './results-ranking';
import { LEADING_GROUP_STATUSES, leadingGroupUnitIds } from './results-scope';
import type { TResultsRound } from './results-types';

const ZCursor = z.tuple([z.iso.datetime(), z.guid()]);

export async function listLeadingGroupRounds(
  db: DbClient,
  caller: Caller,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ items: TResultsRound[]; nextCursor: string | null }> {
  const unitIds = await leadingGroupUnitIds(db, caller);
  const after = query.cursor ? decodeCursor(query.cursor, ZCursor) : undefined;
  const rows = await db.talentRound.findMany({
    where: {
      unitId: { in: unitIds },
      status: { in: [...LEADING_GROUP_STATUSES] },
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
    include: { unit: true },
  });
  const page = rows.slice(0, query.limit);
  const heads = new Map((await resultsRounds(db, page)).map((round) => [round.id, round]));
  return toPage(
    rows,
    query.limit,
    (row) => [row.createdAt.toISOString(), row.id],
    (row) => heads.get(row.id)!,
  );
}
