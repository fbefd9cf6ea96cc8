import chineseDays from 'chinese-days';
import { DateTime } from 'luxon';
import {
  calendarOf,
  calendarRevisionOf,
  SHIPPED_ONLY,
  shippedCalendar,
  shippedYears,
  withCalendarRevision,
  workingDayCalendar,
  ZCalendarAdditions,
} from '../../../activities/working-day-calendar';
import { isWorkingDay } from '../../../workflows/engine';

const everyDayOf = (year: number) => {
  const days: string[] = [];
  for (let day = DateTime.utc(year, 1, 1); day.year === year; day = day.plus({ days: 1 }))
    days.push(day.toISODate() ?? '');
  return days;
};

describe('working-day calendar from the shipped table', () => {
  const calendar = workingDayCalendar(2025, 2026);

  it('holds the 2025 National Day holidays and the adjusted workdays around them', () => {
    for (const date of ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'])
      expect(calendar.holidays).toContain(date);
    // Sunday 28 September and Saturday 11 October 2025 were worked (调休).
    expect(calendar.workdays).toEqual(expect.arrayContaining(['2025-09-28', '2025-10-11']));
  });

  it('holds the 2026 Spring Festival: 15 to 23 February off, Saturdays 14 and 28 February worked', () => {
    expect(calendar.holidays.filter((date) => date.startsWith('2026-02'))).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ]);
    expect(calendar.workdays.filter((date) => date.startsWith('2026-02'))).toEqual([
      '2026-02-14',
      '2026-02-28',
    ]);
  });

  it.each([2025, 2026])('agrees with the package on every day of %i', (year) => {
    const disagreements = everyDayOf(year).filter(
      (date) => isWorkingDay(date, calendar) !== chineseDays.isWorkday(date),
    );
    expect(disagreements).toEqual([]);
  });

  it('keeps only the years asked for, sorted', () => {
    const only2025 = workingDayCalendar(2025, 2025);
    const dates = [...only2025.holidays, ...only2025.workdays];
    expect(dates.every((date) => date.startsWith('2025-'))).toBe(true);
    expect(only2025.holidays).toEqual([...only2025.holidays].sort());
    expect(only2025.holidays.length).toBeGreaterThan(20);
  });

  it('covers the years the package ships, 2026 included', () => {
    expect(shippedYears.from).toBeLessThanOrEqual(2025);
    expect(shippedYears.to).toBeGreaterThanOrEqual(2026);
  });
});

describe('an admin extending the calendar', () => {
  it('adds a year the table does not cover and overrides a shipped date either way', () => {
    const calendar = workingDayCalendar(2026, 2099, {
      holidays: ['2099-01-02', '2026-02-28'],
      workdays: ['2099-01-03', '2026-10-01'],
    });
    expect(isWorkingDay('2099-01-02', calendar)).toBe(false); // a Friday made a day off
    expect(isWorkingDay('2099-01-03', calendar)).toBe(true); // a Saturday made a workday
    expect(isWorkingDay('2026-02-28', calendar)).toBe(false); // the shipped 调休 Saturday, taken off
    expect(isWorkingDay('2026-10-01', calendar)).toBe(true); // National Day, worked locally
  });

  it('lets a workday win when the same date is listed both ways', () => {
    const calendar = workingDayCalendar(2099, 2099, { holidays: ['2099-01-05'], workdays: ['2099-01-05'] });
    expect(calendar.holidays).not.toContain('2099-01-05');
    expect(isWorkingDay('2099-01-05', calendar)).toBe(true);
  });

  it('refuses additions that are not calendar dates', () => {
    expect(ZCalendarAdditions.safeParse({ holidays: ['2026-02-30'] }).success).toBe(false);
    expect(ZCalendarAdditions.safeParse({ workdays: ['26-10-01'] }).success).toBe(false);
    expect(ZCalendarAdditions.parse({ holidays: ['2026-05-06'] })).toEqual({
      holidays: ['2026-05-06'],
      workdays: [],
    });
  });
});

describe('the calendar a transition counts with', () => {
  it('is the shipped table itself while admins have added nothing', () => {
    expect(calendarOf(SHIPPED_ONLY)).toBe(shippedCalendar);
  });

  it('spans the years the additions name beyond the table, built once per stamp', () => {
    const stamp = { revision: 3, additions: { holidays: ['2030-01-02'], workdays: ['2026-10-07'] } };
    const calendar = calendarOf(stamp);
    expect(isWorkingDay('2030-01-02', calendar)).toBe(false);
    expect(isWorkingDay('2026-10-07', calendar)).toBe(true);
    expect(isWorkingDay('2026-10-06', calendar)).toBe(false);
    expect(calendarOf(stamp)).toBe(calendar);
  });

  it('travels with the logged event as its revision, and only once admins have added days', () => {
    const event = { type: 'timerFired', timerId: 't1' };
    expect(withCalendarRevision(event, 0)).toBe(event);
    expect(withCalendarRevision(event, 4)).toEqual({ ...event, calendarRevision: 4 });
    expect(calendarRevisionOf(withCalendarRevision(event, 4))).toBe(4);
    for (const payload of [event, null, { calendarRevision: '4' }, { calendarRevision: -1 }])
      expect(calendarRevisionOf(payload)).toBe(0);
  });
});
