// Pieces every results module shares: the person columns of a row (identity number masked), the
// round-status guard of the office's results commands, and the display names of user ids.
import type { Prisma } from '../../prisma/generated/client';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import { maskIdentityNumber } from './identity-number';
import { ROUND_STATUS_ZH } from './round-view';
import type { TRound } from './talent.types';
import type { TScreeningRow } from './results-types';

export const withPerson = { candidate: true, dossier: true } as const;
export type PersonRow = Prisma.TalentApplicationGetPayload<{ include: typeof withPerson }>;

/** The person columns of a results row. */
export function personOf(row: PersonRow) {
  return {
    applicationId: row.id,
    candidateId: row.candidateId,
    name: row.candidate.name,
    gender: row.candidate.gender,
    identityNumber: maskIdentityNumber(row.candidate.identityNumber),
    employerName: row.dossier.employerName,
    unitType: row.dossier.unitType as TScreeningRow['unitType'],
    field: row.dossier.field as TScreeningRow['field'],
    elderlyServices: row.dossier.elderlyServices,
    status: row.status,
  };
}

/** 409 naming the round's status unless it is the one the command needs. */
export function requireRoundStatus(
  round: { status: TRound['status'] },
  needed: TRound['status'],
  what: { en: string; zh: string },
): void {
  if (round.status !== needed)
    throw new AppError(
      'TALENT_ROUND_STATE',
      `The round is ${round.status}; ${what.en} only while it is ${needed}.`,
      [],
      {
        roundStatus: round.status,
        detailZh: `选拔批次当前为“${ROUND_STATUS_ZH[round.status]}”，仅在“${ROUND_STATUS_ZH[needed]}”阶段可以${what.zh}`,
      },
    );
}

/** Display names of the given users (the override's and the objection's actors have no relation to User). */
export async function displayNames(db: DbClient, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await db.user.findMany({
    where: { id: { in: wanted } },
    select: { id: true, displayName: true },
  });
  return new Map(users.map((user) => [user.id, user.displayName]));
}

export const applicationNotFound = () =>
  new AppError('NOT_FOUND', 'No such application among those you may see.', [], {
    detailZh: '未找到该申报，或您无权查看',
  });
