// ISO 8601 durations, dates and repeating intervals, computed in Asia/Shanghai from a given instant.
// Never reads the clock: every computation starts from the `now` the host passed to `step`.
import { DateTime, Duration } from 'luxon';

export const ZONE = 'Asia/Shanghai';

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

export function parseInstant(text: string): DateTime | undefined {
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
