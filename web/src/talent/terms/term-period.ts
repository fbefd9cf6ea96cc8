// A term or a term year as people read it: from its first day to its last day inclusive. The rows
// keep the first day after the period (a term ends on start + 4 years, exclusive), which a reader
// would take for one day too many (2026-03-01 – 2030-03-01 reads as four years and a day).
import dayjs from 'dayjs';

/** "2026-03-01 – 2030-02-28" from the first day and the first day after the period. */
export const periodOf = (firstDay: string, dayAfter: string) =>
  `${firstDay} – ${dayjs(dayAfter).subtract(1, 'day').format('YYYY-MM-DD')}`;
