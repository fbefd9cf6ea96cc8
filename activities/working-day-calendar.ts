// The working-day calendar a host hands to the engine as data: public holidays and adjusted workdays
// (调休) from the yearly table the chinese-days package ships (it follows the State Council's
// notices), with an admin's own additions on top.
import table from 'chinese-days/dist/chinese-days.json';
import { z } from 'zod';
import type { WorkingDayCalendar } from '../workflows/engine';

const isoDate = z.iso.date();

/** Dates an admin adds, e.g. a year the package does not cover yet or a local day off. */
export const ZCalendarAdditions = z.strictObject({
  holidays: z.array(isoDate).default([]),
  workdays: z.array(isoDate).default([]),
});
export type CalendarAdditions = z.input<typeof ZCalendarAdditions>;

const yearOf = (date: string) => Number(date.slice(0, 4));

/** The years the shipped table covers; outside them only weekends and the admin's dates count. */
export const shippedYears = (() => {
  const years = [...Object.keys(table.holidays), ...Object.keys(table.workdays)].map(yearOf);
  return { from: Math.min(...years), to: Math.max(...years) };
})();

/** A day the shipped table names, with the holiday's name in Chinese and English. */
export interface ShippedDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: { zh: string; en: string };
}

/** The table writes a day as "National Day,国庆节,3": English name, Chinese name, length. */
function shippedDay(date: string, kind: ShippedDay['kind'], value: string): ShippedDay {
  const [en = '', zh = ''] = value.split(',');
  return { date, kind, name: { zh, en } };
}

/** The shipped table's holidays and adjusted workdays of one year, by date. */
export function shippedDaysOf(year: number): ShippedDay[] {
  const prefix = `${year}-`;
  const pick = (days: Record<string, string>, kind: ShippedDay['kind']) =>
    Object.entries(days)
      .filter(([date]) => date.startsWith(prefix))
      .map(([date, value]) => shippedDay(date, kind, value));
  return [...pick(table.holidays, 'holiday'), ...pick(table.workdays, 'workday')].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
}

/** What the shipped table says of one date, if anything. */
export function shippedDayAt(date: string): ShippedDay | undefined {
  const holidays: Record<string, string> = table.holidays;
  const workdays: Record<string, string> = table.workdays;
  const holiday = holidays[date];
  if (holiday !== undefined) return shippedDay(date, 'holiday', holiday);
  const workday = workdays[date];
  return workday === undefined ? undefined : shippedDay(date, 'workday', workday);
}

/**
 * Days off and adjusted workdays from 1 January of `fromYear` to 31 December of `toYear`, sorted.
 * An admin's date overrides the table's for that day; one the admin lists as both is a workday.
 */
export function workingDayCalendar(
  fromYear: number,
  toYear: number,
  additions: CalendarAdditions = {},
): WorkingDayCalendar {
  const inRange = (date: string) => yearOf(date) >= fromYear && yearOf(date) <= toYear;
  const adminWorkdays = new Set(additions.workdays ?? []);
  const adminHolidays = new Set([...(additions.holidays ?? [])].filter((date) => !adminWorkdays.has(date)));
  const holidays = new Set(
    [...Object.keys(table.holidays), ...adminHolidays].filter((date) => !adminWorkdays.has(date)),
  );
  const workdays = new Set(
    [...Object.keys(table.workdays), ...adminWorkdays].filter((date) => !adminHolidays.has(date)),
  );
  return {
    holidays: [...holidays].filter(inRange).sort(),
    workdays: [...workdays].filter(inRange).sort(),
  };
}

/**
 * The calendar both runtimes hand to the engine when admins have added nothing: every year the
 * shipped table covers. A package update adds coming years and never rewrites past ones, so
 * replaying an event computes what it computed when it first happened.
 */
export const shippedCalendar: WorkingDayCalendar = workingDayCalendar(shippedYears.from, shippedYears.to);

/**
 * The admins' additions at one revision of them (0: none yet). A host stamps the revision onto each
 * transition it decides, and replay counts over that revision's days again.
 */
export interface CalendarStamp {
  revision: number;
  additions: { holidays: string[]; workdays: string[] };
}

export const SHIPPED_ONLY: CalendarStamp = { revision: 0, additions: { holidays: [], workdays: [] } };

const built = new WeakMap<CalendarStamp, WorkingDayCalendar>();

/**
 * The shipped table with the stamp's additions on top, over every year either of them names;
 * built once per stamp object (hosts keep one object per revision).
 */
export function calendarOf(stamp: CalendarStamp): WorkingDayCalendar {
  const { holidays, workdays } = stamp.additions;
  if (holidays.length === 0 && workdays.length === 0) return shippedCalendar;
  const cached = built.get(stamp);
  if (cached) return cached;
  const years = [...holidays, ...workdays].map(yearOf);
  const calendar = workingDayCalendar(
    Math.min(shippedYears.from, ...years),
    Math.max(shippedYears.to, ...years),
    stamp.additions,
  );
  built.set(stamp, calendar);
  return calendar;
}

/**
 * The event as the log keeps it: with the calendar revision it was decided with, when admins had
 * added days by then. The engine's event schema ignores the field; only hosts read it back.
 */
export function withCalendarRevision<E extends object>(event: E, revision: number): E {
  return revision === 0 ? event : { ...event, calendarRevision: revision };
}

/** The calendar revision a logged event was decided with (0: the shipped table alone). */
export function calendarRevisionOf(payload: unknown): number {
  const revision = (payload as { calendarRevision?: unknown } | null)?.calendarRevision;
  return typeof revision === 'number' && Number.isInteger(revision) && revision > 0 ? revision : 0;
}
