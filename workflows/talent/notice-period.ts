// The public notice (公示) of a round's list in working days: it starts on the day the round enters
// its notice and runs to the `notice.workingDays`-th working day after that day, counted over the
// host's working-day calendar (the shipped holiday table with the admins' days) as the engine's
// `5WD` durations are. The office may end it from the day after its last day.
import { addWorkingDays, type WorkingDayCalendar } from '../engine/iso-durations';

export interface NoticePeriod {
  /** The day the notice started, `YYYY-MM-DD` in Asia/Shanghai. */
  startsOn: string;
  /** Its last day. */
  endsOn: string;
  workingDays: number;
}

/** The notice that starts on `startsOn`; the start day itself never counts, as for `5WD`. */
export function noticePeriod(
  startsOn: string,
  workingDays: number,
  calendar: WorkingDayCalendar,
): NoticePeriod {
  // Noon in Shanghai is the same date in UTC, so the engine's UTC answer names the local day.
  const end = addWorkingDays(`${startsOn}T12:00:00+08:00`, workingDays, calendar);
  return { startsOn, endsOn: end.slice(0, 10), workingDays };
}

/** Whether the notice has run its course on `today` (`YYYY-MM-DD`): it has once its last day is over. */
export function noticeHasRun(endsOn: string, today: string): boolean {
  return today > endsOn;
}
