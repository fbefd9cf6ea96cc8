// Calendar arithmetic on ISO dates (`YYYY-MM-DD`, Asia/Shanghai) for terms, service years and allowances.
// Dates arrive as strings; nothing here reads the clock.
import { DateTime } from 'luxon';
import { ZONE } from '../engine/iso-durations';

export function parseIsoDate(text: string): DateTime {
  const value = DateTime.fromISO(text, { zone: ZONE });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || !value.isValid) throw new RangeError(`not an ISO date: ${text}`);
  return value;
}

export function formatIsoDate(value: DateTime): string {
  return value.toISODate() ?? '';
}

/** `date` plus whole days. */
export function addDays(date: string, days: number): string {
  return formatIsoDate(parseIsoDate(date).plus({ days }));
}

/** `date` plus whole years (Feb 29 plus one year is Feb 28). */
export function addYears(date: string, years: number): string {
  return formatIsoDate(parseIsoDate(date).plus({ years }));
}

/**
 * Whole calendar months completed from `from` up to (not including) `to`. A month is completed on
 * the same day number of a later month, or on that month's last day when it is shorter
 * (from Jan 31, the first month is completed on Feb 28/29). Negative spans count as 0.
 */
export function wholeMonthsBetween(from: string, to: string): number {
  const start = parseIsoDate(from);
  const end = parseIsoDate(to);
  if (end <= start) return 0;
  const months = (end.year - start.year) * 12 + (end.month - start.month);
  const dayReached = end.day >= Math.min(start.day, end.daysInMonth ?? 31);
  return dayReached ? months : months - 1;
}

/** The date of an instant in Asia/Shanghai, the date the talent rules count in. */
export function shanghaiDate(at: Date): string {
  return formatIsoDate(DateTime.fromJSDate(at, { zone: ZONE }));
}
