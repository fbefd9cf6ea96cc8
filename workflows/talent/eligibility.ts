// Screening (资格审查): each application is checked rule by rule at the round's reference date, and
// every check is explained with the values it used. Also derives what ranking needs: the category
// (elderly-services or general), whole months of social work and the priority credentials.
import type { LocalizedMessage } from '../engine/localized-message';
import { addDays, wholeMonthsBetween } from './calendar';
import type { EligibilityOptions } from './round-config';
import type { PriorTitle, TalentApplication } from './talent-application';
import { decideReapplication } from './term-end';
import {
  ELDERLY_CARE_WORKER_LEVELS,
  GRASSROOTS_UNIT_TYPES,
  OTHER_UNIT_TYPES,
  SOCIAL_WORK_FIELDS,
  SOCIAL_WORKER_LEVELS,
  labelOf,
  levelRank,
} from './talent-vocabulary';

export type EligibilityRule =
  'yearsInSocialWork' | 'field' | 'unitType' | 'notCurrentHolder' | 'notRevoked' | 'reapplication';

export type EligibilityCheck = {
  rule: EligibilityRule;
  passed: boolean;
  values: Record<string, unknown>;
  message: LocalizedMessage;
};

export type Category = 'elderly' | 'general';

export type PriorityCredential =
  'socialWorkerCertificate' | 'elderlyCareWorkerCertificate' | 'elderlyCareManagementTraining';

export type EligibilityResult = {
  candidateId: string;
  eligible: boolean;
  referenceDate: string;
  checks: EligibilityCheck[];
  category: Category;
  categoryReason: LocalizedMessage;
  serviceMonths: number;
  priorityCredentials: PriorityCredential[];
};

const UNIT_TYPES = [...GRASSROOTS_UNIT_TYPES, ...OTHER_UNIT_TYPES];

/**
 * Whole months of social work before the reference date. Each period is turned into a half-open span
 * [first day, day after the last day) clipped at the reference date; overlapping or adjoining spans
 * are merged first (two jobs at once count once, a job change the next day loses nothing), then each
 * continuous span counts its completed calendar months.
 */
export function serviceMonthsAt(
  periods: TalentApplication['socialWorkPeriods'],
  referenceDate: string,
): number {
  const spans = periods
    .map((period) => {
      const end = period.to === undefined ? referenceDate : addDays(period.to, 1);
      return { from: period.from, end: end > referenceDate ? referenceDate : end };
    })
    .filter((span) => span.from < span.end)
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: { from: string; end: string }[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.from <= last.end) last.end = span.end > last.end ? span.end : last.end;
    else merged.push({ ...span });
  }
  return merged.reduce((sum, span) => sum + wholeMonthsBetween(span.from, span.end), 0);
}

export function priorityCredentialsOf(
  application: TalentApplication,
  options: EligibilityOptions['priority'],
): PriorityCredential[] {
  const credentials: PriorityCredential[] = [];
  if (
    application.socialWorkerLevel !== undefined &&
    levelRank(SOCIAL_WORKER_LEVELS, application.socialWorkerLevel) >=
      levelRank(SOCIAL_WORKER_LEVELS, options.minSocialWorkerLevel)
  )
    credentials.push('socialWorkerCertificate');
  if (
    application.elderlyCareWorkerLevel !== undefined &&
    levelRank(ELDERLY_CARE_WORKER_LEVELS, application.elderlyCareWorkerLevel) >=
      levelRank(ELDERLY_CARE_WORKER_LEVELS, options.minElderlyCareWorkerLevel)
  )
    credentials.push('elderlyCareWorkerCertificate');
  if (options.elderlyCareManagementTraining && application.elderlyCareManagementTrainingPassed)
    credentials.push('elderlyCareManagementTraining');
  return credentials;
}

function check(
  rule: EligibilityRule,
  passed: boolean,
  values: Record<string, unknown>,
  zh: string,
  en: string,
): EligibilityCheck {
  return { rule, passed, values, message: { zh, en } };
}

function holdsAt(title: PriorTitle, date: string): boolean {
  const revoked = title.revokedOn !== undefined && title.revokedOn <= date;
  return title.termStart <= date && date < title.termEnd && !revoked;
}

function titleChecks(application: TalentApplication, referenceDate: string, options: EligibilityOptions) {
  const titles = application.priorTitles;
  const current = titles.find((title) => holdsAt(title, referenceDate));
  const revoked = titles.find((title) => title.revokedOn !== undefined && title.revokedOn <= referenceDate);
  const former = titles
    .filter((title) => title.termEnd <= referenceDate && title.revokedOn === undefined)
    .sort((a, b) => (a.termEnd < b.termEnd ? 1 : a.termEnd > b.termEnd ? -1 : 0))[0];
  const checks = [
    current
      ? check(
          'notCurrentHolder',
          false,
          { roundId: current.roundId, termEnd: current.termEnd },
          `现为人才称号持有人（任期至 ${current.termEnd}）`,
          `currently holds the title (term ends ${current.termEnd})`,
        )
      : check('notCurrentHolder', true, {}, '现未持有人才称号', 'does not currently hold the title'),
    revoked
      ? check(
          'notRevoked',
          false,
          { roundId: revoked.roundId, revokedOn: revoked.revokedOn },
          `人才称号曾于 ${revoked.revokedOn} 被撤销`,
          `title was revoked on ${revoked.revokedOn}`,
        )
      : check('notRevoked', true, {}, '无称号被撤销记录', 'no revoked title'),
  ];
  if (former) {
    const decision = decideReapplication(former, options);
    checks.push(
      check(
        'reapplication',
        decision.mayReapply,
        { roundId: former.roundId, ...decision.values },
        decision.message.zh,
        decision.message.en,
      ),
    );
  }
  return checks;
}

/** Screens one application at the reference date (`YYYY-MM-DD`). */
export function screenApplication(
  application: TalentApplication,
  referenceDate: string,
  options: EligibilityOptions,
): EligibilityResult {
  const serviceMonths = serviceMonthsAt(application.socialWorkPeriods, referenceDate);
  const requiredMonths = Math.round(options.minYearsInSocialWork * 12);
  const years = Math.floor(serviceMonths / 12);
  const months = serviceMonths % 12;
  const field = labelOf(SOCIAL_WORK_FIELDS, application.field);
  const unit = labelOf(UNIT_TYPES, application.unitType);
  const checks: EligibilityCheck[] = [
    check(
      'yearsInSocialWork',
      serviceMonths >= requiredMonths,
      { serviceMonths, requiredMonths, referenceDate },
      `截至 ${referenceDate} 从事社会工作 ${years} 年 ${months} 个月，要求不少于 ${options.minYearsInSocialWork} 年`,
      `${years} years ${months} months in social work at ${referenceDate}; at least ${options.minYearsInSocialWork} years required`,
    ),
    options.fields.includes(application.field)
      ? // The rule's own name (服务领域) heads the row: the sentence says only what was found.
        check(
          'field',
          true,
          { field: application.field },
          `${field.zh}，在本轮申报领域内`,
          `${field.en}, among this round's fields`,
        )
      : check(
          'field',
          false,
          { field: application.field, allowedFields: options.fields },
          `服务领域"${field.zh}"不在本轮申报领域内`,
          `field "${field.en}" is not among this round's fields`,
        ),
    options.unitTypes.includes(application.unitType)
      ? check(
          'unitType',
          true,
          { unitType: application.unitType },
          `${unit.zh}，属于本轮的基层单位`,
          `${unit.en}, a grassroots unit of this round`,
        )
      : check(
          'unitType',
          false,
          { unitType: application.unitType, allowedUnitTypes: options.unitTypes },
          `单位类型"${unit.zh}"不属于本轮的基层单位`,
          `unit type "${unit.en}" is not a grassroots unit of this round`,
        ),
    ...titleChecks(application, referenceDate, options),
  ];
  const byUnit = options.elderlyServiceUnitTypes.includes(application.unitType);
  const category: Category = application.elderlyServices || byUnit ? 'elderly' : 'general';
  const categoryReason: LocalizedMessage =
    category === 'general'
      ? { zh: '普通名额类别', en: 'general category' }
      : application.elderlyServices
        ? { zh: '申报养老服务领域', en: 'declared the elderly-services field' }
        : {
            zh: `所在单位为${unit.zh}，计入养老服务领域`,
            en: `unit type ${unit.en} counts as the elderly-services field`,
          };
  return {
    candidateId: application.candidateId,
    eligible: checks.every((c) => c.passed),
    referenceDate,
    checks,
    category,
    categoryReason,
    serviceMonths,
    priorityCredentials: priorityCredentialsOf(application, options.priority),
  };
}
