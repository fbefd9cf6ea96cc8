// What a candidate's application (dossier) holds for the pure rules: the zod schema the runtime parses
// stored rows with before calling eligibility, review and ranking.
import { z } from 'zod';
import { ZIsoDate } from './round-config';
import {
  ASSESSMENT_RATING_KEYS,
  ELDERLY_CARE_WORKER_LEVEL_KEYS,
  SOCIAL_WORK_FIELD_KEYS,
  SOCIAL_WORKER_LEVEL_KEYS,
  UNIT_TYPE_KEYS,
} from './talent-vocabulary';

export const ZEmployer = z.strictObject({
  /** The unit's registry id when known (统一社会信用代码 or the platform's unit id). */
  id: z.string().min(1).optional(),
  name: z.string().min(1),
});
export type Employer = z.infer<typeof ZEmployer>;

/** A title the person held in an earlier round; `termEnd` is the first day after the term. */
export const ZPriorTitle = z.strictObject({
  roundId: z.string().min(1),
  termStart: ZIsoDate,
  termEnd: ZIsoDate,
  revokedOn: ZIsoDate.optional(),
  finalRating: z.enum(ASSESSMENT_RATING_KEYS).optional(),
});
export type PriorTitle = z.infer<typeof ZPriorTitle>;

export const ZTalentApplication = z.strictObject({
  candidateId: z.string().min(1),
  name: z.string().min(1),
  employer: ZEmployer,
  unitType: z.enum(UNIT_TYPE_KEYS),
  field: z.enum(SOCIAL_WORK_FIELD_KEYS),
  /** Declared work in the elderly-services field (养老服务领域), checked by the office in screening. */
  elderlyServices: z.boolean().default(false),
  /**
   * Periods of social work as a dossier states them: `from` the first day worked, `to` the LAST day
   * worked (inclusive, so 2015-01-01 to 2019-12-31 is five whole years); an open period runs up to
   * the day before the reference date.
   */
  socialWorkPeriods: z
    .array(
      z
        .strictObject({ from: ZIsoDate, to: ZIsoDate.optional() })
        .refine((period) => period.to === undefined || period.to >= period.from, {
          message: 'a period ends on or after its first day',
          path: ['to'],
        }),
    )
    .min(1),
  socialWorkerLevel: z.enum(SOCIAL_WORKER_LEVEL_KEYS).optional(),
  elderlyCareWorkerLevel: z.enum(ELDERLY_CARE_WORKER_LEVEL_KEYS).optional(),
  /** Provincial or municipal elderly-care management training completed with a pass assessment. */
  elderlyCareManagementTrainingPassed: z.boolean().default(false),
  priorTitles: z.array(ZPriorTitle).default([]),
  /** When the application was submitted (an ISO instant); the last tie-break before the id. */
  submittedAt: z.iso.datetime({ offset: true }),
});
export type TalentApplication = z.infer<typeof ZTalentApplication>;
export type TalentApplicationInput = z.input<typeof ZTalentApplication>;
