// Contracts of the selection office's round and application routes: requests, answers and the
// one application entry both the form and the xlsx import are checked with.
import { z } from 'zod';
import {
  ELDERLY_CARE_WORKER_LEVEL_KEYS,
  ROUND_STATUSES,
  SOCIAL_WORK_FIELD_KEYS,
  SOCIAL_WORKER_LEVEL_KEYS,
  UNIT_TYPE_KEYS,
  ZIsoDate,
  ZRoundConfig,
} from '../../workflows/talent';
import { ZId, ZShortText } from '../admin/common.types';
import { pageOf, ZPageQuery } from '../http/pagination';
import { zhFor } from '../../workflows/engine/zh-reasons';
import { birthDateOf, genderOf, identityNumberProblem } from './identity-number';

export const ZRoundStatus = z.enum(ROUND_STATUSES);
export const ZApplicationStatus = z.enum([
  'submitted',
  'eligible',
  'ineligible',
  'withdrawn',
  'selected',
  'not_selected',
  'removed',
]);
export const ZGender = z.enum(['male', 'female']);
export const ZCertificateKind = z.enum([
  'social_worker',
  'elderly_care_worker',
  'elderly_care_management_training',
]);
export const ZSocialWorkField = z.enum(SOCIAL_WORK_FIELD_KEYS);
export const ZUnitType = z.enum(UNIT_TYPE_KEYS);

export const ZCreateRoundRequest = z
  .object({
    unitId: ZId,
    title: ZShortText(120),
    windowStartsOn: ZIsoDate,
    windowEndsOn: ZIsoDate,
    referenceDate: ZIsoDate,
    /** Overrides of the "海右" defaults, checked by ZRoundConfig (422 naming the option's path). */
    config: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((r) => r.windowEndsOn >= r.windowStartsOn, {
    path: ['windowEndsOn'],
    message: zhFor('must not be before windowStartsOn', '不能早于申报开始日期'),
  });
export type TCreateRoundRequest = z.infer<typeof ZCreateRoundRequest>;

export const ZRound = z.object({
  id: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  title: z.string(),
  status: ZRoundStatus,
  config: ZRoundConfig,
  windowStartsOn: z.string(),
  windowEndsOn: z.string(),
  referenceDate: z.string(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** The round's latest public notice (公示): its first and last day, `YYYY-MM-DD` in Asia/Shanghai. */
  noticeStartsOn: z.string().nullable(),
  noticeEndsOn: z.string().nullable(),
  instanceId: z.string().nullable(),
  createdAt: z.string(),
  applicationCount: z.number().int(),
  revision: z.number().int(),
});
export type TRound = z.infer<typeof ZRound>;

export const ZRoundListQuery = ZPageQuery.extend({ status: ZRoundStatus.optional() });
export const ZRoundPage = pageOf(ZRound);

/** Reasons of the entry's own checks, each with its Chinese (zhFor). */
const messages = {
  level: zhFor('level does not belong to this kind of certificate', '等级与证书类别不符'),
  training: zhFor('the training has no level', '养老管理培训不填写等级'),
  twice: zhFor('each kind of certificate at most once', '同一类证书只能填写一次'),
  identity: {
    shape: zhFor('18 characters: 17 digits and a digit or X', '须为 18 位：17 位数字加一位数字或 X'),
    birthDate: zhFor('the birth date inside the number is not a date', '号码中的出生日期不是有效日期'),
    checkDigit: zhFor('the check digit does not match (GB 11643)', '校验码不正确（GB 11643）'),
  },
  birthDate: zhFor(
    'does not match the birth date in the identity number',
    '与公民身份号码中的出生日期不一致',
  ),
  gender: zhFor('does not match the gender digit of the identity number', '与公民身份号码中的性别不一致'),
  years: zhFor('must not be negative', '不能为负数'),
} as const;

export const ZCertificate = z
  .object({
    kind: ZCertificateKind,
    level: z.string().min(1).optional(),
    number: ZShortText(60).optional(),
    issuedOn: ZIsoDate.optional(),
    /** A scanned copy uploaded to the round's process. */
    attachmentId: ZId.optional(),
  })
  .superRefine((c, ctx) => {
    const levels: readonly string[] | undefined =
      c.kind === 'social_worker'
        ? SOCIAL_WORKER_LEVEL_KEYS
        : c.kind === 'elderly_care_worker'
          ? ELDERLY_CARE_WORKER_LEVEL_KEYS
          : undefined;
    if (levels && (c.level === undefined || !levels.includes(c.level)))
      ctx.addIssue({ code: 'custom', path: ['level'], message: messages.level });
    if (!levels && c.level !== undefined)
      ctx.addIssue({ code: 'custom', path: ['level'], message: messages.training });
  });
export type TCertificate = z.infer<typeof ZCertificate>;

/** One application as the office enters it (or as an xlsx row reads): the person, then the dossier. */
export const ZApplicationEntry = z
  .object({
    name: ZShortText(40),
    gender: ZGender,
    birthDate: ZIsoDate,
    identityNumber: z
      .string()
      .trim()
      .transform((v) => v.toUpperCase())
      .superRefine((value, ctx) => {
        const problem = identityNumberProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: messages.identity[problem] });
      }),
    phone: z
      .string()
      .trim()
      .regex(
        /^[\d+\- ]{7,20}$/,
        zhFor('7 to 20 digits, spaces, + or -', '须为 7 到 20 位数字，可含空格、+ 或 -'),
      ),
    employerName: ZShortText(120),
    /** 统一社会信用代码 or the platform's unit id, when known. */
    employerId: ZShortText(60).optional(),
    unitType: ZUnitType,
    field: ZSocialWorkField,
    elderlyServices: z.boolean().default(false),
    socialWorkSince: ZIsoDate,
    socialWorkYears: z.number().min(0, messages.years).max(60).multipleOf(0.1),
    certificates: z.array(ZCertificate).max(3).default([]),
  })
  .superRefine((entry, ctx) => {
    if (identityNumberProblem(entry.identityNumber) === null) {
      if (birthDateOf(entry.identityNumber) !== entry.birthDate)
        ctx.addIssue({ code: 'custom', path: ['birthDate'], message: messages.birthDate });
      if (genderOf(entry.identityNumber) !== entry.gender)
        ctx.addIssue({ code: 'custom', path: ['gender'], message: messages.gender });
    }
    const kinds = entry.certificates.map((c) => c.kind);
    kinds.forEach((kind, i) => {
      if (kinds.indexOf(kind) !== i)
        ctx.addIssue({ code: 'custom', path: ['certificates', i, 'kind'], message: messages.twice });
    });
  });
export type TApplicationEntry = z.infer<typeof ZApplicationEntry>;
export type TApplicationEntryInput = z.input<typeof ZApplicationEntry>;

export const ZWithdrawApplication = z.object({
  /** The applicant's reason as the office recorded it (a letter, a call). */
  reason: ZShortText(500),
});

export const ZApplicationListQuery = ZPageQuery.extend({
  status: ZApplicationStatus.optional(),
  field: ZSocialWorkField.optional(),
});

export const ZApplicationSummary = z.object({
  id: z.string(),
  roundId: z.string(),
  candidateId: z.string(),
  name: z.string(),
  gender: ZGender,
  /** Masked: 3701**********1234. */
  identityNumber: z.string(),
  employerName: z.string(),
  unitType: ZUnitType,
  field: ZSocialWorkField,
  elderlyServices: z.boolean(),
  socialWorkYears: z.number(),
  status: ZApplicationStatus,
  source: z.enum(['entered', 'imported']),
  screeningResult: z.enum(['eligible', 'ineligible']).nullable(),
  createdAt: z.string(),
});
export type TApplicationSummary = z.infer<typeof ZApplicationSummary>;
export const ZApplicationPage = pageOf(ZApplicationSummary);

export const ZApplicationDetail = ZApplicationSummary.extend({
  /** In full: only the selection office reads this, and each read is audited. */
  identityNumber: z.string(),
  birthDate: z.string(),
  phone: z.string(),
  employerId: z.string().nullable(),
  socialWorkSince: z.string(),
  certificates: z.array(
    z.object({
      kind: ZCertificateKind,
      level: z.string().nullable(),
      number: z.string().nullable(),
      issuedOn: z.string().nullable(),
      attachmentId: z.string().nullable(),
    }),
  ),
  screeningExplanation: z.unknown().nullable(),
  screenedAt: z.string().nullable(),
  override: z
    .object({
      result: z.enum(['eligible', 'ineligible']),
      reason: z.string(),
      byId: z.string(),
      at: z.string(),
    })
    .nullable(),
  /** Withdrawn by the office on the applicant's request: why, who and when. */
  withdrawal: z
    .object({ reason: z.string(), by: z.object({ id: z.string(), displayName: z.string() }), at: z.string() })
    .nullable(),
  /** The office may still amend or withdraw it: submitted, in a round whose window is open. */
  changeable: z.boolean(),
  /** The ETag an amendment or withdrawal names in If-Match. */
  revision: z.number().int(),
  /** Committee review so far: reviewers assigned and those who have submitted (locked) their scores. */
  review: z.object({ assigned: z.number().int(), submitted: z.number().int() }),
  /** The ranking's result once the review is closed: rank, seat and final score. */
  ranking: z
    .object({
      rank: z.number().int().nullable(),
      category: z.enum(['elderly', 'general']),
      seatType: z.enum(['reserved', 'general', 'not_selected']),
      finalScore: z.number().nullable(),
    })
    .nullable(),
});
export type TApplicationDetail = z.infer<typeof ZApplicationDetail>;

/**
 * The dossier's read: in full (the default, audited) or masked as lists and the default export
 * mask (identity number, phone; the birth date's year only), which is not audited.
 */
export const ZApplicationDetailQuery = z.object({
  identityNumbers: z.enum(['masked', 'full']).default('full'),
});

export const ZRoundIdParams = z.object({ id: ZId });

/**
 * The language of a download's file name: absent, the round's Chinese name (`<批次名称>-申报名单…`);
 * `en` when the UI is English, the English name alone.
 */
export const ZDownloadLanguage = z.enum(['zh', 'en']).optional();
export const ZTemplateQuery = z.object({ lang: ZDownloadLanguage });

export const ZExportQuery = z.object({
  status: ZApplicationStatus.optional(),
  field: ZSocialWorkField.optional(),
  /** Masked unless the office asks for the full numbers (recorded in the audit row). */
  identityNumbers: z.enum(['masked', 'full']).default('masked'),
  lang: ZDownloadLanguage,
});

export const ZImportResult = z.object({
  imported: z.number().int(),
  applications: z.array(z.object({ row: z.number().int(), id: z.string() })),
});

/** One finding of an import: the sheet's row number (as Excel shows it), the column header, the reason. */
export const ZImportRowError = z.object({
  row: z.number().int(),
  column: z.string(),
  field: z.string(),
  reason: z.string(),
  reasonZh: z.string(),
});
export type TImportRowError = z.infer<typeof ZImportRowError>;
