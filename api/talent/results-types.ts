// Contracts of the office's results routes (资格审查结果, 排名结果) and the leading group's round list.
// The stored explanations are the pure rules' own output (workflows/talent/eligibility.ts,
// quota-allocation.ts, objections.ts); their schemas here keep every member, so an answer carries
// an explanation exactly as it was stored.
import { z } from 'zod';
import { ZLeadingDecision } from './leading-decision.types';
import { TIE_BREAKS } from '../../workflows/talent';
import { ZShortText } from '../admin/common.types';
import { pageOf, ZPageQuery } from '../http/pagination';
import { ZApplicationSummary, ZDownloadLanguage, ZRoundStatus } from './talent.types';

const ZLocalized = z.object({ zh: z.string(), en: z.string() });
const ZCategory = z.enum(['elderly', 'general']);
const ZScreeningResult = z.enum(['eligible', 'ineligible']);

/** eligibility.ts EligibilityResult, every member kept. */
export const ZEligibilityResult = z.looseObject({
  candidateId: z.string(),
  eligible: z.boolean(),
  referenceDate: z.string(),
  checks: z.array(
    z.looseObject({
      rule: z.enum([
        'yearsInSocialWork',
        'field',
        'unitType',
        'notCurrentHolder',
        'notRevoked',
        'reapplication',
      ]),
      passed: z.boolean(),
      values: z.record(z.string(), z.unknown()),
      message: ZLocalized,
    }),
  ),
  category: ZCategory,
  categoryReason: ZLocalized,
  serviceMonths: z.number(),
  priorityCredentials: z.array(
    z.enum(['socialWorkerCertificate', 'elderlyCareWorkerCertificate', 'elderlyCareManagementTraining']),
  ),
});

const ZSeat = z.enum(['reserved', 'general', 'notSelected']);
const ZTieBreak = z.enum(TIE_BREAKS);

/** quota-allocation.ts CandidateExplanation, or objections.ts ExplanationAfterObjections once objections were applied. */
export const ZRankingExplanation = z.looseObject({
  candidateId: z.string(),
  category: ZCategory,
  finalScore: z.number().nullable(),
  rank: z.number().int().nullable(),
  categoryRank: z.number().int().nullable(),
  seat: ZSeat,
  cutLines: z.object({ reserved: z.number().nullable(), general: z.number().nullable() }),
  decidedAbove: ZTieBreak.nullable(),
  decidedBelow: ZTieBreak.nullable(),
  seatDecision: z.object({ against: z.string(), rule: ZTieBreak, won: z.boolean() }).nullable(),
  message: ZLocalized,
  seatBeforeObjections: ZSeat.optional(),
  removedBy: z
    .array(z.object({ objectionId: z.string(), candidateId: z.string(), reason: z.string() }))
    .optional(),
  promotedAfter: z.array(z.string()).optional(),
});

/** Who a row is about, as the applications list shows them: the identity number masked. */
const ZPerson = ZApplicationSummary.pick({
  candidateId: true,
  name: true,
  gender: true,
  identityNumber: true,
  employerName: true,
  unitType: true,
  field: true,
  elderlyServices: true,
  status: true,
}).extend({ applicationId: z.string() });

export const ZScreeningOverride = z.object({
  result: ZScreeningResult,
  reason: z.string(),
  by: z.object({ id: z.string(), displayName: z.string() }),
  at: z.string(),
});

export const ZScreeningRow = ZPerson.extend({
  screeningResult: ZScreeningResult,
  override: ZScreeningOverride.nullable(),
  /** The override's result when there is one, else the screening's. */
  effectiveResult: ZScreeningResult,
  screenedAt: z.string().nullable(),
  explanation: ZEligibilityResult,
  revision: z.number().int(),
});
export type TScreeningRow = z.infer<typeof ZScreeningRow>;
export const ZScreeningPage = pageOf(ZScreeningRow);

export const ZScreeningQuery = ZPageQuery.extend({
  /** By the effective result, or the overridden rows only. */
  result: z.enum(['eligible', 'ineligible', 'overridden']).optional(),
});

export const ZOverrideRequest = z.object({
  result: ZScreeningResult,
  /** Why the office departs from the rules' result; kept on the row and in the audit log. */
  reason: ZShortText(500),
});
export type TOverrideRequest = z.infer<typeof ZOverrideRequest>;

export const ZRankingRow = ZPerson.extend({
  rank: z.number().int().nullable(),
  category: ZCategory,
  seatType: z.enum(['reserved', 'general', 'not_selected']),
  /** The final score the ranking used (adjusted: after normalisation and trimming, if the round has them). */
  finalScore: z.number().nullable(),
  /** Mean of the submitted reviewers' weighted raw scores, and how many reviewers counted. */
  rawMean: z.number().nullable(),
  reviewerCount: z.number().int(),
  explanation: ZRankingExplanation,
  /** Names of the candidates the explanation refers to by id (the seat's rival, promoted or removed ones). */
  namesById: z.record(z.string(), z.string()),
  computedAt: z.string(),
});
export type TRankingRow = z.infer<typeof ZRankingRow>;

export const ZRankingQuery = ZPageQuery;

export const ZRankingExportQuery = z.object({
  /** Masked unless the selection office asks for the full numbers (recorded in the audit row). */
  identityNumbers: z.enum(['masked', 'full']).default('masked'),
  lang: ZDownloadLanguage,
});

/** The round as a results page heads it: what the leading group may see of it, too. */
export const ZResultsRound = z.object({
  id: z.string(),
  title: z.string(),
  status: ZRoundStatus,
  unit: z.object({ id: z.string(), name: z.string() }),
  referenceDate: z.string(),
  quota: z.number().int(),
  reservedSeats: z.number().int(),
  elderlyShortfall: z.enum(['releaseToGeneral', 'leaveEmpty']),
  applicationCount: z.number().int(),
  /** Seats held in the stored ranking: reserved, general, and the applications removed by upheld objections. */
  /** Seats held, without those whose holder an upheld objection removed during the notice. */
  reservedFilled: z.number().int(),
  generalFilled: z.number().int(),
  removed: z.number().int(),
  cutLines: z.object({ reserved: z.number().nullable(), general: z.number().nullable() }),
});
export type TResultsRound = z.infer<typeof ZResultsRound>;

export const ZRankingPage = pageOf(ZRankingRow).extend({
  round: ZResultsRound,
  /** The leading group's decisions on the round's list (approved, returned, rejected), oldest first. */
  leadingDecisions: z.array(ZLeadingDecision),
});

export const ZLeadingRoundQuery = ZPageQuery;
export const ZLeadingRoundPage = pageOf(ZResultsRound);
