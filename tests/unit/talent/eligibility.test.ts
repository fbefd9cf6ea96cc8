import fc from 'fast-check';
import {
  defaultRoundConfig,
  type EligibilityOptions,
  type EligibilityResult,
  screenApplication,
  serviceMonthsAt,
  ZRoundConfig,
} from '../../../workflows/talent';
import { application, REFERENCE_DATE } from './talent-fixtures';

const options = defaultRoundConfig().eligibility;
const checkOf = (result: EligibilityResult, rule: string) => result.checks.find((c) => c.rule === rule);

describe('screening (资格审查)', () => {
  it('passes an application that meets every rule and explains each rule', () => {
    const result = screenApplication(application(), REFERENCE_DATE, options);
    expect(result.eligible).toBe(true);
    expect(result.checks.map((c) => c.rule)).toEqual([
      'yearsInSocialWork',
      'field',
      'unitType',
      'notCurrentHolder',
      'notRevoked',
    ]);
    expect(result.checks.every((c) => c.passed && c.message.zh && c.message.en)).toBe(true);
  });

  describe('years in social work at the reference date', () => {
    it.each([
      ['4 years 11 months is too few', [{ from: '2021-03-02' }], 59, false],
      ['exactly 5 years on the reference date', [{ from: '2021-03-01' }], 60, true],
      ['the last day of a period counts (inclusive)', [{ from: '2016-01-01', to: '2020-12-31' }], 60, true],
      [
        'a job change the next day loses nothing',
        [
          { from: '2018-01-01', to: '2019-06-30' },
          { from: '2019-07-01', to: '2022-12-31' },
        ],
        60,
        true,
      ],
      [
        'two jobs at once count once',
        [
          { from: '2018-01-01', to: '2022-12-31' },
          { from: '2019-01-01', to: '2020-12-31' },
        ],
        60,
        true,
      ],
      ['work after the reference date does not count', [{ from: '2022-03-01', to: '2030-12-31' }], 48, false],
      ['a period starting after the reference date counts nothing', [{ from: '2026-04-01' }], 0, false],
    ])('%s', (_case, periods, months, passed) => {
      const result = screenApplication(application({ socialWorkPeriods: periods }), REFERENCE_DATE, options);
      expect(result.serviceMonths).toBe(months);
      const check = checkOf(result, 'yearsInSocialWork')!;
      expect(check.passed).toBe(passed);
      expect(check.values).toEqual({
        serviceMonths: months,
        requiredMonths: 60,
        referenceDate: REFERENCE_DATE,
      });
      expect(result.eligible).toBe(passed);
    });

    it('names the years, months and the minimum in the explanation', () => {
      const result = screenApplication(
        application({ socialWorkPeriods: [{ from: '2021-03-02' }] }),
        REFERENCE_DATE,
        options,
      );
      expect(checkOf(result, 'yearsInSocialWork')!.message.zh).toBe(
        '截至 2026-03-01 从事社会工作 4 年 11 个月，要求不少于 5 年',
      );
    });

    it('uses the round minimum, not a constant', () => {
      const three = ZRoundConfig.parse({ eligibility: { minYearsInSocialWork: 3 } }).eligibility;
      const app = application({ socialWorkPeriods: [{ from: '2022-06-01' }] });
      expect(screenApplication(app, REFERENCE_DATE, options).eligible).toBe(false);
      expect(screenApplication(app, REFERENCE_DATE, three).eligible).toBe(true);
    });

    it('counts a mid-month period in whole months (Jan 15 to Mar 14 is two)', () => {
      expect(serviceMonthsAt([{ from: '2020-01-15', to: '2020-03-14' }], REFERENCE_DATE)).toBe(2);
    });
  });

  it('counts the same months for any order of the periods, never more than since the first day (property)', () => {
    const day = fc.integer({ min: 0, max: 4000 }).map((offset) => {
      const date = new Date(Date.UTC(2015, 0, 1 + offset));
      return date.toISOString().slice(0, 10);
    });
    const period = fc.tuple(day, fc.option(fc.integer({ min: 0, max: 900 }))).map(([from, length]) => {
      if (length === null) return { from };
      const to = new Date(`${from}T00:00:00Z`);
      to.setUTCDate(to.getUTCDate() + length);
      return { from, to: to.toISOString().slice(0, 10) };
    });
    fc.assert(
      fc.property(fc.array(period, { minLength: 1, maxLength: 5 }), (periods) => {
        const months = serviceMonthsAt(periods, REFERENCE_DATE);
        expect(serviceMonthsAt([...periods].reverse(), REFERENCE_DATE)).toBe(months);
        const first = periods.map((p) => p.from).sort()[0]!;
        const since = first < REFERENCE_DATE ? serviceMonthsAt([{ from: first }], REFERENCE_DATE) : 0;
        expect(months).toBeLessThanOrEqual(since);
        expect(months).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('requires a field among the configured fields', () => {
    const narrow: EligibilityOptions = { ...options, fields: ['social_assistance', 'mental_health'] };
    const result = screenApplication(application({ field: 'community_building' }), REFERENCE_DATE, narrow);
    expect(result.eligible).toBe(false);
    expect(checkOf(result, 'field')).toMatchObject({
      passed: false,
      values: { field: 'community_building', allowedFields: ['social_assistance', 'mental_health'] },
      message: { zh: '服务领域"社区建设"不在本轮申报领域内' },
    });
    expect(options.fields).toHaveLength(18);
  });

  it('requires a grassroots unit type', () => {
    const result = screenApplication(application({ unitType: 'enterprise' }), REFERENCE_DATE, options);
    expect(result.eligible).toBe(false);
    expect(checkOf(result, 'unitType')).toMatchObject({
      passed: false,
      values: { unitType: 'enterprise' },
      message: { zh: '单位类型"企业"不属于本轮的基层单位' },
    });
  });

  it('excludes a candidate who currently holds the title', () => {
    const result = screenApplication(
      application({
        priorTitles: [{ roundId: 'r-2024', termStart: '2024-07-01', termEnd: '2028-07-01' }],
      }),
      REFERENCE_DATE,
      options,
    );
    expect(result.eligible).toBe(false);
    expect(checkOf(result, 'notCurrentHolder')).toMatchObject({
      passed: false,
      values: { roundId: 'r-2024', termEnd: '2028-07-01' },
    });
  });

  it('excludes a candidate whose title was revoked, even long ago', () => {
    const result = screenApplication(
      application({
        priorTitles: [
          { roundId: 'r-2018', termStart: '2018-07-01', termEnd: '2022-07-01', revokedOn: '2020-05-10' },
        ],
      }),
      REFERENCE_DATE,
      options,
    );
    expect(result.eligible).toBe(false);
    expect(checkOf(result, 'notRevoked')).toMatchObject({
      passed: false,
      values: { revokedOn: '2020-05-10' },
      message: { zh: '人才称号曾于 2020-05-10 被撤销' },
    });
    expect(checkOf(result, 'notCurrentHolder')!.passed).toBe(true);
  });

  describe('re-application of former talents', () => {
    const former = (finalRating?: 'excellent' | 'competent') =>
      application({
        priorTitles: [{ roundId: 'r-2020', termStart: '2020-07-01', termEnd: '2024-07-01', finalRating }],
      });

    it('allows a former talent rated excellent at term end who still qualifies', () => {
      const result = screenApplication(former('excellent'), REFERENCE_DATE, options);
      expect(result.eligible).toBe(true);
      expect(checkOf(result, 'reapplication')).toMatchObject({
        passed: true,
        values: { roundId: 'r-2020', finalRating: 'excellent', allowedRatings: ['excellent'] },
      });
    });

    it('refuses a former talent rated below excellent, or without a term-end rating', () => {
      for (const rating of ['competent', undefined] as const) {
        const result = screenApplication(former(rating), REFERENCE_DATE, options);
        expect(result.eligible).toBe(false);
        expect(checkOf(result, 'reapplication')!.passed).toBe(false);
      }
    });

    it('refuses an excellent former talent who no longer qualifies (moved to an enterprise)', () => {
      const result = screenApplication(
        { ...former('excellent'), unitType: 'enterprise' },
        REFERENCE_DATE,
        options,
      );
      expect(checkOf(result, 'reapplication')!.passed).toBe(true);
      expect(result.eligible).toBe(false);
    });

    it('refuses every former talent when the round does not accept re-applications', () => {
      const closed = { ...options, allowReapplication: false };
      expect(screenApplication(former('excellent'), REFERENCE_DATE, closed).eligible).toBe(false);
    });
  });

  it('records the priority credentials: intermediate certificates or above, and the training', () => {
    const none = screenApplication(
      application({ socialWorkerLevel: 'assistant', elderlyCareWorkerLevel: 'junior' }),
      REFERENCE_DATE,
      options,
    );
    expect(none.priorityCredentials).toEqual([]);
    const all = screenApplication(
      application({
        socialWorkerLevel: 'senior',
        elderlyCareWorkerLevel: 'intermediate',
        elderlyCareManagementTrainingPassed: true,
      }),
      REFERENCE_DATE,
      options,
    );
    expect(all.priorityCredentials).toEqual([
      'socialWorkerCertificate',
      'elderlyCareWorkerCertificate',
      'elderlyCareManagementTraining',
    ]);
    // Credentials give priority in ties; they are never a condition of eligibility.
    expect(none.eligible).toBe(true);
  });

  it('puts declared elderly-services workers and elderly-care institutions in the elderly category', () => {
    const declared = screenApplication(application({ elderlyServices: true }), REFERENCE_DATE, options);
    const byUnit = screenApplication(
      application({ unitType: 'elderly_care_institution' }),
      REFERENCE_DATE,
      options,
    );
    const general = screenApplication(application(), REFERENCE_DATE, options);
    expect([declared.category, byUnit.category, general.category]).toEqual(['elderly', 'elderly', 'general']);
    expect(byUnit.categoryReason.zh).toBe('所在单位为养老机构，计入养老服务领域');
  });

  it('rejects a dossier period that ends before it starts', () => {
    expect(() => application({ socialWorkPeriods: [{ from: '2020-01-01', to: '2019-12-31' }] })).toThrow(
      'a period ends on or after its first day',
    );
  });
});
