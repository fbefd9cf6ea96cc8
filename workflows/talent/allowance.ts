// Allowance arithmetic of a talent's term: a monthly amount (default 1,000 yuan) paid once a year in
// one sum, in arrears at each anniversary of the term start, over the term (default 4 years).
//
// Pro-rating rule (stop of benefits — left social work, moved out of the city, title kept — or
// revocation of the title): the term year in which the stop takes effect is paid for the whole
// calendar months completed from the start of that term year up to the day before the effective
// date (a month is completed on the same day number of the next month, or that month's last day
// when it is shorter); that amount falls due on the effective date. Term years that start on or
// after the effective date are cancelled: nothing is due or paid for them. Amounts are in fen
// (1 yuan = 100 fen) so sums are exact.
import type { LocalizedMessage } from '../engine/localized-message';
import { addYears, parseIsoDate, wholeMonthsBetween } from './calendar';
import type { AllowanceOptions } from './round-config';

export type TermStop = { kind: 'benefitsStopped' | 'revoked'; effectiveOn: string; reason: string };
export type AllowancePayment = { termYear: number; amountFen: number; paidOn: string };

export type LedgerStatus = 'upcoming' | 'due' | 'paid' | 'overpaid' | 'cancelled';

export type LedgerRow = {
  termYear: number;
  periodStart: string;
  /** First day of the next term year. */
  periodEnd: string;
  /** When the year's sum falls due: the anniversary, or the stop's effective date; null when cancelled. */
  dueOn: string | null;
  monthsDue: number;
  amountDueFen: number;
  amountPaidFen: number;
  /** Due minus paid (negative when more was paid than due). */
  outstandingFen: number;
  status: LedgerStatus;
  message: LocalizedMessage;
};

export type AllowanceLedger = {
  termStart: string;
  termEnd: string;
  monthlyAmountFen: number;
  stop: TermStop | null;
  rows: LedgerRow[];
  totals: { dueFen: number; paidFen: number; outstandingFen: number };
};

export type LedgerInput = {
  /** First day of the term, `YYYY-MM-DD`. */
  termStart: string;
  stop?: TermStop;
  payments: AllowancePayment[];
  /** The day the ledger is read at, `YYYY-MM-DD` (decides due versus upcoming). */
  asOf: string;
};

const yuan = (fen: number) => (fen / 100).toFixed(2);

function rowMessage(row: Omit<LedgerRow, 'message'>, stop: TermStop | null): LocalizedMessage {
  if (row.status === 'cancelled')
    return {
      zh: `第 ${row.termYear} 年：${stop?.kind === 'revoked' ? '称号已撤销' : '已停止享受待遇'}，不再发放`,
      en: `year ${row.termYear}: ${stop?.kind === 'revoked' ? 'title revoked' : 'benefits stopped'}, nothing due`,
    };
  const prorated = row.monthsDue < 12;
  const basis = prorated
    ? {
        zh: `按停发前已满 ${row.monthsDue} 个月折算`,
        en: `pro-rated: ${row.monthsDue} whole months before the stop`,
      }
    : { zh: '全年 12 个月', en: 'a full year of 12 months' };
  return {
    zh: `第 ${row.termYear} 年：应发 ${yuan(row.amountDueFen)} 元（${basis.zh}），${row.dueOn} 到期，已发 ${yuan(row.amountPaidFen)} 元`,
    en: `year ${row.termYear}: ${yuan(row.amountDueFen)} yuan due on ${row.dueOn} (${basis.en}), ${yuan(row.amountPaidFen)} yuan paid`,
  };
}

/** What is due and paid for each term year, with totals that are the sums of the rows. */
export function buildAllowanceLedger(input: LedgerInput, options: AllowanceOptions): AllowanceLedger {
  parseIsoDate(input.asOf);
  if (input.stop) parseIsoDate(input.stop.effectiveOn);
  const monthlyAmountFen = Math.round(options.monthlyAmountYuan * 100);
  const stop = input.stop ?? null;
  const rows: LedgerRow[] = [];
  for (let termYear = 1; termYear <= options.termYears; termYear += 1) {
    const periodStart = addYears(input.termStart, termYear - 1);
    const periodEnd = addYears(input.termStart, termYear);
    const stoppedBefore = stop !== null && stop.effectiveOn <= periodStart;
    const stoppedDuring = stop !== null && !stoppedBefore && stop.effectiveOn < periodEnd;
    const monthsDue = stoppedBefore
      ? 0
      : stoppedDuring
        ? wholeMonthsBetween(periodStart, stop.effectiveOn)
        : 12;
    const dueOn = stoppedBefore ? null : stoppedDuring ? stop.effectiveOn : periodEnd;
    const amountDueFen = monthsDue * monthlyAmountFen;
    const amountPaidFen = input.payments
      .filter((payment) => payment.termYear === termYear)
      .reduce((sum, payment) => sum + payment.amountFen, 0);
    const outstandingFen = amountDueFen - amountPaidFen;
    const status: LedgerStatus =
      outstandingFen < 0
        ? 'overpaid'
        : dueOn === null || (amountDueFen === 0 && stop !== null)
          ? 'cancelled'
          : outstandingFen === 0
            ? 'paid'
            : input.asOf >= dueOn
              ? 'due'
              : 'upcoming';
    const row = {
      termYear,
      periodStart,
      periodEnd,
      dueOn,
      monthsDue,
      amountDueFen,
      amountPaidFen,
      outstandingFen,
      status,
    };
    rows.push({ ...row, message: rowMessage(row, stop) });
  }
  const totals = rows.reduce(
    (sum, row) => ({
      dueFen: sum.dueFen + row.amountDueFen,
      paidFen: sum.paidFen + row.amountPaidFen,
      outstandingFen: sum.outstandingFen + row.outstandingFen,
    }),
    { dueFen: 0, paidFen: 0, outstandingFen: 0 },
  );
  return {
    termStart: input.termStart,
    termEnd: addYears(input.termStart, options.termYears),
    monthlyAmountFen,
    stop,
    rows,
    totals,
  };
}

/** The payment to make now: the earliest year whose sum is due and not yet (fully) paid. */
export function nextAllowancePayment(
  ledger: AllowanceLedger,
): { termYear: number; amountFen: number; dueOn: string } | null {
  const row = ledger.rows.find((r) => r.status === 'due');
  return row && row.dueOn !== null
    ? { termYear: row.termYear, amountFen: row.outstandingFen, dueOn: row.dueOn }
    : null;
}

export type PaymentProblem = {
  code: 'YEAR_UNKNOWN' | 'YEAR_CANCELLED' | 'NOT_DUE' | 'EXCEEDS_OUTSTANDING';
  message: LocalizedMessage;
};

/** Why a payment may not be recorded (null when it may): nothing after a stop, nothing early, nothing beyond what is due. */
export function checkAllowancePayment(
  ledger: AllowanceLedger,
  payment: AllowancePayment,
): PaymentProblem | null {
  const row = ledger.rows.find((r) => r.termYear === payment.termYear);
  if (!row)
    return {
      code: 'YEAR_UNKNOWN',
      message: { zh: `任期没有第 ${payment.termYear} 年`, en: `the term has no year ${payment.termYear}` },
    };
  if (row.dueOn === null || row.amountDueFen === 0)
    return {
      code: 'YEAR_CANCELLED',
      message: {
        zh: `第 ${row.termYear} 年已停发，不得支付`,
        en: `year ${row.termYear} is cancelled: no payment after the stop`,
      },
    };
  if (payment.paidOn < row.dueOn)
    return {
      code: 'NOT_DUE',
      message: {
        zh: `第 ${row.termYear} 年津贴 ${row.dueOn} 才到期`,
        en: `year ${row.termYear} is not due before ${row.dueOn}`,
      },
    };
  if (
    !Number.isInteger(payment.amountFen) ||
    payment.amountFen <= 0 ||
    payment.amountFen > row.outstandingFen
  )
    return {
      code: 'EXCEEDS_OUTSTANDING',
      message: {
        zh: `支付金额须为大于 0 的整分数且不超过未发金额 ${yuan(row.outstandingFen)} 元`,
        en: `the amount must be a positive whole number of fen, at most the outstanding ${yuan(row.outstandingFen)} yuan`,
      },
    };
  return null;
}
