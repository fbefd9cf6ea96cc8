import { shippedCalendar, workingDayCalendar } from '../../../activities/working-day-calendar';
import { noticeHasRun, noticePeriod, ZRoundConfig } from '../../../workflows/talent';

describe('the public notice in working days (公示期)', () => {
  it('runs 5 working days by default, the start day not counted', () => {
    const { workingDays } = ZRoundConfig.parse({}).notice;
    // Friday 20 November 2026: Monday 23 to Friday 27.
    expect(noticePeriod('2026-11-20', workingDays, shippedCalendar)).toEqual({
      startsOn: '2026-11-20',
      endsOn: '2026-11-27',
      workingDays: 5,
    });
  });

  it('skips the National Day holiday and counts its adjusted Saturday from the shipped table', () => {
    // 1–7 October 2026 are off, Saturday 10 October is worked (调休): 8, 9, 10, 12, 13.
    expect(noticePeriod('2026-09-30', 5, shippedCalendar).endsOn).toBe('2026-10-13');
    expect(noticePeriod('2026-09-30', 5, { holidays: [], workdays: [] }).endsOn).toBe('2026-10-07');
  });

  it('counts a day an admin adds as a holiday', () => {
    const calendar = workingDayCalendar(2026, 2026, { holidays: ['2026-11-23'] });
    expect(noticePeriod('2026-11-20', 5, calendar).endsOn).toBe('2026-11-30');
  });

  it('has run only once its last day is over', () => {
    expect(noticeHasRun('2026-11-27', '2026-11-27')).toBe(false);
    expect(noticeHasRun('2026-11-27', '2026-11-28')).toBe(true);
  });

  it.each([0, 61, 2.5])('refuses a notice of %s working days', (workingDays) => {
    expect(ZRoundConfig.safeParse({ notice: { workingDays } }).success).toBe(false);
  });
});
