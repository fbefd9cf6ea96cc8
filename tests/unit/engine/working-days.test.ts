import fc from 'fast-check';
import { DateTime } from 'luxon';
import { workingDayCalendar } from '../../../activities/working-day-calendar';
import {
  addWorkingDays,
  initialState,
  isWorkingDay,
  step,
  validateDefinition,
  WEEKDAYS_ONLY,
  type WorkingDayCalendar,
  ZProcessDefinition,
} from '../../../workflows/engine';
import { ZONE } from '../../../workflows/engine/iso-durations';

// The real shipped table (2025 National Day, 2026 Spring Festival and their 调休 Saturdays).
const calendar = workingDayCalendar(2025, 2026);
const local = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });
const dateOf = (iso: string) => local(iso).toISODate() ?? '';

describe('adding working days', () => {
  it.each([
    ['a Friday, 1WD', '2026-02-13T01:00:00.000Z', 1, '2026-02-14T01:00:00.000Z'], // Saturday worked (调休)
    ['across Spring Festival, 2WD', '2026-02-13T01:00:00.000Z', 2, '2026-02-24T01:00:00.000Z'],
    ['from a holiday, 1WD', '2025-10-04T02:00:00.000Z', 1, '2025-10-09T02:00:00.000Z'],
    ['over the 调休 Sunday and National Day, 4WD', '2025-09-26T02:00:00.000Z', 4, '2025-10-09T02:00:00.000Z'],
    ['from 23:30 local, 1WD', '2025-09-26T15:30:00.000Z', 1, '2025-09-28T15:30:00.000Z'],
  ])('%s', (_case, start, days, expected) => {
    expect(addWorkingDays(start, days, calendar)).toBe(expected);
  });

  it('counts Monday to Friday only without a calendar: National Day is then a working day', () => {
    expect(addWorkingDays('2025-10-03T02:00:00.000Z', 1, WEEKDAYS_ONLY)).toBe('2025-10-06T02:00:00.000Z');
    expect(addWorkingDays('2025-10-03T02:00:00.000Z', 1, calendar)).toBe('2025-10-09T02:00:00.000Z');
  });

  const instants = fc
    .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2026, 5, 30) })
    .map((millis) => new Date(millis).toISOString());
  const counts = fc.integer({ min: 1, max: 80 });

  it('lands on a working day at the same local time of day, exactly n working days later', () => {
    fc.assert(
      fc.property(instants, counts, (start, days) => {
        const end = addWorkingDays(start, days, calendar);
        expect(isWorkingDay(dateOf(end), calendar)).toBe(true);
        expect(local(end).toFormat('HH:mm:ss.SSS')).toBe(local(start).toFormat('HH:mm:ss.SSS'));
        let between = 0;
        for (let day = local(start).plus({ days: 1 }); day <= local(end); day = day.plus({ days: 1 }))
          if (isWorkingDay(day.toISODate() ?? '', calendar)) between += 1;
        expect(between).toBe(days);
      }),
    );
  });

  it('gives a strictly later instant for n + 1 than for n', () => {
    fc.assert(
      fc.property(instants, counts, (start, days) => {
        const shorter = Date.parse(addWorkingDays(start, days, calendar));
        expect(Date.parse(addWorkingDays(start, days + 1, calendar))).toBeGreaterThan(shorter);
      }),
    );
  });

  it('never ends earlier with days off than with Monday to Friday alone', () => {
    fc.assert(
      fc.property(instants, counts, (start, days) => {
        const holidaysOnly: WorkingDayCalendar = { holidays: calendar.holidays, workdays: [] };
        const withHolidays = Date.parse(addWorkingDays(start, days, holidaysOnly));
        expect(withHolidays).toBeGreaterThanOrEqual(Date.parse(addWorkingDays(start, days, WEEKDAYS_ONLY)));
      }),
    );
  });
});

/** start -> fill (due, reminder, escalation) -> wait (timer) -> end */
function process(durations: { due?: string; reminder?: string; escalation?: string; timer?: string }) {
  return {
    key: 'working-days',
    name: '工作日时限',
    nodes: [
      { id: 'start', kind: 'start', name: '开始' },
      {
        id: 'fill',
        kind: 'userTask',
        name: '填写',
        assignee: { type: 'starter' },
        ...(durations.due ? { due: durations.due } : {}),
        ...(durations.reminder ? { reminder: { after: durations.reminder } } : {}),
        ...(durations.escalation
          ? { escalation: { after: durations.escalation, toRole: 'supervisor' } }
          : {}),
      },
      {
        id: 'wait',
        kind: 'timer',
        name: '等待',
        timer: { type: 'duration', duration: durations.timer ?? 'P1D' },
      },
      { id: 'end', kind: 'end', name: '结束' },
    ],
    edges: [
      { id: 'e1', from: 'start', to: 'fill' },
      { id: 'e2', from: 'fill', to: 'wait' },
      { id: 'e3', from: 'wait', to: 'end' },
    ],
  };
}

describe('working-day durations in definitions', () => {
  it('are accepted for due, reminder, escalation and duration timers', () => {
    const def = process({ due: '5WD', reminder: '3WD', escalation: '10WD', timer: '2WD' });
    expect(validateDefinition(def).problems).toEqual([]);
  });

  it.each(['0WD', 'P5WD', '5wd', '5.5WD', 'WD', '5 WD', '12345WD'])('refuse %s', (text) => {
    const { problems } = validateDefinition(process({ due: text, timer: text }));
    expect(problems.map((problem) => problem.code).sort()).toEqual(['DURATION_INVALID', 'TIMER_INVALID']);
  });

  // Friday 13 February 2026, 09:00 in Beijing: the eve of Spring Festival's 调休 Saturday.
  const friday = '2026-02-13T01:00:00.000Z';
  const def = ZProcessDefinition.parse(
    process({ due: '2WD', reminder: '1WD', escalation: 'P3D', timer: '1WD' }),
  );
  const started = { type: 'started', input: {}, actor: { userId: 'officer' } } as const;

  it('sets due dates and deadline timers by the calendar the host passes', () => {
    const result = step(def, initialState(), started, friday, { calendar });
    if (!result.ok) throw new Error(result.rejection.message.en);
    const [task] = Object.values(result.state.tasks);
    expect(task?.dueAt).toBe('2026-02-24T01:00:00.000Z');
    const fireAt = Object.values(result.state.timers).map((timer) => [timer.purpose, timer.fireAt]);
    expect(fireAt).toEqual([
      ['reminder', '2026-02-14T01:00:00.000Z'],
      ['escalation', '2026-02-16T01:00:00.000Z'], // ISO durations still count calendar days
    ]);
  });

  it('falls back to Monday to Friday when the host passes no calendar', () => {
    const result = step(def, initialState(), started, friday);
    if (!result.ok) throw new Error(result.rejection.message.en);
    expect(Object.values(result.state.tasks)[0]?.dueAt).toBe('2026-02-17T01:00:00.000Z');
  });

  it('schedules a working-day timer node by the calendar', () => {
    const first = step(def, initialState(), started, friday, { calendar });
    if (!first.ok) throw new Error(first.rejection.message.en);
    const [task] = Object.values(first.state.tasks);
    const completed = step(
      def,
      first.state,
      { type: 'taskCompleted', taskId: task?.id ?? '', actor: { userId: 'officer' }, data: {} },
      '2026-02-14T02:00:00.000Z',
      { calendar },
    );
    if (!completed.ok) throw new Error(completed.rejection.message.en);
    const timers = Object.values(completed.state.timers).filter((timer) => timer.purpose === 'timer');
    expect(timers.map((timer) => timer.fireAt)).toEqual(['2026-02-24T02:00:00.000Z']);
  });
});
