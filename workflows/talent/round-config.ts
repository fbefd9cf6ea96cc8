// The options of one selection round. The Jinan "海右" measures are the shipped defaults, never
// constants: every figure below is an option the selection office may change when it creates a round.
// `ZRoundConfig.parse({})` yields the defaults; docs/talent-rules.md lists every option.
import { z } from 'zod';
import {
  ASSESSMENT_RATING_KEYS,
  ELDERLY_CARE_WORKER_LEVEL_KEYS,
  GRASSROOTS_UNIT_TYPE_KEYS,
  SOCIAL_WORK_FIELD_KEYS,
  SOCIAL_WORKER_LEVEL_KEYS,
  UNIT_TYPE_KEYS,
} from './talent-vocabulary';

/** A calendar date, `YYYY-MM-DD`, read in Asia/Shanghai. */
export const ZIsoDate = z.iso.date();

const localized = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

export const ZRubricCriterion = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/, 'criterion keys are lower-case identifiers'),
  label: localized,
  /** Relative weight; a candidate's weighted score is Σ(weight × score / maxScore) / Σ weight × 100. */
  weight: z.number().positive(),
  maxScore: z.number().positive().default(100),
  guidance: localized.optional(),
});
export type RubricCriterion = z.infer<typeof ZRubricCriterion>;

/** Default rubric: weight on actual performance (注重实绩), then competence, influence and ethics. */
export const DEFAULT_RUBRIC: RubricCriterion[] = [
  {
    key: 'performance',
    label: { zh: '工作实绩', en: 'actual performance' },
    weight: 40,
    maxScore: 100,
    guidance: {
      zh: '近五年服务成效、服务对象数量与满意度、获得表彰',
      en: 'results of the last five years, people served and their satisfaction, awards',
    },
  },
  {
    key: 'competence',
    label: { zh: '专业能力', en: 'professional competence' },
    weight: 25,
    maxScore: 100,
    guidance: {
      zh: '专业方法运用、督导与培训他人、职业资格',
      en: 'use of professional methods, supervising and training others, certificates',
    },
  },
  {
    key: 'innovation',
    label: { zh: '创新与影响', en: 'innovation and influence' },
    weight: 20,
    maxScore: 100,
    guidance: {
      zh: '服务模式创新、研究成果、示范带动作用',
      en: 'new service models, research, influence on peers',
    },
  },
  {
    key: 'ethics',
    label: { zh: '职业道德', en: 'professional ethics' },
    weight: 15,
    maxScore: 100,
    guidance: {
      zh: '扎根基层、职业操守与服务态度',
      en: 'commitment to grassroots work, integrity, attitude',
    },
  },
];

const uniqueList = <T extends z.ZodType<string>>(item: T) =>
  z
    .array(item)
    .min(1)
    .refine((list) => new Set(list).size === list.length, 'entries must be unique');

export const ZEligibilityOptions = z.strictObject({
  minYearsInSocialWork: z.number().nonnegative().default(5),
  fields: uniqueList(z.enum(SOCIAL_WORK_FIELD_KEYS)).default([...SOCIAL_WORK_FIELD_KEYS]),
  unitTypes: uniqueList(z.enum(UNIT_TYPE_KEYS)).default([...GRASSROOTS_UNIT_TYPE_KEYS]),
  /** Candidates employed by these unit types count as elderly-services even without declaring it. */
  elderlyServiceUnitTypes: z.array(z.enum(UNIT_TYPE_KEYS)).default(['elderly_care_institution']),
  allowReapplication: z.boolean().default(true),
  /** Final term ratings that allow a former talent to apply again. */
  reapplicationRatings: uniqueList(z.enum(ASSESSMENT_RATING_KEYS)).default(['excellent']),
  priority: z
    .strictObject({
      minSocialWorkerLevel: z.enum(SOCIAL_WORKER_LEVEL_KEYS).default('intermediate'),
      minElderlyCareWorkerLevel: z.enum(ELDERLY_CARE_WORKER_LEVEL_KEYS).default('intermediate'),
      elderlyCareManagementTraining: z.boolean().default(true),
    })
    .prefault({}),
});

export const ZReviewOptions = z.strictObject({
  rubric: z
    .array(ZRubricCriterion)
    .min(1)
    .refine((list) => new Set(list.map((c) => c.key)).size === list.length, 'criterion keys must be unique')
    .default(DEFAULT_RUBRIC),
  minReviewersPerCandidate: z.number().int().min(1).default(5),
  /** Reviewer and candidate with the same employer are a conflict of interest without a declaration. */
  sameEmployerIsConflict: z.boolean().default(true),
  /** Names and employers masked, other reviewers' scores hidden until all have submitted. */
  blindPhase: z.boolean().default(true),
  normalisation: z.enum(['none', 'zscore']).default('none'),
  /** Drop this many highest and lowest scores of a candidate (去掉最高分和最低分); 0 turns it off. */
  trimEachSide: z.number().int().nonnegative().default(1),
});

export const ZAllocationOptions = z.strictObject({
  quota: z.number().int().positive().default(50),
  /** Share of the quota reserved for the elderly-services field (养老服务领域). */
  elderlyReservedShare: z
    .number()
    .min(0)
    .max(1)
    .default(1 / 3),
  reservedSeatRounding: z.enum(['up', 'down', 'nearest']).default('up'),
  /** Too few eligible elderly-services candidates: give their seats to the general list, or leave them empty. */
  elderlyShortfall: z.enum(['releaseToGeneral', 'leaveEmpty']).default('leaveEmpty'),
});

export const ZAllowanceOptions = z.strictObject({
  monthlyAmountYuan: z.number().nonnegative().multipleOf(0.01).default(1000),
  termYears: z.number().int().positive().default(4),
});

export const ZNoticeOptions = z.strictObject({
  /** Length of the public notice (公示) in working days (工作日) after the day it starts. */
  workingDays: z.number().int().min(1).max(60).default(5),
});

export const ZRoundConfig = z.strictObject({
  /** Years between rounds (informational: the office opens each round). */
  cadenceYears: z.number().int().positive().default(2),
  eligibility: ZEligibilityOptions.prefault({}),
  review: ZReviewOptions.prefault({}),
  allocation: ZAllocationOptions.prefault({}),
  allowance: ZAllowanceOptions.prefault({}),
  notice: ZNoticeOptions.prefault({}),
});
export type RoundConfig = z.infer<typeof ZRoundConfig>;
export type RoundConfigInput = z.input<typeof ZRoundConfig>;
export type EligibilityOptions = RoundConfig['eligibility'];
export type ReviewOptions = RoundConfig['review'];
export type AllocationOptions = RoundConfig['allocation'];
export type AllowanceOptions = RoundConfig['allowance'];
export type NoticeOptions = RoundConfig['notice'];

export function defaultRoundConfig(): RoundConfig {
  return ZRoundConfig.parse({});
}
