import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  addYears,
  buildAllowanceLedger,
  checkAllowancePayment,
  decideReapplication,
  defaultRoundConfig,
  nextAllowancePayment,
  type TermStop,
} from '../../../workflows/talent';

const config = defaultRoundConfig();
const options = config.allowance;
const TERM_START = '2026-07-01';
const ledgerOf = (
  stop?: TermStop,
  payments: Parameters<typeof buildAllowanceLedger>[0]['payments'] = [],
  asOf = '2031-01-01',
) => buildAllowanceLedger({ termStart: TERM_START, stop, payments, asOf }, options);
const movedAway = (effectiveOn: string): TermStop => ({
  kind: 'benefitsStopped',
  effectiveOn,
  reason: '调离本市',
});

describe('allowance (津贴)', () => {
  it('ships 1,000 yuan a month over a 4-year term', () => {
    expect(options).toEqual({ monthlyAmountYuan: 1000, termYears: 4 });
  });

  it('pays 12 months in one sum at each anniversary of the term start', () => {
    const ledger = ledgerOf();
    expect(ledger.rows.map((r) => [r.termYear, r.periodStart, r.dueOn, r.monthsDue, r.amountDueFen])).toEqual(
      [
        [1, '2026-07-01', '2027-07-01', 12, 1_200_000],
        [2, '2027-07-01', '2028-07-01', 12, 1_200_000],
        [3, '2028-07-01', '2029-07-01', 12, 1_200_000],
        [4, '2029-07-01', '2030-07-01', 12, 1_200_000],
      ],
    );
    expect(ledger.termEnd).toBe('2030-07-01');
    expect(ledger.totals.dueFen).toBe(4_800_000);
  });

  it('pro-rates the year of a move away at whole months completed before the effective date (month 7 of year 2 → 6 months)', () => {
    const ledger = ledgerOf(movedAway('2028-01-20'));
    expect(ledger.rows.map((r) => [r.monthsDue, r.amountDueFen, r.dueOn, r.status])).toEqual([
      [12, 1_200_000, '2027-07-01', 'due'],
      [6, 600_000, '2028-01-20', 'due'],
      [0, 0, null, 'cancelled'],
      [0, 0, null, 'cancelled'],
    ]);
    expect(ledger.rows[1]!.message.zh).toBe(
      '第 2 年：应发 6000.00 元（按停发前已满 6 个月折算），2028-01-20 到期，已发 0.00 元',
    );
    expect(ledger.rows[2]!.message.zh).toBe('第 3 年：已停止享受待遇，不再发放');
    expect(ledger.totals.dueFen).toBe(1_800_000);
  });

  it('pro-rates a revocation the same way and pays nothing after it', () => {
    const ledger = ledgerOf({ kind: 'revoked', effectiveOn: '2028-10-31', reason: '违纪' });
    expect(ledger.rows.map((r) => r.monthsDue)).toEqual([12, 12, 3, 0]);
    expect(ledger.rows[3]!.message.en).toBe('year 4: title revoked, nothing due');
  });

  it.each([
    ['on an anniversary: the year before is whole, the next cancelled', '2028-07-01', [12, 12, 0, 0]],
    ['on the last day of a month: that month is not completed', '2027-06-30', [11, 0, 0, 0]],
    ['on the first day of the term: nothing at all', '2026-07-01', [0, 0, 0, 0]],
    ['after the term: nothing changes', '2031-03-01', [12, 12, 12, 12]],
  ])('a stop %s', (_case, effectiveOn, months) => {
    expect(ledgerOf(movedAway(effectiveOn)).rows.map((r) => r.monthsDue)).toEqual(months);
  });

  it('counts a month from the 31st as completed on the last day of a shorter month', () => {
    const ledger = (effectiveOn: string) =>
      buildAllowanceLedger(
        { termStart: '2027-01-31', stop: movedAway(effectiveOn), payments: [], asOf: '2031-01-01' },
        options,
      );
    expect(ledger('2027-02-27').rows[0]!.monthsDue).toBe(0);
    expect(ledger('2027-02-28').rows[0]!.monthsDue).toBe(1);
    expect(ledger('2027-03-30').rows[0]!.monthsDue).toBe(1);
    expect(ledger('2027-03-31').rows[0]!.monthsDue).toBe(2);
    expect(ledger('2027-04-30').rows[0]!.monthsDue).toBe(3);
  });

  it('keeps a ledger of due and paid per year: upcoming, due, paid, overpaid', () => {
    const ledger = ledgerOf(
      undefined,
      [
        { termYear: 1, amountFen: 1_200_000, paidOn: '2027-07-02' },
        { termYear: 2, amountFen: 1_300_000, paidOn: '2028-07-05' },
      ],
      '2029-08-01',
    );
    expect(ledger.rows.map((r) => [r.status, r.amountPaidFen, r.outstandingFen])).toEqual([
      ['paid', 1_200_000, 0],
      ['overpaid', 1_300_000, -100_000],
      ['due', 0, 1_200_000],
      ['upcoming', 0, 1_200_000],
    ]);
    expect(ledger.totals).toEqual({ dueFen: 4_800_000, paidFen: 2_500_000, outstandingFen: 2_300_000 });
    expect(nextAllowancePayment(ledger)).toEqual({ termYear: 3, amountFen: 1_200_000, dueOn: '2029-07-01' });
  });

  describe('recording a payment', () => {
    const ledger = ledgerOf(movedAway('2028-01-20'), [], '2028-02-01');
    const code = (termYear: number, amountFen: number, paidOn: string) =>
      checkAllowancePayment(ledger, { termYear, amountFen, paidOn })?.code ?? null;

    it('accepts the pro-rated sum on or after the effective date', () => {
      expect(code(2, 600_000, '2028-01-20')).toBeNull();
    });

    it('refuses any payment for a year after the stop', () => {
      expect(code(3, 100, '2029-07-01')).toBe('YEAR_CANCELLED');
    });

    it('refuses an early payment, more than is outstanding, part-fen amounts and unknown years', () => {
      expect(code(1, 1_200_000, '2027-06-30')).toBe('NOT_DUE');
      expect(code(2, 600_001, '2028-02-01')).toBe('EXCEEDS_OUTSTANDING');
      expect(code(2, 0.5, '2028-02-01')).toBe('EXCEEDS_OUTSTANDING');
      expect(code(5, 100, '2031-01-01')).toBe('YEAR_UNKNOWN');
    });
  });

  describe('properties', () => {
    const days = fc.integer({ min: 0, max: 365 * 6 });
    const dateFrom = (start: string, offset: number) => {
      const d = new Date(`${start}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + offset);
      return d.toISOString().slice(0, 10);
    };
    const starts = fc.integer({ min: 0, max: 365 * 4 }).map((offset) => dateFrom('2024-01-01', offset));
    const payments = fc.array(
      fc.record({
        termYear: fc.integer({ min: 1, max: 4 }),
        amountFen: fc.integer({ min: 1, max: 1_500_000 }),
        paidOn: fc.constant('2035-01-01'),
      }),
      { maxLength: 6 },
    );

    it('totals equal the sum of the ledger rows', () => {
      fc.assert(
        fc.property(starts, fc.option(days), payments, (termStart, stopAfter, paid) => {
          const stop = stopAfter === null ? undefined : movedAway(dateFrom(termStart, stopAfter));
          const ledger = buildAllowanceLedger(
            { termStart, stop, payments: paid, asOf: '2035-01-01' },
            options,
          );
          const sum = (pick: (r: (typeof ledger.rows)[number]) => number) =>
            ledger.rows.reduce((s, r) => s + pick(r), 0);
          expect(ledger.totals).toEqual({
            dueFen: sum((r) => r.amountDueFen),
            paidFen: sum((r) => r.amountPaidFen),
            outstandingFen: sum((r) => r.outstandingFen),
          });
          expect(ledger.totals.paidFen).toBe(paid.reduce((s, p) => s + p.amountFen, 0));
        }),
      );
    });

    it('pays whole months completed before a stop, nothing after it, and never less for a later stop', () => {
      fc.assert(
        fc.property(starts, days, days, (termStart, a, b) => {
          const [early, late] = [Math.min(a, b), Math.max(a, b)].map((offset) =>
            buildAllowanceLedger(
              { termStart, stop: movedAway(dateFrom(termStart, offset)), payments: [], asOf: '2035-01-01' },
              options,
            ),
          );
          for (const row of early!.rows) {
            if (row.periodStart >= early!.stop!.effectiveOn) expect(row.amountDueFen).toBe(0);
            // Month k of the year is completed on the start plus k calendar months (clamped to a month's end).
            const completed = [...Array(12).keys()]
              .map((k) =>
                DateTime.fromISO(row.periodStart)
                  .plus({ months: k + 1 })
                  .toISODate()!,
              )
              .filter((day) => day <= early!.stop!.effectiveOn).length;
            expect(row.monthsDue).toBe(completed);
            expect(row.amountDueFen).toBe(row.monthsDue * 100_000);
          }
          expect(late!.totals.dueFen).toBeGreaterThanOrEqual(early!.totals.dueFen);
          expect(late!.totals.dueFen).toBeLessThanOrEqual(4_800_000);
        }),
      );
    });
  });
});

describe('term end (期满)', () => {
  const eligibility = config.eligibility;

  it('allows re-application after a term rated excellent', () => {
    expect(decideReapplication({ finalRating: 'excellent' }, eligibility)).toMatchObject({
      mayReapply: true,
      message: { zh: '期满考核为优秀，可再次申报' },
    });
  });

  it('refuses it after any other rating, a revocation, or no rating yet', () => {
    expect(decideReapplication({ finalRating: 'competent' }, eligibility).message.zh).toBe(
      '期满考核为称职，须为优秀方可再次申报',
    );
    expect(
      decideReapplication({ finalRating: 'excellent', revokedOn: '2029-01-01' }, eligibility).mayReapply,
    ).toBe(false);
    expect(decideReapplication({}, eligibility).mayReapply).toBe(false);
  });

  it('follows the round: a round may also accept competent', () => {
    const wider = { ...eligibility, reapplicationRatings: ['excellent' as const, 'competent' as const] };
    expect(decideReapplication({ finalRating: 'competent' }, wider).mayReapply).toBe(true);
  });

  it('ends the term on the same day four years later (Feb 29 ends on Feb 28)', () => {
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
  });
});
