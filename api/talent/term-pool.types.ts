// Contracts of the talent pool (人才库) and the terms' routes: the list, a talent's term with its
// allowance ledger and status events, and the reports that stop benefits or open a misconduct case.
import { z } from 'zod';
import { ASSESSMENT_RATING_KEYS, ZIsoDate } from '../../workflows/talent';
import { ZId } from '../admin/common.types';
import { ZRole } from '../auth/auth.types';
import { pageOf, ZPageQuery } from '../http/pagination';
import { ZLeadingDecision } from './leading-decision.types';
import { ZApplicationSummary, ZDownloadLanguage, ZSocialWorkField } from './talent.types';

export const ZTitleStatus = z.enum(['active', 'benefits_stopped', 'revoked', 'ended']);
export const ZStatusEventKind = z.enum([
  'left_social_work',
  'moved_away',
  'misconduct_reported',
  'misconduct_verified',
  'misconduct_dismissed',
  'revocation_approved',
  'revocation_returned',
  'revoked',
  'benefits_stopped',
  'annual_assessment',
  'term_ended',
]);

export const ZPoolQuery = ZPageQuery.extend({
  titleStatus: ZTitleStatus.optional(),
  field: ZSocialWorkField.optional(),
  roundId: ZId.optional(),
});
export type TPoolQuery = z.infer<typeof ZPoolQuery>;
export const ZPoolExportQuery = ZPoolQuery.pick({ titleStatus: true, field: true, roundId: true }).extend({
  lang: ZDownloadLanguage,
});

const ZTermDates = z.object({
  startsOn: ZIsoDate,
  /** The first day after the term. */
  endsOn: ZIsoDate,
  benefitsStoppedOn: ZIsoDate.nullable(),
  revokedOn: ZIsoDate.nullable(),
  finalRating: z.enum(ASSESSMENT_RATING_KEYS).nullable(),
});

export const ZPoolTalent = ZApplicationSummary.pick({
  name: true,
  gender: true,
  identityNumber: true,
  employerName: true,
  unitType: true,
  field: true,
})
  .extend({
    id: z.string(),
    round: z.object({ id: z.string(), title: z.string() }),
    unit: z.object({ id: z.string(), name: z.string() }),
    titleStatus: ZTitleStatus,
    publishedAt: z.string(),
    term: ZTermDates.nullable(),
  })
  .meta({ id: 'PoolTalent' });
export type TPoolTalent = z.infer<typeof ZPoolTalent>;
export const ZPoolPage = pageOf(ZPoolTalent);

const ZLocalized = z.object({ zh: z.string(), en: z.string() });

export const ZLedgerYear = z.object({
  termYear: z.number().int(),
  periodStart: ZIsoDate,
  periodEnd: ZIsoDate,
  dueOn: ZIsoDate.nullable(),
  monthsDue: z.number().int(),
  amountDueYuan: z.number(),
  amountPaidYuan: z.number(),
  outstandingYuan: z.number(),
  status: z.enum(['upcoming', 'due', 'paid', 'overpaid', 'cancelled']),
  message: ZLocalized,
});

export const ZTalentDetail = ZPoolTalent.extend({
  term: ZTermDates.extend({
    monthlyAmountYuan: z.number(),
    /** The term process (ids only; its tasks are in the inbox). */
    instanceId: z.string().nullable(),
    processStatus: z.string().nullable(),
  }).nullable(),
  ledger: z
    .object({
      asOf: ZIsoDate,
      years: z.array(ZLedgerYear),
      totals: z.object({ dueYuan: z.number(), paidYuan: z.number(), outstandingYuan: z.number() }),
      /** The append-only rows as written: what fell due and what was paid, per year. */
      entries: z.array(
        z.object({
          termYear: z.number().int(),
          kind: z.enum(['due', 'paid']),
          months: z.number().int(),
          amountYuan: z.number(),
          recordedAt: z.string(),
          note: z.string().nullable(),
        }),
      ),
    })
    .nullable(),
  statusEvents: z.array(
    z.object({
      kind: ZStatusEventKind,
      effectiveOn: ZIsoDate,
      recordedAt: z.string(),
      note: z.string().nullable(),
      /** Assessments: the term year and the rating key. */
      termYear: z.number().int().nullable(),
      rating: z.enum(ASSESSMENT_RATING_KEYS).nullable(),
    }),
  ),
  /** The leading group's decisions on revoking the title, oldest first. */
  leadingDecisions: z.array(ZLeadingDecision),
  /** The term process's open steps (assessments, verification, the group's approval), oldest first. */
  openTasks: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.string(),
      dueAt: z.string().nullable(),
      /** Claimed by or assigned to; null while it waits for anyone of `candidateRole`. */
      assignee: z.object({ id: z.string(), displayName: z.string() }).nullable(),
      candidateRole: ZRole.nullable(),
      /** Seats still open (an approval's, opened together); the row links to the first. */
      seats: z.number().int(),
    }),
  ),
  /**
   * Which reports the caller may make now: the term process's handlers' conditions as the API
   * checks them, and only for the office (the leading group reads the page).
   */
  can: z.object({ stopBenefits: z.boolean(), reportMisconduct: z.boolean() }),
}).meta({ id: 'TalentDetail' });
export type TTalentDetail = z.infer<typeof ZTalentDetail>;

export const ZTermReportKind = z.enum(['leftSocialWork', 'movedOutOfCity', 'misconduct']);
export const ZTermReportRequest = z.object({
  kind: ZTermReportKind,
  /** The day the change took effect (离岗、调离或违纪之日): the allowance is pro-rated to it. */
  effectiveOn: ZIsoDate,
  note: z.string().trim().max(500).optional(),
});
export type TTermReportRequest = z.infer<typeof ZTermReportRequest>;
