// 资格审查结果: each screened application with the rules' explanation as stored (rule by rule, with
// the values used), and the office's manual override (人工调整) with its required reason, allowed only
// while the round is in screening. The application's status follows the effective result (the
// override's, else the screening's), which the later steps read.
import { z } from 'zod';
import type { Prisma } from '../../prisma/generated/client';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import type { AuditEntry } from '../http/audit-entry';
import { decodeCursor, toPage } from '../http/pagination';
import { isUnitWithin } from '../policy/unit-scope';
import { isoInstant } from './round-view';
import {
  applicationNotFound,
  displayNames,
  personOf,
  requireRoundStatus,
  withPerson,
  type PersonRow,
} from './results-rows';
import {
  ZEligibilityResult,
  type TOverrideRequest,
  type TScreeningRow,
  type ZScreeningQuery,
} from './results-types';
import { resultsRoundInScope } from './results-scope';
import { officeRoots, roundInScope } from './talent-scope';

const ZCursor = z.tuple([z.iso.datetime(), z.guid()]);

type ScreeningFilter = z.infer<typeof ZScreeningQuery>['result'];

function filterWhere(result: ScreeningFilter): Prisma.TalentApplicationWhereInput {
  if (result === 'overridden') return { overrideResult: { not: null } };
  if (result === undefined) return {};
  return { OR: [{ overrideResult: result }, { overrideResult: null, screeningResult: result }] };
}

function toScreeningRow(row: PersonRow, names: Map<string, string>): TScreeningRow {
  const override =
    row.overrideResult && row.overrideReason && row.overrideById && row.overrideAt
      ? {
          result: row.overrideResult,
          reason: row.overrideReason,
          by: { id: row.overrideById, displayName: names.get(row.overrideById) ?? '' },
          at: row.overrideAt.toISOString(),
        }
      : null;
  return {
    ...personOf(row),
    screeningResult: row.screeningResult!,
    override,
    effectiveResult: override?.result ?? row.screeningResult!,
    screenedAt: isoInstant(row.screenedAt),
    explanation: ZEligibilityResult.parse(row.screeningExplanation),
    revision: row.revision,
  };
}

type ScreeningPage = { items: TScreeningRow[]; nextCursor: string | null };

/** Screened applications of an office's round, oldest first; filter by effective result or overridden. */
export async function listScreeningResults(
  db: DbClient,
  caller: Caller,
  roundId: string,
  query: z.infer<typeof ZScreeningQuery>,
): Promise<ScreeningPage> {
  await roundInScope(db, caller, roundId);
  return screeningPage(db, roundId, query);
}

/**
 * The office's manual overrides of a round (who, when, why), oldest application first: for the
 * office and for the leading group over the rounds before it, so the leaders see where the list
 * departs from the rules. Identity numbers masked, as in every list.
 */
export async function listScreeningOverrides(
  db: DbClient,
  caller: Caller,
  roundId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<ScreeningPage> {
  await resultsRoundInScope(db, caller, roundId);
  return screeningPage(db, roundId, { ...query, result: 'overridden' });
}

async function screeningPage(
  db: DbClient,
  roundId: string,
  query: z.infer<typeof ZScreeningQuery>,
): Promise<ScreeningPage> {
  const after = query.cursor ? decodeCursor(query.cursor, ZCursor) : undefined;
  const rows = await db.talentApplication.findMany({
    where: {
      roundId,
      screeningResult: { not: null },
      AND: [
        filterWhere(query.result),
        after
          ? {
              OR: [
                { createdAt: { gt: new Date(after[0]) } },
                { createdAt: new Date(after[0]), id: { gt: after[1] } },
              ],
            }
          : {},
      ],
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: query.limit + 1,
    include: withPerson,
  });
  const names = await displayNames(
    db,
    rows.map((row) => row.overrideById),
  );
  return toPage(
    rows,
    query.limit,
    (row) => [row.createdAt.toISOString(), row.id],
    (row) => toScreeningRow(row, names),
  );
}

/**
 * The application, if the caller's office reaches its round, with the round locked against a
 * status change (FOR SHARE) until the command commits, so a round leaving screening meanwhile
 * waits for it or is seen to have left.
 */
async function screenedApplication(db: DbClient, caller: Caller, applicationId: string) {
  const roots = officeRoots(caller);
  const found = await db.talentApplication.findUnique({
    where: { id: applicationId },
    select: { roundId: true, round: { select: { unitId: true } } },
  });
  if (!found || !(await isUnitWithin(db, roots, found.round.unitId))) throw applicationNotFound();
  const round = await roundInScope(db, caller, found.roundId, 'share');
  requireRoundStatus(round, 'screening', { en: 'screening results change', zh: '调整资格审查结果' });
  const row = await db.talentApplication.findUniqueOrThrow({
    where: { id: applicationId },
    include: withPerson,
  });
  if (row.screeningResult === null)
    throw new AppError('CONFLICT', 'The application has not been screened yet.', [], {
      detailZh: '该申报尚未完成资格审查，不能调整',
    });
  return { round, row };
}

async function answer(db: DbClient, applicationId: string): Promise<TScreeningRow> {
  const row = await db.talentApplication.findUniqueOrThrow({
    where: { id: applicationId },
    include: withPerson,
  });
  return toScreeningRow(row, await displayNames(db, [row.overrideById]));
}

const auditedState = (row: Pick<TScreeningRow, 'status' | 'screeningResult' | 'override'>) => ({
  status: row.status,
  screeningResult: row.screeningResult,
  override: row.override && { result: row.override.result, reason: row.override.reason },
});

/**
 * Overrides the screening result with a reason. One conditional UPDATE: of two overrides at once
 * one is stored, the other finds the override in place and is refused (409); changing an override
 * means clearing it first, so no reason is silently replaced.
 */
export async function overrideScreening(
  db: DbClient,
  caller: Caller,
  applicationId: string,
  body: TOverrideRequest,
  now: Date,
): Promise<{ row: TScreeningRow; audit: AuditEntry }> {
  const { round, row } = await screenedApplication(db, caller, applicationId);
  const before = toScreeningRow(row, new Map());
  if (body.result === row.screeningResult)
    throw new AppError('VALIDATION_FAILED', 'The override must differ from the screening result.', [
      {
        field: 'result',
        reason: `the screening result is already ${body.result}`,
        reasonZh: '与资格审查结果相同，无需调整',
      },
    ]);
  const { count } = await db.talentApplication.updateMany({
    where: { id: applicationId, overrideResult: null, status: { in: ['eligible', 'ineligible'] } },
    data: {
      overrideResult: body.result,
      overrideReason: body.reason,
      overrideById: caller.userId,
      overrideAt: now,
      status: body.result,
      revision: { increment: 1 },
    },
  });
  if (count === 0)
    throw new AppError(
      'CONFLICT',
      'The screening result is already overridden (or the application left screening); clear the override first.',
      [],
      { detailZh: '该申报的资格审查结果已被人工调整，请先撤销原调整' },
    );
  const after = await answer(db, applicationId);
  return {
    row: after,
    audit: {
      action: 'talent_application.screening_overridden',
      resourceType: 'talent_application',
      resourceId: applicationId,
      unitId: round.unitId,
      before: auditedState(before),
      after: auditedState(after),
    },
  };
}

/** Clears the override: the screening's own result applies again. 409 when there is none. */
export async function clearScreeningOverride(
  db: DbClient,
  caller: Caller,
  applicationId: string,
): Promise<{ row: TScreeningRow; audit: AuditEntry }> {
  const { round, row } = await screenedApplication(db, caller, applicationId);
  const before = toScreeningRow(row, await displayNames(db, [row.overrideById]));
  const { count } = await db.talentApplication.updateMany({
    where: { id: applicationId, overrideResult: { not: null }, status: { in: ['eligible', 'ineligible'] } },
    data: {
      overrideResult: null,
      overrideReason: null,
      overrideById: null,
      overrideAt: null,
      status: row.screeningResult!,
      revision: { increment: 1 },
    },
  });
  if (count === 0)
    throw new AppError('CONFLICT', 'The screening result is not overridden.', [], {
      detailZh: '该申报的资格审查结果未被人工调整',
    });
  const after = await answer(db, applicationId);
  return {
    row: after,
    audit: {
      action: 'talent_application.screening_override_cleared',
      resourceType: 'talent_application',
      resourceId: applicationId,
      unitId: round.unitId,
      before: auditedState(before),
      after: auditedState(after),
    },
  };
}
