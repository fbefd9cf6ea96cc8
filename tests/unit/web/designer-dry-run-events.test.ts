// The dry run's menu of events is read from the engine's state: the start form from the declared
// variables, one entry per open task or approval seat (with a sample person the engine accepts),
// timers, pending actions and external events; each entry becomes an event the engine takes.
import { ZProcessDefinition } from '../../../workflows/engine/definition-schema';
import { step } from '../../../workflows/engine/interpreter';
import { initialState, type InstanceState } from '../../../workflows/engine/instance-state';
import { simulate } from '../../../workflows/engine/simulate';
import {
  allowedEvents,
  CHINESE_SAMPLES,
  eventOf,
  fieldSample,
  type DryRunChoice,
} from '../../../web/src/designer/dry-run/allowed-events';
import { withFieldReasons } from '../../../web/src/designer/dry-run/dry-run-texts';
import { dryRunDefinition } from '../../fixtures/dry-run-definition';

const T0 = '2026-11-24T02:00:00.000Z';

/** Takes the first choice of `kind` (and `match`) in the state, answers it and steps the engine. */
function take(
  state: InstanceState,
  kind: DryRunChoice['kind'],
  answer: Parameters<typeof eventOf>[1] = {},
  clock = T0,
): { state: InstanceState; at: string } {
  const choice = allowedEvents(dryRunDefinition, state, clock).find((entry) => entry.kind === kind);
  if (!choice) throw new Error(`no ${kind} choice`);
  const timed = eventOf(choice, answer, clock);
  const result = step(dryRunDefinition, state, timed.event, timed.at);
  if (!result.ok) throw new Error(result.rejection.message.en);
  return { state: result.state, at: timed.at };
}

describe('the events a dry run offers', () => {
  it('offers only the start before the instance starts, with the starter’s variables, required ones prefilled', () => {
    const choices = allowedEvents(dryRunDefinition, initialState(), T0);
    // budget (the form's) and decision (the approval's) are the process's own: not asked for at the start.
    expect(choices).toEqual([
      {
        kind: 'start',
        key: 'start',
        inputs: [
          { name: 'projectName', label: '项目名称', required: true, sample: '示例项目名称', text: true },
          { name: 'contact', label: '联系人', required: false, sample: undefined, text: true },
        ],
      },
    ]);
  });

  it('offers the open task with its form prefilled, and the engine accepts the sample data', () => {
    const started = take(initialState(), 'start', { values: { projectName: '社区志愿服务' } });
    const choices = allowedEvents(dryRunDefinition, started.state, T0);
    const task = choices.find((choice) => choice.kind === 'completeTask');
    expect(task).toMatchObject({
      nodeName: '志愿者招募',
      person: { type: 'role', role: 'officer', number: 1 },
      inputs: [
        { name: 'budget', required: true, sample: 10_000 },
        { name: 'volunteers', required: false, sample: 1 },
      ],
    });
    expect(choices.map((choice) => choice.kind)).toEqual(['completeTask', 'cancel']);
    const completed = take(started.state, 'completeTask', { values: { budget: 8000, volunteers: 12 } });
    expect(completed.state.variables).toMatchObject({ projectName: '社区志愿服务', budget: 8000 });
  });

  it('offers one vote per approval seat, each by a different sample holder of the role', () => {
    let state = take(initialState(), 'start', { values: { projectName: 'x' } }).state;
    state = take(state, 'completeTask', { values: { budget: 8000 } }).state;
    const seats = allowedEvents(dryRunDefinition, state, T0).filter((choice) => choice.kind === 'vote');
    expect(seats).toHaveLength(3);
    expect(seats.map((seat) => (seat.kind === 'vote' ? seat.person.actor.userId : ''))).toEqual([
      'sample-supervisor-1',
      'sample-supervisor-2',
      'sample-supervisor-3',
    ]);
    // No `return` edge is drawn, so the seats offer 同意 and 不同意 only.
    expect(seats.every((seat) => seat.kind === 'vote' && seat.votes.join() === 'approve,reject')).toBe(true);
    state = take(state, 'vote', { vote: 'approve' }).state;
    expect(
      allowedEvents(dryRunDefinition, state, T0).filter((choice) => choice.kind === 'vote'),
    ).toHaveLength(2);
    state = take(state, 'vote', { vote: 'approve' }).state;
    // Two of three approved: the token waits at the timer, which the menu offers with its due time.
    const timer = allowedEvents(dryRunDefinition, state, T0).find((choice) => choice.kind === 'timer');
    expect(timer).toMatchObject({
      nodeName: '公示三天',
      fireAt: '2026-11-27T02:00:00.000Z',
      purpose: 'timer',
    });
    const fired = take(state, 'timer');
    // Firing the timer moves the clock to its due time; the instance reaches its end.
    expect(fired.at).toBe('2026-11-27T02:00:00.000Z');
    expect(fired.state).toMatchObject({ status: 'completed', outcome: 'approved' });
    expect(allowedEvents(dryRunDefinition, fired.state, fired.at)).toEqual([]);
  });

  it('leaves out what a person left blank, so the engine refuses a form without a required value, with Chinese reasons', () => {
    const state = take(initialState(), 'start', { values: { projectName: 'x' } }).state;
    const task = allowedEvents(dryRunDefinition, state, T0).find((choice) => choice.kind === 'completeTask')!;
    const timed = eventOf(task, { values: { budget: undefined, volunteers: 3 } }, T0);
    expect(timed.event).toMatchObject({ type: 'taskCompleted', data: { volunteers: 3 } });
    const result = step(dryRunDefinition, state, timed.event, timed.at);
    expect(result).toMatchObject({ ok: false, rejection: { code: 'FORM_INVALID' } });
    // The engine words field reasons in English; the dry run adds the Chinese the API would give.
    if (result.ok) return;
    expect(withFieldReasons(result.rejection, dryRunDefinition, task, { volunteers: 3 }).details).toEqual([
      {
        field: 'budget',
        label: '预算',
        message: expect.stringContaining('expected number') as unknown,
        messageZh: '必填',
      },
    ]);
  });

  it('offers a pending action with 失败 only where an error edge exists, and the handlers’ external events', () => {
    const def = ZProcessDefinition.parse({
      key: 'notify-flow',
      name: '通知',
      nodes: [
        { id: 'start', kind: 'start', name: '开始' },
        {
          id: 'tell',
          kind: 'action',
          name: '通知居民',
          action: 'setVariables',
          params: { values: { told: true } },
        },
        { id: 'end', kind: 'end', name: '结束' },
        { id: 'failed', kind: 'end', name: '失败' },
      ],
      edges: [
        { id: 'a', from: 'start', to: 'tell' },
        { id: 'b', from: 'tell', to: 'end' },
        { id: 'c', from: 'tell', to: 'failed', outcome: 'error' },
      ],
      eventHandlers: [{ id: 'h', event: 'residentMoved', activeIn: ['tell'] }],
    });
    const started = simulate(def, [{ at: T0, event: { type: 'started', actor: { userId: 'u' } } }]);
    expect(started.trace[0]?.ok).toBe(true);
    const choices = allowedEvents(def, started.final, T0);
    expect(choices.map((choice) => choice.kind)).toEqual(['action', 'external', 'cancel']);
    const action = choices[0]!;
    expect(action).toMatchObject({ nodeName: '通知居民', canFail: true });
    const failed = eventOf(action, { fail: true }, T0);
    const result = step(def, started.final, failed.event, failed.at);
    expect(result.ok && result.state.status).toBe('completed');
    expect(result.ok && result.state.visits.failed).toBe(1);
  });
});

describe('a review in the dry run', () => {
  const review = ZProcessDefinition.parse({
    key: 'review-flow',
    name: '评审',
    variables: [{ name: 'candidates', type: 'list', default: ['a', 'b'] }],
    nodes: [
      { id: 'start', kind: 'start', name: '开始' },
      {
        id: 'score',
        kind: 'review',
        name: '专家评审',
        reviewers: [{ assignee: { type: 'role', role: 'committee_member' }, seats: 2 }],
        rubric: [
          { id: 'plan', label: '方案', weight: 60, max: 50 },
          { id: 'team', label: '团队', weight: 40 },
        ],
        subjectsVariable: 'candidates',
        resultVariable: 'scores',
      },
      { id: 'end', kind: 'end', name: '结束' },
    ],
    edges: [
      { id: 'a', from: 'start', to: 'score' },
      { id: 'b', from: 'score', to: 'end' },
    ],
  });

  it('offers a seat per reviewer with a score per criterion, given to every subject', () => {
    const started = simulate(review, [{ at: T0, event: { type: 'started', actor: { userId: 'u' } } }]).final;
    const seats = allowedEvents(review, started, T0).filter((choice) => choice.kind === 'review');
    expect(seats).toHaveLength(2);
    expect(seats[0]).toMatchObject({
      subjects: ['a', 'b'],
      person: { type: 'role', role: 'committee_member', number: 1 },
      inputs: [
        { name: 'plan', label: '方案', sample: 40 },
        { name: 'team', label: '团队', sample: 80 },
      ],
    });
    let state = started;
    for (const seat of seats) {
      const timed = eventOf(seat, { values: { plan: 50, team: 100 } }, T0);
      const result = step(review, state, timed.event, timed.at);
      if (!result.ok) throw new Error(result.rejection.message.en);
      state = result.state;
    }
    expect(state).toMatchObject({ status: 'completed', variables: { scores: { a: 100, b: 100 } } });
  });
});

describe('sample values of form fields', () => {
  it.each([
    [{ name: 'n', label: '数量', type: 'integer', required: false, min: 3 }, 3],
    [{ name: 'm', label: '金额', type: 'number', required: false, max: 500 }, 500],
    [{ name: 's', label: '类别', type: 'select', required: false, options: ['甲', '乙'] }, '甲'],
    [{ name: 'd', label: '日期', type: 'date', required: false }, '2026-11-24'],
    [{ name: 't', label: '说明', type: 'text', required: true, maxLength: 3 }, '示例说'],
    [{ name: 'u', label: '摘要', type: 'textarea', required: true, minLength: 10 }, '示例摘要。。。。。。'],
    [{ name: 'fix', label: '是否需要整改', type: 'boolean', required: true }, false],
    [
      {
        name: 'rows',
        label: '指标',
        type: 'list',
        required: true,
        minItems: 2,
        itemFields: [{ name: 'target', label: '目标', type: 'number', required: true }],
      },
      [{ target: 10_000 }, { target: 10_000 }],
    ],
  ] as const)('%o gives %o', (field, sample) => {
    const basis = { today: '2026-11-24', wording: CHINESE_SAMPLES };
    expect(fieldSample(field as Parameters<typeof fieldSample>[0], basis)).toEqual(sample);
  });

  it('words sample texts as the interface does: in English, Sample <label> padded with dots', () => {
    const english = { named: (label: string) => `Sample ${label}`, filler: '.' };
    const summary = { name: 'u', label: 'Summary', type: 'textarea', required: true, minLength: 16 } as const;
    expect(fieldSample(summary, { today: '2026-11-24', wording: english })).toBe('Sample Summary..');
    const [start] = allowedEvents(dryRunDefinition, initialState(), T0, english);
    expect(start?.kind === 'start' && start.inputs[0]?.sample).toBe('Sample 项目名称');
  });
});
