// Objections during the public notice (公示异议), while the round is in `notice` only: the office
// records one against a candidate on the list, then upholds or dismisses it with a reason. An
// upheld objection marks the application `removed`; ending the notice (the round process) redoes
// the allocation without it, promoting the next in line (workflows/talent/objections.ts).
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import type { AuditEntry } from '../http/audit-entry';
import { isUnitWithin } from '../policy/unit-scope';
import { objectionById } from './objection-reads';
import type { TDecideObjectionRequest, TObjection, TRecordObjectionRequest } from './objection-types';
import { requireRoundStatus } from './results-rows';
import { officeRoots, roundInScope } from './talent-scope';

interface Done {
  objection: TObjection;
  audit: AuditEntry;
}

export async function recordObjection(
  db: DbClient,
  caller: Caller,
  roundId: string,
  body: TRecordObjectionRequest,
  now: Date,
): Promise<Done> {
  // Held against a status change until the objection is written: the notice cannot end under it.
  const round = await roundInScope(db, caller, roundId, 'share');
  requireRoundStatus(round, 'notice', { en: 'objections are recorded', zh: '登记异议' });
  const application = await db.talentApplication.findFirst({
    where: { id: body.applicationId, roundId },
    select: { status: true },
  });
  if (application?.status !== 'selected')
    throw new AppError('VALIDATION_FAILED', 'Objections concern a candidate on this round’s list.', [
      {
        field: 'applicationId',
        reason: application
          ? `the application is ${application.status}, not selected`
          : 'not an application of this round',
        reasonZh: application ? '该申报人不在公示的入选名单中' : '不是本批次的申报',
      },
    ]);
  const receivedAt = new Date(body.receivedAt);
  if (receivedAt > now)
    throw new AppError('VALIDATION_FAILED', 'An objection cannot be received in the future.', [
      { field: 'receivedAt', reason: 'is in the future', reasonZh: '收到时间不能晚于现在' },
    ]);
  const row = await db.talentObjection.create({
    data: {
      roundId,
      applicationId: body.applicationId,
      raisedBy: body.raisedBy,
      content: body.content,
      receivedAt,
      recordedById: caller.userId,
    },
  });
  return {
    objection: await objectionById(db, row.id),
    audit: {
      action: 'talent_objection.recorded',
      resourceType: 'talent_objection',
      resourceId: row.id,
      unitId: round.unitId,
      after: {
        roundId,
        applicationId: body.applicationId,
        raisedBy: body.raisedBy,
        receivedAt: body.receivedAt,
      },
    },
  };
}

const objectionNotFound = () =>
  new AppError('NOT_FOUND', 'No such objection among those you may see.', [], {
    detailZh: '未找到该异议，或您无权查看',
  });

/**
 * Upholds or dismisses a pending objection. The decision is one conditional UPDATE on a pending
 * objection, so a second decision (or two at once) is refused with 409 and decides nothing.
 */
export async function decideObjection(
  db: DbClient,
  caller: Caller,
  objectionId: string,
  body: TDecideObjectionRequest,
  now: Date,
): Promise<Done> {
  const roots = officeRoots(caller);
  const found = await db.talentObjection.findUnique({
    where: { id: objectionId },
    select: { roundId: true, applicationId: true, round: { select: { unitId: true } } },
  });
  if (!found || !(await isUnitWithin(db, roots, found.round.unitId))) throw objectionNotFound();
  const round = await roundInScope(db, caller, found.roundId, 'share');
  requireRoundStatus(round, 'notice', { en: 'objections are decided', zh: '处理异议' });
  const { count } = await db.talentObjection.updateMany({
    where: { id: objectionId, decision: 'pending' },
    data: {
      decision: body.decision,
      decisionReason: body.reason,
      decidedById: caller.userId,
      decidedAt: now,
    },
  });
  if (count === 0) {
    const current = await db.talentObjection.findUniqueOrThrow({ where: { id: objectionId } });
    throw new AppError('CONFLICT', `The objection is already ${current.decision}.`, [], {
      decision: current.decision,
      detailZh: `该异议已处理（${current.decision === 'upheld' ? '异议成立' : '异议不成立'}）`,
    });
  }
  const before = await db.talentApplication.findUniqueOrThrow({
    where: { id: found.applicationId },
    select: { status: true },
  });
  if (body.decision === 'upheld')
    await db.talentApplication.updateMany({
      where: { id: found.applicationId, status: 'selected' },
      data: { status: 'removed', revision: { increment: 1 } },
    });
  const objection = await objectionById(db, objectionId);
  return {
    objection,
    audit: {
      action: 'talent_objection.decided',
      resourceType: 'talent_objection',
      resourceId: objectionId,
      unitId: round.unitId,
      before: { decision: 'pending', applicationStatus: before.status },
      after: { decision: body.decision, reason: body.reason, applicationStatus: objection.applicationStatus },
    },
  };
}
