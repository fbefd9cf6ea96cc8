// Reads the admins' calendar additions by revision (table calendar_revision) for the hosts: the
// latest one for a transition about to be decided, and the one a logged transition recorded for
// replay. A revision never changes once written, so any revision read is cached for good.
import { SHIPPED_ONLY, ZCalendarAdditions, type CalendarStamp } from './working-day-calendar';
import type { Sql } from './sql';

export interface CalendarRevisions {
  /**
   * The latest revision, looked up at most once per `maxAgeMs`: an addition counts for the
   * transitions this process decides from then on.
   */
  current(): Promise<CalendarStamp>;
  /** A revision a transition recorded (0: the shipped table alone). */
  at(revision: number): Promise<CalendarStamp>;
}

function stampOf(row: { revision: number; additions: unknown }): CalendarStamp {
  const { holidays, workdays } = ZCalendarAdditions.parse(row.additions);
  return { revision: row.revision, additions: { holidays, workdays } };
}

/** How long a process keeps deciding with the latest revision it read before it looks again. */
export const LATEST_CALENDAR_MAX_AGE_MS = 1_000;

export function createCalendarRevisions(sql: Sql, options: { maxAgeMs?: number } = {}): CalendarRevisions {
  const maxAgeMs = options.maxAgeMs ?? LATEST_CALENDAR_MAX_AGE_MS;
  const known = new Map<number, CalendarStamp>([[0, SHIPPED_ONLY]]);
  let latest: { stamp: CalendarStamp; checkedAt: number } | undefined;
  return {
    async current() {
      const now = Date.now();
      if (latest && now - latest.checkedAt < maxAgeMs) return latest.stamp;
      const { rows } = await sql.query<{ revision: number; additions: unknown }>({
        name: 'sgf_latest_calendar_revision',
        text: 'SELECT revision, additions FROM calendar_revision ORDER BY revision DESC LIMIT 1',
        values: [],
      });
      const stamp = rows[0] ? (known.get(rows[0].revision) ?? stampOf(rows[0])) : SHIPPED_ONLY;
      known.set(stamp.revision, stamp);
      latest = { stamp, checkedAt: now };
      return stamp;
    },
    async at(revision) {
      const cached = known.get(revision);
      if (cached) return cached;
      const { rows } = await sql.query<{ revision: number; additions: unknown }>(
        'SELECT revision, additions FROM calendar_revision WHERE revision = $1',
        [revision],
      );
      if (!rows[0]) throw new Error(`calendar revision ${revision} does not exist`);
      const stamp = stampOf(rows[0]);
      known.set(revision, stamp);
      return stamp;
    },
  };
}
