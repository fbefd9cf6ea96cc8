// The selection office's round commands: create a round from the "海右" defaults with its own
// overrides, open the application window, close it. Each runs in the route's transaction with its
// audit row; a status change is one conditional UPDATE, so two offices closing at once change it once.
import { ZRoundConfig } from '../../workflows/talent';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import type { AuditEntry } from '../http/audit-entry';
import { zodIssuesToFieldErrors } from '../http/validate';
import { isUnitWithin } from '../policy/unit-scope';
import { COUNTED_APPLICATIONS, ROUND_STATUS_ZH, toRound } from './round-view';
import type { TCreateRoundRequest, TRound } from './talent.types';
import { officeRoots, roundInScope } from './talent-scope';

interface Done {
  round: TRound;
  audit: AuditEntry;
}

/** The defaults with the office's overrides; a bad option is a 422 naming its path (`config.allocation.quota`). */
export function roundConfigOf(overrides: Record<string, unknown> | undefined) {
  const parsed = ZRoundConfig.safeParse(overrides ?? {});
  if (!parsed.success)
    throw new AppError(
      'TALENT_CONFIG_INVALID',
      'The round options are not valid.',
      zodIssuesToFieldErrors(parsed.error.issues, 'config'),
    );
  return parsed.data;
}

export async function createRound(db: DbClient, caller: Caller, body: TCreateRoundRequest): Promise<Done> {
  const unit = await db.orgUnit.findUnique({ where: { id: body.unitId } });
  if (!unit || !unit.active || !(await isUnitWithin(db, officeRoots(caller), unit.id)))
    throw new AppError('NOT_FOUND', 'No such unit where you run selection rounds.', [
      { field: 'unitId', reason: 'not a unit of your office', reasonZh: '不是您所在选拔办公室管辖的单位' },
    ]);
  const config = roundConfigOf(body.config);
  const row = await db.talentRound.create({
    data: {
      unitId: unit.id,
      title: body.title,
      config,
      windowStartsOn: new Date(body.windowStartsOn),
      windowEndsOn: new Date(body.windowEndsOn),
      referenceDate: new Date(body.referenceDate),
      createdById: caller.userId,
    },
    include: { unit: true },
  });
  return {
    round: toRound(row, 0),
    audit: {
      action: 'talent_round.created',
      resourceType: 'talent_round',
      resourceId: row.id,
      unitId: unit.id,
      after: { title: row.title, overrides: body.config ?? {} },
    },
  };
}

const TRANSITIONS = {
  open: { from: ['draft', 'closed'], to: 'open', action: 'talent_round.opened', stamp: 'openedAt' },
  close: { from: ['open'], to: 'closed', action: 'talent_round.closed', stamp: 'closedAt' },
} as const;

/** Opens or closes the application window; a round in another status answers 409 naming it. */
export async function moveRoundWindow(
  db: DbClient,
  caller: Caller,
  roundId: string,
  move: keyof typeof TRANSITIONS,
  now: Date,
): Promise<Done> {
  const before = await roundInScope(db, caller, roundId);
  const step = TRANSITIONS[move];
  const changed = await db.talentRound.updateMany({
    where: { id: roundId, status: { in: [...step.from] } },
    data: { status: step.to, [step.stamp]: now, revision: { increment: 1 } },
  });
  if (changed.count === 0) {
    const current = await db.talentRound.findUniqueOrThrow({ where: { id: roundId } });
    throw new AppError(
      'TALENT_ROUND_STATE',
      `The round is ${current.status}; only a round that is ${step.from.join(' or ')} can be ${move === 'open' ? 'opened' : 'closed'}.`,
      [],
      {
        roundStatus: current.status,
        detailZh: `选拔批次当前为“${ROUND_STATUS_ZH[current.status]}”，不能${move === 'open' ? '开启申报' : '截止申报'}`,
      },
    );
  }
  const after = await roundInScope(db, caller, roundId);
  return {
    round: toRound(after, await db.talentApplication.count({ where: { roundId, ...COUNTED_APPLICATIONS } })),
    audit: {
      action: step.action,
      resourceType: 'talent_round',
      resourceId: roundId,
      unitId: after.unitId,
      before: { status: before.status },
      after: { status: after.status },
    },
  };
}
