// ISO 8601 durations, dates and repeating intervals, computed in Asia/Shanghai from a given instant.
// Never reads the clock: every computation starts from the `now` the host passed to `step`.
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

export function parseInstant(text: string): DateTime | undefined {
  // Every step parses several instants; luxon's general ISO parser is many times slower than the
  // platform's for this one unambiguous form, which carries its own offset.
  if (UTC_INSTANT.test(text)) {
    // eslint-disable-next-line no-restricted-globals -- parses a string with its own offset; reads no clock
    const millis = Date.parse(text);
    return Number.isNaN(millis) ? undefined : DateTime.fromMillis(millis, { zone: ZONE });
  }
  const value = DateTime.fromISO(text, { zone: ZONE, setZone: false });
  return value.isValid ? value : undefined;
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
