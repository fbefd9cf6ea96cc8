// What the selection office reports about a talent during the term: left social work (离开社会工作岗位)
// or moved out of the city (调离本市), which stop benefits and keep the title, and misconduct
// (违法违纪), which opens the verification the leading group's revocation approval follows. Each is
// the term process's declared event, sent through the Orchestrator port with the day it took
// effect; the process pro-rates the allowance to that day.
import { randomUUID } from 'node:crypto';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { AppError, type FieldError } from '../http/app-error';
import type { AuditEntry } from '../http/audit-entry';
import type { Orchestrator } from '../orchestrator/orchestrator';
import { engineCall } from '../work/engine-errors';
import { talentDetail } from './pool-reads';
import type { TTalentDetail, TTermReportRequest } from './term-pool.types';

const EVENT_OF = {
  leftSocialWork: 'leftSocialWork',
  movedOutOfCity: 'movedOutOfCity',
  misconduct: 'misconductReported',
} as const;

const conflict = (en: string, zh: string) => new AppError('PROCESS_STATE_CONFLICT', en, [], { detailZh: zh });
const invalid = (field: FieldError) =>
  new AppError('PROCESS_INPUT_INVALID', `${field.field}: ${field.reason}`, [field]);

/**
 * The effective date lies in the term, not after today, and not inside a year already paid in full
 * (the sum would have to be taken back: that is a correction, not a report).
 */
function checkEffectiveOn(detail: TTalentDetail, effectiveOn: string, today: string): void {
  const term = detail.term!;
  const at = (reason: string, reasonZh: string) => invalid({ field: 'effectiveOn', reason, reasonZh });
  if (effectiveOn < term.startsOn)
    throw at(
      `must not be before the term starts (${term.startsOn})`,
      `不能早于管理期开始日期 ${term.startsOn}`,
    );
  if (effectiveOn >= term.endsOn)
    throw at(`must be within the term (before ${term.endsOn})`, `须在管理期内（${term.endsOn} 之前）`);
  if (effectiveOn > today) throw at(`must not be after today (${today})`, `不能晚于今天（${today}）`);
  const paid =
    detail.ledger?.years.filter((year) => year.amountPaidYuan > 0 && year.periodEnd > effectiveOn) ?? [];
  const last = paid[paid.length - 1];
  if (last)
    throw at(
      `year ${last.termYear} is paid already: the date must be on or after ${last.periodEnd}`,
      `第 ${last.termYear} 年津贴已发放，生效日期不能早于 ${last.periodEnd}`,
    );
}

export async function reportTermEvent(
  db: DbClient,
  orchestrator: Orchestrator,
  caller: Caller,
  talentId: string,
  body: TTermReportRequest,
  today: string,
  idempotencyKey: string | undefined,
): Promise<{ talent: TTalentDetail; audit: AuditEntry }> {
  const before = await talentDetail(db, caller, talentId, today);
  const term = before.term;
  if (!term?.instanceId || term.processStatus !== 'running')
    throw conflict(
      'The talent’s term is over: nothing more can be reported.',
      '该人才的管理期已结束，不能再报告',
    );
  if (body.kind === 'misconduct') {
    if (!before.can.reportMisconduct)
      throw conflict(
        'A misconduct report is being verified, or the title is no longer held.',
        '已有违纪举报正在核实，或称号已撤销',
      );
    if (!body.note)
      throw invalid({
        field: 'note',
        reason: 'required for a misconduct report',
        reasonZh: '报告违纪须填写情况说明',
      });
  } else if (!before.can.stopBenefits)
    throw conflict('Benefits have already stopped.', '该人才已停止享受待遇');
  checkEffectiveOn(before, body.effectiveOn, today);
  await engineCall(() =>
    orchestrator.send(
      term.instanceId!,
      {
        type: 'external',
        name: EVENT_OF[body.kind],
        payload: { effectiveOn: body.effectiveOn, ...(body.note ? { note: body.note } : {}) },
      },
      { userId: caller.userId },
      `api/${idempotencyKey ?? randomUUID()}`,
    ),
  );
  return {
    talent: await talentDetail(db, caller, talentId, today),
    audit: {
      action: 'talent.reported',
      resourceType: 'talent',
      resourceId: talentId,
      unitId: before.unit.id,
      before: { titleStatus: before.titleStatus },
      after: { kind: body.kind, effectiveOn: body.effectiveOn, note: body.note ?? null },
    },
  };
}
