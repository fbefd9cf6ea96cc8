// Wire contracts of the working-day calendar's administration; the web imports them.
import { z } from 'zod';
import { zhFor } from '../../workflows/engine/zh-reasons';

export const ZCalendarDayKind = z.enum(['holiday', 'workday']);
export type TCalendarDayKind = z.infer<typeof ZCalendarDayKind>;

/** The years the calendar can be kept for: enough ahead for any deadline, none the database cannot store. */
const YEARS = { from: 2000, to: 2100 } as const;

export const ZCalendarYearQuery = z.object({
  year: z.coerce.number().int().min(YEARS.from).max(YEARS.to),
});

/** A day of the shipped table (chinese-days): read-only. */
export const ZShippedCalendarDay = z
  .object({
    date: z.iso.date(),
    kind: ZCalendarDayKind,
    name: z.object({ zh: z.string(), en: z.string() }),
  })
  .meta({ id: 'ShippedCalendarDay' });

/** An admin's own day. */
export const ZCalendarDay = z
  .object({
    id: z.string(),
    date: z.iso.date(),
    kind: ZCalendarDayKind,
    name: z.string(),
    /** The shipped table's kind of this date that the day overrides, if it says otherwise. */
    overridesShipped: ZCalendarDayKind.nullable(),
    /** The display name of the admin who added it, as people read it. */
    createdBy: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'CalendarDay' });
export type TCalendarDay = z.infer<typeof ZCalendarDay>;

export const ZCalendarYear = z
  .object({
    year: z.number().int(),
    /** The years the shipped table covers; outside them only weekends and admins' days count. */
    shippedYears: z.object({ from: z.number().int(), to: z.number().int() }),
    shipped: z.array(ZShippedCalendarDay),
    additions: z.array(ZCalendarDay),
    /** The revision of all admins' days: transitions record the one they counted with. */
    revision: z.number().int(),
  })
  .meta({ id: 'CalendarYear' });
export type TCalendarYear = z.infer<typeof ZCalendarYear>;

export const ZAddCalendarDayRequest = z.object({
  date: z.iso.date().refine(
    (date) => {
      const year = Number(date.slice(0, 4));
      return year >= YEARS.from && year <= YEARS.to;
    },
    zhFor(`a year from ${YEARS.from} to ${YEARS.to}`, `年份须在 ${YEARS.from}–${YEARS.to} 之间`),
  ),
  kind: ZCalendarDayKind,
  name: z.string().trim().min(1, 'required').max(50, 'at most 50 characters'),
});
export type TAddCalendarDayRequest = z.infer<typeof ZAddCalendarDayRequest>;
