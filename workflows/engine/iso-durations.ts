// ISO 8601 durations, working-day durations, dates and repeating intervals, computed in Asia/Shanghai
// from a given instant. Never reads the clock: every computation starts from the `now` the host
// passed to `step`, and the holiday calendar arrives as data from the host as well.
import { DateTime, Duration, FixedOffsetZone } from 'luxon';

/**
 * Asia/Shanghai. China has kept UTC+8 without daylight saving since 1991, so a fixed offset is the
 * same zone for every date a process can meet, and it spares the Intl time-zone look-up that a
 * named zone costs on each date created (a large share of a step's time before this).
 */
export const ZONE = FixedOffsetZone.instance(8 * 60);

export function parseDuration(text: string): Duration | undefined {
  if (!text.startsWith('P')) return undefined;
  const duration = Duration.fromISO(text);
  return duration.isValid && duration.toMillis() > 0 ? duration : undefined;
}

export type Cycle = { repetitions: number | undefined; period: Duration };

/** `R4/P1Y` -> four firings one year apart; `R/P1M` -> unbounded (needs an `until`). */
export function parseCycle(text: string): Cycle | undefined {
  const match = /^R(\d*)\/(P[^/]+)$/.exec(text);
  if (!match) return undefined;
  const period = parseDuration(match[2] ?? '');
  if (!period) return undefined;
  const repetitions = match[1] ? Number(match[1]) : undefined;
  if (repetitions === 0) return undefined;
  return { repetitions, period };
}

/** The form hosts and the engine itself write instants in: an explicit offset, at most milliseconds. */
const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch of an ISO instant, without building a DateTime (ranking compares 100,000). */
export function instantMillis(text: string): number | undefined {
  // Every step parses several instants; luxon's general ISO parser is many times slower than the
  // platform's for this one unambiguous form, which carries its own offset.
  if (UTC_INSTANT.test(text)) {
    // eslint-disable-next-line no-restricted-globals -- parses a string with its own offset; reads no clock
    const millis = Date.parse(text);
    return Number.isNaN(millis) ? undefined : millis;
  }
  const value = DateTime.fromISO(text, { zone: ZONE, setZone: false });
  return value.isValid ? value.toMillis() : undefined;
}

export function parseInstant(text: string): DateTime | undefined {
  const millis = instantMillis(text);
  return millis === undefined ? undefined : DateTime.fromMillis(millis, { zone: ZONE });
}

/** A date or date-time; a bare date means the start of that day in Asia/Shanghai. */
export function parseDateOrInstant(text: string): DateTime | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const day = DateTime.fromISO(text, { zone: ZONE });
    return day.isValid ? day.startOf('day') : undefined;
  }
  return parseInstant(text);
}

export function toIso(value: DateTime): string {
  return value.toUTC().toISO() ?? '';
}

/** now + duration × times, calendar-aware in Asia/Shanghai (P1M from Jan 31 is Feb 28/29). */
export function addDuration(now: string, duration: string | Duration, times = 1): string {
  const start = parseInstant(now);
  const step = typeof duration === 'string' ? parseDuration(duration) : duration;
  if (!start || !step) throw new Error(`cannot add ${String(duration)} to ${now}`);
  return toIso(start.setZone(ZONE).plus(step.mapUnits((unit) => unit * times)));
}

export function isBefore(a: string, b: string): boolean {
  const left = parseInstant(a);
  const right = parseInstant(b);
  return !!left && !!right && left.toMillis() < right.toMillis();
}

export function isValidInstant(text: string): boolean {
  return parseInstant(text) !== undefined && /T/.test(text);
}

/**
 * Days off and adjusted workdays (调休) as the host supplies them, dates as 'YYYY-MM-DD' in
 * Asia/Shanghai. A working day is a date in `workdays`, or a Monday to Friday not in `holidays`.
 */
export type WorkingDayCalendar = { holidays: readonly string[]; workdays: readonly string[] };

/** What a host that passes no calendar gets: Monday to Friday, no public holidays. */
export const WEEKDAYS_ONLY: WorkingDayCalendar = { holidays: [], workdays: [] };

/**
 * `5WD` -> 5 working days (工作日). Deliberately not ISO 8601: it has no leading `P`, so no ISO parser
 * reads it and nobody reads it as ISO weeks (`P5W`), which `P5WD` would invite.
 */
export function parseWorkingDays(text: string): number | undefined {
  const match = /^([1-9]\d{0,3})WD$/.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** A test for dates of one calendar, with its lists turned into sets once. */
function workingDayTest(calendar: WorkingDayCalendar): (day: DateTime) => boolean {
  const holidays = new Set(calendar.holidays);
  const workdays = new Set(calendar.workdays);
  return (day) => {
    const date = day.toISODate() ?? '';
    return workdays.has(date) || (day.weekday <= 5 && !holidays.has(date));
  };
}

/** Whether a 'YYYY-MM-DD' date is a working day of the calendar. */
export function isWorkingDay(date: string, calendar: WorkingDayCalendar): boolean {
  const day = DateTime.fromISO(date, { zone: ZONE });
  return day.isValid && workingDayTest(calendar)(day);
}

/**
 * The same local time of day on the `days`-th working day after the start's date. The start's own
 * date never counts, working day or not: 1WD from a Friday or a Saturday 10:00 is Monday 10:00.
 */
export function addWorkingDays(start: string, days: number, calendar: WorkingDayCalendar): string {
  const from = parseInstant(start);
  if (!from || !Number.isInteger(days) || days < 1)
    throw new Error(`cannot add ${days} working days to ${start}`);
  const working = workingDayTest(calendar);
  let day = from.setZone(ZONE);
  for (let left = days; left > 0;) {
    day = day.plus({ days: 1 });
    if (working(day)) left -= 1;
  }
  return toIso(day);
}

/** A definition's duration (due, reminder, escalation, timer): ISO 8601 or working days. */
export function isDefinitionDuration(text: string): boolean {
  return parseDuration(text) !== undefined || parseWorkingDays(text) !== undefined;
}

export function addDefinitionDuration(now: string, text: string, calendar: WorkingDayCalendar): string {
  const workingDays = parseWorkingDays(text);
  return workingDays === undefined ? addDuration(now, text) : addWorkingDays(now, workingDays, calendar);
}
