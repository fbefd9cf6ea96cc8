// Who may work on talent rounds: the selection office (选拔管理工作办公室) over the rounds of the
// unit it is assigned at and the units below. Admin assignments give no talent data (as they give no
// project content, policy/unit-scope.ts); committee members and the leading group get their own
// narrower routes later (issue 12), never these.
import { Prisma } from '../../prisma/generated/client';
import type { Caller } from '../auth/caller';
import type { TRole } from '../auth/auth.types';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import { isUnitWithin, scopeRoots, unitsWithin } from '../policy/unit-scope';

/** Units where the caller holds `role`; refused (403, saying who may) when there are none. */
export function rolesRootsOrRefuse(
  caller: Caller,
  role: TRole,
  refusal: { en: string; zh: string },
): string[] {
  const roots = scopeRoots(caller, [role]);
  if (roots.length === 0) throw new AppError('FORBIDDEN', refusal.en, [], { detailZh: refusal.zh });
  return roots;
}

/** Units where the caller holds the selection-office role; refused (403) when there are none. */
export const officeRoots = (caller: Caller): string[] =>
  rolesRootsOrRefuse(caller, 'selection_office', {
    en: 'Only the selection management office works on talent rounds.',
    zh: '仅选拔管理工作办公室可以办理人才选拔事项',
  });

export const roundNotFound = () =>
  new AppError('NOT_FOUND', 'No such round among those you may see.', [], {
    detailZh: '未找到该选拔批次，或您无权查看',
  });

export type RoundRow = Prisma.TalentRoundGetPayload<{ include: { unit: true } }>;

/** The round if it sits in the caller's reach, else 404; `lock` holds it against a concurrent status change. */
export async function roundInScope(
  db: DbClient,
  caller: Caller,
  roundId: string,
  lock: 'none' | 'share' = 'none',
): Promise<RoundRow> {
  const roots = officeRoots(caller);
  if (lock === 'share') await db.$queryRaw`SELECT id FROM talent_round WHERE id = ${roundId}::uuid FOR SHARE`;
  const round = await db.talentRound.findUnique({ where: { id: roundId }, include: { unit: true } });
  if (!round || !(await isUnitWithin(db, roots, round.unitId))) throw roundNotFound();
  return round;
}

/** The ids of every unit the caller's office reaches, for list filters. */
export async function officeUnitIds(db: DbClient, caller: Caller): Promise<string[]> {
  const rows = await db.$queryRaw<
    { id: string }[]
  >`SELECT id FROM ${unitsWithin(officeRoots(caller))} AS reach`;
  return rows.map((row) => row.id);
}
