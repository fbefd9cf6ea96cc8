// Registered actions an `action` node may name, with the zod schema of their parameters. The
// engine only emits `runAction`; activities implement them and report back with `actionCompleted`.
import { z } from 'zod';
import { PROCESS_ROUND_STATUSES } from '../talent/talent-vocabulary';
import type { LocalizedMessage } from './localized-message';

export type ActionEntry = {
  description: LocalizedMessage;
  params: z.ZodObject;
  /** merge: a plain-object result is merged into the variables when the node maps nothing itself. */
  defaultResult: 'merge' | 'ignore';
};

const recipient = z.union([
  z.strictObject({
    role: z.string().min(1),
    scope: z.enum(['unit', 'ancestors', 'unitOrAncestors']).optional(),
  }),
  z.strictObject({ userId: z.string().min(1) }),
  z.strictObject({ starter: z.literal(true) }),
]);
/** The statuses of a selection round the process moves it between (TalentRoundStatus). */
const roundStatus = z.enum(PROCESS_ROUND_STATUSES);
/** A calendar date, `YYYY-MM-DD`. */
const isoDate = z.iso.date();
/**
 * Parameters only version 1 of the talent term named. Its running instances and its recorded
 * Temporal histories must still step as they did (a refused step would change what they do), so
 * the engine accepts them; the activities take only version 2's shape (talent-term-actions.ts) and
 * refuse these, as version 1's actions always failed.
 */
/**
 * A leading-group approval's decision as its node's `votesVariable` holds it (nodes/approval.ts):
 * the actions after the approval write it as a `talent_leading_decision` row.
 */
export const ZApprovalVotes = z.strictObject({
  outcome: z.enum(['approve', 'reject', 'return']),
  votes: z
    .array(
      z.strictObject({
        userId: z.string().min(1),
        vote: z.enum(['approve', 'reject', 'return']),
        comment: z.string().optional(),
      }),
    )
    .min(1),
});
export type ApprovalVotes = z.infer<typeof ZApprovalVotes>;
/** Absent in the versions before the decisions were recorded; null on a path no approval led to. */
const leadingDecision = ZApprovalVotes.nullish();
const termVersion1 = {
  payAllowance: {
    monthlyAmountYuan: z.number().nonnegative().optional(),
    months: z.number().int().positive().optional(),
    year: z.number().int().positive().optional(),
  },
  revokeTitle: { reason: z.string().min(1).optional() },
};

export const actionCatalog = {
  notify: {
    description: { zh: '发送通知', en: 'send a notification' },
    params: z.strictObject({
      template: z.string().min(1),
      to: recipient,
      data: z.record(z.string(), z.unknown()).optional(),
    }),
    defaultResult: 'ignore',
  },
  setVariables: {
    description: { zh: '设置流程变量', en: 'set instance variables' },
    params: z.strictObject({ values: z.record(z.string(), z.unknown()) }),
    defaultResult: 'merge',
  },
  // The talent round's actions read and write the round's rows; the process carries only its id.
  computeEligibility: {
    description: { zh: '资格审查', en: 'screen the round’s applications for eligibility' },
    params: z.strictObject({ roundId: z.string().min(1) }),
    defaultResult: 'ignore',
  },
  rankAndAllocate: {
    description: {
      zh: '排名与名额分配（公示期异议成立的除外并依次递补）',
      en: 'rank the round’s candidates and allocate the quota (without those removed by upheld objections)',
    },
    params: z.strictObject({ roundId: z.string().min(1) }),
    defaultResult: 'ignore',
  },
  setRoundStatus: {
    description: { zh: '更新选拔批次状态', en: 'move the selection round to a status' },
    params: z.strictObject({
      roundId: z.string().min(1),
      from: z.array(roundStatus).min(1),
      to: roundStatus,
      leadingDecision,
    }),
    defaultResult: 'ignore',
  },
  publishRound: {
    description: {
      zh: '公布入选名单，建立人才及管理期记录',
      en: 'publish the list: a talent and a term for each selected candidate',
    },
    params: z.strictObject({ roundId: z.string().min(1), leadingDecision }),
    defaultResult: 'ignore',
  },
  // The talent-term actions carry ids, dates and decisions; the activities read and write the rows
  // (term dates, amounts, ledger) by talentId, so a term never holds personal data.
  beginTerm: {
    description: { zh: '登记管理期', en: 'link the term to its process and read its years' },
    params: z.strictObject({ talentId: z.uuid() }),
    defaultResult: 'ignore',
  },
  payAllowance: {
    description: { zh: '发放津贴', en: 'pay the allowance' },
    params: z.strictObject({
      talentId: z.string().min(1),
      /** The term year to pay; absent: every year due and not yet paid (held payments). */
      termYear: z.number().int().positive().optional(),
      /** The step's date (`today()`): what is due is read at this date. */
      asOf: isoDate.optional(),
      ...termVersion1.payAllowance,
    }),
    defaultResult: 'ignore',
  },
  stopBenefits: {
    description: { zh: '停止享受待遇', en: 'stop benefits' },
    params: z.strictObject({
      talentId: z.string().min(1),
      /** leftSocialWork, movedOutOfCity or revoked. */
      reason: z.string().min(1),
      effectiveOn: isoDate.optional(),
      note: z.string().nullish(),
      asOf: isoDate.optional(),
    }),
    defaultResult: 'ignore',
  },
  revokeTitle: {
    description: { zh: '撤销称号', en: 'revoke the title' },
    params: z.strictObject({
      talentId: z.string().min(1),
      effectiveOn: isoDate.optional(),
      note: z.string().nullish(),
      leadingDecision,
      ...termVersion1.revokeTitle,
    }),
    defaultResult: 'ignore',
  },
  recordAssessment: {
    description: { zh: '登记考核结果', en: 'record an assessment' },
    params: z.strictObject({
      talentId: z.uuid(),
      termYear: z.number().int().positive(),
      /** The form's label (优秀, 称职, 基本称职, 不称职). */
      rating: z.string().min(1),
      /** The term-end evaluation: sets the final rating and decides re-application. */
      final: z.boolean(),
      note: z.string().nullish(),
      asOf: isoDate,
    }),
    defaultResult: 'ignore',
  },
  recordTermEvent: {
    description: { zh: '登记人才状态事件', en: 'record a talent status event' },
    params: z.strictObject({
      talentId: z.uuid(),
      kind: z.enum([
        'misconduct_reported',
        'misconduct_verified',
        'misconduct_dismissed',
        'revocation_returned',
      ]),
      effectiveOn: isoDate,
      note: z.string().nullish(),
      /** On a dismissal or a return: the leading group's votes when it was the group that decided so. */
      leadingDecision,
    }),
    defaultResult: 'ignore',
  },
  webhook: {
    description: { zh: '调用外部接口', en: 'call a webhook' },
    params: z.strictObject({
      url: z.url(),
      method: z.enum(['POST', 'PUT']).default('POST'),
      body: z.unknown().optional(),
    }),
    defaultResult: 'ignore',
  },
} satisfies Record<string, ActionEntry>;

export type ActionName = keyof typeof actionCatalog;

export function findAction(name: string): ActionEntry | undefined {
  return Object.prototype.hasOwnProperty.call(actionCatalog, name)
    ? (actionCatalog as Record<string, ActionEntry>)[name]
    : undefined;
}

/** A param string starting with '=' is a FEEL expression evaluated when the node is entered. */
export function feelParam(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('=') ? value.slice(1) : undefined;
}
