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
 * The calendar both runtimes hand to the engine: every year the shipped table covers. A package
 * update adds coming years and never rewrites past ones, so replaying an event computes what it
 * computed when it first happened.
 */
export const shippedCalendar: WorkingDayCalendar = workingDayCalendar(shippedYears.from, shippedYears.to);
