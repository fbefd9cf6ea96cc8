// Who reads a round's results: the selection office over the rounds of its subtree in any status,
// and the leading group (人才工作领导小组), read-only, over the rounds of its subtree once they have
// a ranking (排名遴选 … 已公布), the list it is to approve. Anyone else is refused (403); a round out
// of reach answers 404.
import type { TalentRoundStatus } from '../../prisma/generated/client';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import { isUnitWithin, scopeRoots, unitsWithin } from '../policy/unit-scope';
import { rolesRootsOrRefuse, roundNotFound, type RoundRow } from './talent-scope';

/** The statuses in which a round's list is before the leading group: ranked, up to published. */
export const LEADING_GROUP_STATUSES: readonly TalentRoundStatus[] = [
  'ranking',
  'notice',
  'approval',
  'published',
];

/** Units where the caller sits in the leading group; refused (403) when there are none. */
export const leadingGroupRoots = (caller: Caller): string[] =>
  rolesRootsOrRefuse(caller, 'leading_group', {
    en: 'Only the talent work leading group reads these rounds.',
    zh: '仅人才工作领导小组可以查看',
  });

/** The round if the office or the leading group of the caller reaches it (404 otherwise; 403 for other roles). */
export async function resultsRoundInScope(db: DbClient, caller: Caller, roundId: string): Promise<RoundRow> {
  const office = scopeRoots(caller, ['selection_office']);
  const leading = scopeRoots(caller, ['leading_group']);
  if (office.length === 0 && leading.length === 0)
    throw new AppError(
      'FORBIDDEN',
      'Only the selection office and the leading group read round results.',
      [],
      {
        detailZh: '仅选拔管理工作办公室和人才工作领导小组可以查看选拔结果',
      },
    );
  const round = await db.talentRound.findUnique({ where: { id: roundId }, include: { unit: true } });
  if (!round) throw roundNotFound();
  if (await isUnitWithin(db, office, round.unitId)) return round;
  if (LEADING_GROUP_STATUSES.includes(round.status) && (await isUnitWithin(db, leading, round.unitId)))
    return round;
  throw roundNotFound();
}

/** 403 unless the caller's selection office reaches the round: full identity numbers are the office's alone. */
export async function requireOfficeOf(db: DbClient, caller: Caller, round: RoundRow): Promise<void> {
  if (await isUnitWithin(db, scopeRoots(caller, ['selection_office']), round.unitId)) return;
  throw new AppError('FORBIDDEN', 'Only the selection office reads identity numbers in full.', [], {
    detailZh: '仅选拔管理工作办公室可以导出完整的公民身份号码',
  });
}

/** The ids of every unit the caller's leading group reaches, for the round list. */
export async function leadingGroupUnitIds(db: DbClient, caller: Caller): Promise<string[]> {
  const rows = await db.$queryRaw<
    { id: string }[]
  >`SELECT id FROM ${unitsWithin(leadingGroupRoots(caller))} AS reach`;
  return rows.map((row) => row.id);
}
