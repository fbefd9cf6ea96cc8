// FEEL's now() and today() answer with the `now` that `step` receives, never the wall clock.
import { step, initialState } from '../../../workflows/engine';
import { evaluateFeel, withFeelClock } from '../../../workflows/engine/feel-conditions';
import { chain, definition, drive } from './drive';

/** Ends `early` while the step's time is before the day named in `cutoff`, else `late`. */
const deadline = definition({
  key: 'deadline',
  name: '截止',
  nodes: [
    { id: 'start', kind: 'start', name: '开始' },
    { id: 'when', kind: 'gateway', name: '是否截止' },
    { id: 'early', kind: 'end', name: '截止前', outcome: 'early' },
    { id: 'late', kind: 'end', name: '截止后', outcome: 'late' },
  ],
  edges: [
    { id: 'a', from: 'start', to: 'when' },
    { id: 'b', from: 'when', to: 'early', condition: 'today() < date("2025-06-01")' },
    { id: 'c', from: 'when', to: 'late', default: true },
  ],
});

function outcomeAt(now: string): string | undefined {
  const result = step(deadline, initialState(), { type: 'started', input: {}, actor: { userId: 'u' } }, now);
  if (!result.ok) throw new Error(JSON.stringify(result.rejection));
  return result.state.outcome;
}

describe('FEEL clock', () => {
  afterEach(() => jest.useRealTimers());

  it('decides the same at different wall times for the same step time, following the step time', () => {
    const wallTimes = ['2020-01-01T00:00:00Z', '2030-12-31T23:59:59Z'];
    const outcomes = wallTimes.map((wall) => {
      jest.useFakeTimers({ now: new Date(wall) });
      return [outcomeAt('2025-05-31T12:00:00Z'), outcomeAt('2025-06-02T12:00:00Z')];
    });
    expect(outcomes).toEqual([
      ['early', 'late'],
      ['early', 'late'],
    ]);
  });

  it('gives now() as the step instant and today() as its date in UTC+8', () => {
    jest.useFakeTimers({ now: new Date('2001-01-01T00:00:00Z') });
    // 17:30 UTC is already the next day in UTC+8.
    const value = withFeelClock('2025-03-01T17:30:00.000Z', () => [
      evaluateFeel('string(now())', {}),
      evaluateFeel('today()', {}),
      evaluateFeel('now() = date and time("2025-03-01T17:30:00Z")', {}),
    ]);
    expect(value).toEqual([
      { ok: true, value: '2025-03-02T01:30:00+08:00' },
      { ok: true, value: '2025-03-02' },
      { ok: true, value: true },
    ]);
  });

  it('binds the clock in every expression of a step, output mappings included', () => {
    jest.useFakeTimers({ now: new Date('2001-01-01T00:00:00Z') });
    const def = chain([
      {
        id: 'fill',
        kind: 'userTask',
        name: '填写',
        assignee: { type: 'starter' },
        outputs: { submittedOn: 'today()', submittedAt: 'now()' },
      },
    ]);
    const run = drive(def);
    run.advance('PT20H');
    run.complete('fill');
    expect(run.state.variables).toMatchObject({
      submittedOn: '2025-03-02',
      submittedAt: '2025-03-02T05:00:00+08:00',
    });
  });

  it('fails rather than read the wall clock outside a step', () => {
    expect(evaluateFeel('now()', {})).toEqual({ ok: false, error: expect.stringContaining('now()') });
  });

  it('binds the clock over a variable of the same name only where the expression calls it', () => {
    const run = (expression: string) =>
      withFeelClock('2025-03-01T00:00:00Z', () => evaluateFeel(expression, { today: 'x' }));
    expect(run('today')).toEqual({ ok: true, value: 'x' });
    expect(run('today()')).toEqual({ ok: true, value: '2025-03-01' });
  });
});
