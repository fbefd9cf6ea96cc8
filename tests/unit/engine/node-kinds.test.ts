import {
  childInstanceTitle,
  decideApproval,
  initialState,
  renderChildTitle,
  step,
  validateDefinition,
  ZProcessDefinition,
} from '../../../workflows/engine';
import { aggregateScores, rateScore, weightedTotal } from '../../../workflows/engine/nodes/review';
import { complaintDefinition } from '../../fixtures/event-payload-definition';
import { chain, definition, drive, effectsOf, T0 } from './drive';

const officer = { type: 'starter' };

/** Role holders at the test instances' unit (drive starts them at station-1). */
const holding = (role: string) => (userId: string) => ({
  userId,
  assignments: [{ role, unitId: 'station-1' }],
});
const supervisor = holding('supervisor');
const member = holding('committee_member');
describe('start and end', () => {
  it('completes with the outcome of the end it reaches and emits `completed`', () => {
    const run = drive(chain([]));
    expect(run.state.status).toBe('completed');
    expect(run.state.outcome).toBe('done');
    expect(run.effects).toEqual([{ type: 'completed', outcome: 'done' }]);
  });

  it('rejects a second start and any event after completion without changing the state', () => {
    const run = drive(chain([]));
    expect(run.reject({ type: 'started', input: {}, actor: { userId: 'u' } }).code).toBe('ALREADY_STARTED');
    expect(run.reject({ type: 'external', name: 'x' }).code).toBe('NOT_RUNNING');
  });

  it('rejects a malformed event and a `now` that is not an instant', () => {
    const def = chain([]);
    const bad = step(def, initialState(), { type: 'nope' } as never, T0);
    expect(bad.ok || bad.rejection.code).toBe('EVENT_INVALID');
    const late = step(
      def,
      initialState(),
      { type: 'started', input: {}, actor: { userId: 'u' } },
      'yesterday',
    );
    expect(late.ok || late.rejection.code).toBe('EVENT_INVALID');
  });

  it.each([
    [{ count: 'three' }, { field: 'count', message: 'expected integer', messageZh: '类型不正确，应为整数' }],
    [{}, { field: 'count', message: 'required', messageZh: '必填' }],
    [
      { count: 1, stray: true },
      { field: 'stray', message: 'not a declared variable', messageZh: '不是流程声明的变量' },
    ],
  ])('rejects start input %j naming the field in English and Chinese', (input, issue) => {
    const def = chain([], { variables: [{ name: 'count', type: 'integer', required: true }] });
    const result = step(def, initialState(), { type: 'started', input, actor: { userId: 'u' } }, T0);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.rejection).toMatchObject({ code: 'INPUT_INVALID', details: [issue] });
  });
});

describe('userTask', () => {
  const form = [
    { name: 'title', label: '标题', type: 'text', required: true, maxLength: 10 },
    { name: 'people', label: '人数', type: 'integer', min: 0 },
    { name: 'domain', label: '领域', type: 'select', options: ['为老服务', '社区发展'] },
    { name: 'day', label: '日期', type: 'date' },
    {
      name: 'rows',
      label: '指标',
      type: 'list',
      itemFields: [{ name: 'target', label: '目标', type: 'number', required: true }],
    },
  ];
  const def = chain([
    {
      id: 'fill',
      kind: 'userTask',
      name: '填写',
      assignee: officer,
      form,
      due: 'P7D',
      reminder: { after: 'P5D' },
      escalation: { after: 'P10D', toRole: 'supervisor' },
    },
  ]);

  it('creates a task for the starter with a due date and schedules reminder and escalation', () => {
    const run = drive(def);
    const [created] = effectsOf(run.effects, 'createTask');
    expect(created).toMatchObject({
      taskId: 'task-1',
      nodeId: 'fill',
      kind: 'userTask',
      assignee: { type: 'user', userId: 'officer-1' },
      dueAt: '2025-03-08T01:00:00.000Z',
    });
    expect(effectsOf(run.effects, 'scheduleTimer').map((timer) => timer.fireAt)).toEqual([
      '2025-03-06T01:00:00.000Z',
      '2025-03-11T01:00:00.000Z',
    ]);
  });

  it('merges valid form data into the variables and cancels the deadline timers', () => {
    const run = drive(def);
    const effects = run.complete('fill', {
      title: '助老',
      people: 3,
      domain: '为老服务',
      day: '2025-03-02',
      rows: [{ target: 5 }],
    });
    expect(run.state.variables).toMatchObject({ title: '助老', people: 3, rows: [{ target: 5 }] });
    expect(effectsOf(effects, 'cancelTimer')).toHaveLength(2);
    expect(run.state.status).toBe('completed');
  });

  it.each([
    [{}, 'title'],
    [{ title: '一二三四五六七八九十十一' }, 'title'],
    [{ title: 'a', people: -1 }, 'people'],
    [{ title: 'a', people: 1.5 }, 'people'],
    [{ title: 'a', domain: '其他' }, 'domain'],
    [{ title: 'a', day: '2025-02-30' }, 'day'],
    [{ title: 'a', rows: [{}] }, 'rows.0.target'],
    [{ title: 'a', unknown: 1 }, '(form)'],
  ])('rejects form data %j at field %s', (data, field) => {
    const run = drive(def);
    const rejection = run.reject({
      type: 'taskCompleted',
      taskId: 'task-1',
      actor: { userId: 'officer-1' },
      data,
    });
    expect(rejection.code).toBe('FORM_INVALID');
    expect((rejection.details as Array<{ field: string }>).map((issue) => issue.field)).toContain(field);
  });

  it('refuses someone who is not the assigned user, and a role the actor does not hold', () => {
    const run = drive(def);
    expect(
      run.reject({
        type: 'taskCompleted',
        taskId: 'task-1',
        actor: { userId: 'intruder' },
        data: { title: 'x' },
      }).code,
    ).toBe('NOT_A_CANDIDATE');
    const byRole = drive(
      chain([{ id: 'sign', kind: 'userTask', name: '签收', assignee: { type: 'role', role: 'supervisor' } }]),
    );
    const officer = { userId: 'x', assignments: [{ role: 'officer', unitId: 'station-1' }] };
    expect(byRole.reject({ type: 'taskCompleted', taskId: 'task-1', actor: officer }).code).toBe(
      'NOT_A_CANDIDATE',
    );
    expect(byRole.reject({ type: 'taskCompleted', taskId: 'task-9', actor: { userId: 'x' } }).code).toBe(
      'TASK_NOT_FOUND',
    );
  });

  it('reminds the assignee, then escalates to the supervisor role of the instance unit', () => {
    const run = drive(def);
    expect(run.reject({ type: 'timerFired', timerId: 'timer-1' }).code).toBe('TIMER_NOT_DUE');
    const reminder = run.fire((timer) => timer.purpose === 'reminder');
    expect(reminder).toEqual([
      {
        type: 'notify',
        to: { type: 'user', userId: 'officer-1' },
        template: 'task.reminder',
        taskId: 'task-1',
        nodeId: 'fill',
        dueAt: '2025-03-08T01:00:00.000Z',
      },
    ]);
    const escalation = run.fire((timer) => timer.purpose === 'escalation');
    expect(escalation).toEqual([
      {
        type: 'notify',
        to: { type: 'role', role: 'supervisor', unitId: 'station-1', scope: 'unitOrAncestors' },
        template: 'task.escalated',
        taskId: 'task-1',
        nodeId: 'fill',
        dueAt: '2025-03-08T01:00:00.000Z',
      },
    ]);
    expect(run.task('fill').escalated).toBe(true);
  });

  it('moves the task to the supervisor role when the escalation says reassign', () => {
    const run = drive(
      chain([
        {
          id: 'fill',
          kind: 'userTask',
          name: '填写',
          assignee: officer,
          due: 'P1D',
          escalation: { after: 'P2D', toRole: 'supervisor', reassign: true },
        },
      ]),
    );
    const effects = run.fire((timer) => timer.purpose === 'escalation');
    expect(effectsOf(effects, 'cancelTask')).toEqual([{ type: 'cancelTask', taskId: 'task-1' }]);
    expect(effectsOf(effects, 'createTask')[0]).toMatchObject({
      taskId: 'task-2',
      assignee: { type: 'role', role: 'supervisor' },
      dueAt: '2025-03-02T01:00:00.000Z',
    });
    run.complete('fill', {}, 'supervisor-1');
    expect(run.state.status).toBe('completed');
  });

  it('evaluates output mappings over the variables and the submitted form', () => {
    const run = drive(
      chain([
        {
          id: 'fill',
          kind: 'userTask',
          name: '填写',
          assignee: officer,
          form: [{ name: 'n', label: 'n', type: 'number' }],
          formVariable: 'answers',
          outputs: { doubled: 'form.n * 2' },
        },
      ]),
    );
    run.complete('fill', { n: 21 });
    expect(run.state.variables).toMatchObject({ answers: { n: 21 }, doubled: 42 });
  });
});

describe('approval', () => {
  const approve = { vote: 'approve' } as const;
  const rejectVote = { vote: 'reject' } as const;
  const back = { vote: 'return' } as const;
  it.each([
    ['any', { type: 'any' }, 3, [approve], 'approve'],
    ['any', { type: 'any' }, 3, [rejectVote, rejectVote], undefined],
    ['any', { type: 'any' }, 2, [rejectVote, rejectVote], 'reject'],
    ['all', { type: 'all' }, 3, [approve, approve], undefined],
    ['all', { type: 'all' }, 3, [approve, approve, approve], 'approve'],
    ['all', { type: 'all' }, 3, [approve, rejectVote], 'reject'],
    ['quorum(2)', { type: 'quorum', n: 2 }, 3, [approve, approve], 'approve'],
    ['quorum(2)', { type: 'quorum', n: 2 }, 3, [rejectVote, rejectVote], 'reject'],
    ['quorum(2)', { type: 'quorum', n: 2 }, 3, [approve, rejectVote], undefined],
    ['majority', { type: 'majority' }, 3, [approve, approve], 'approve'],
    ['majority', { type: 'majority' }, 4, [approve, approve, rejectVote], undefined],
    ['majority', { type: 'majority' }, 4, [approve, approve, rejectVote, rejectVote], 'reject'],
    ['any', { type: 'any' }, 3, [approve, back], 'return'],
  ] as const)('policy %s with %i seats and votes %j decides %s', (_name, policy, seats, votes, expected) => {
    expect(decideApproval(policy, seats, [...votes])).toBe(expected);
  });

  const approvalDef = (policy: unknown, seats: number) =>
    definition({
      key: 'approval-test',
      name: '审批',
      nodes: [
        { id: 'start', kind: 'start', name: '开始' },
        {
          id: 'decide',
          kind: 'approval',
          name: '审批',
          approvers: [{ assignee: { type: 'role', role: 'supervisor' }, seats }],
          policy,
          decisionVariable: 'decision',
        },
        { id: 'yes', kind: 'end', name: '通过', outcome: 'approved' },
        { id: 'no', kind: 'end', name: '不通过', outcome: 'rejected' },
      ],
      edges: [
        { id: 'a', from: 'start', to: 'decide' },
        { id: 'b', from: 'decide', to: 'yes', outcome: 'approve' },
        { id: 'c', from: 'decide', to: 'no', outcome: 'reject' },
      ],
    });

  it('opens one task per seat and rejects when a quorum of 2 is not reached, withdrawing the open seat', () => {
    const run = drive(approvalDef({ type: 'quorum', n: 2 }, 3));
    expect(run.tasks('decide')).toHaveLength(3);
    const effects = run.vote('decide', ['reject', 'reject']);
    expect(run.state.outcome).toBe('rejected');
    expect(run.state.variables.decision).toBe('reject');
    expect(effectsOf(effects, 'cancelTask')).toEqual([{ type: 'cancelTask', taskId: 'task-3' }]);
  });

  it('refuses a return vote when there is no return edge, and a second vote by the same person', () => {
    const run = drive(approvalDef({ type: 'all' }, 2));
    expect(
      run.reject({ type: 'approvalVoted', taskId: 'task-1', actor: supervisor('a'), vote: 'return' }).code,
    ).toBe('VOTE_NOT_ALLOWED');
    run.send({ type: 'approvalVoted', taskId: 'task-1', actor: supervisor('a'), vote: 'approve' });
    expect(
      run.reject({ type: 'approvalVoted', taskId: 'task-2', actor: supervisor('a'), vote: 'approve' }).code,
    ).toBe('ALREADY_ACTED');
    expect(run.reject({ type: 'taskCompleted', taskId: 'task-2', actor: { userId: 'b' } }).code).toBe(
      'TASK_KIND_MISMATCH',
    );
  });
});

describe('review', () => {
  const rubric = [
    { id: 'quality', label: '质量', weight: 60, max: 10 },
    { id: 'impact', label: '影响', weight: 40, max: 5 },
  ];
  it('weights each criterion by its share of the maximum', () => {
    expect(weightedTotal(rubric, { quality: 10, impact: 5 })).toBe(100);
    expect(weightedTotal(rubric, { quality: 5, impact: 5 })).toBe(70);
  });
  it.each([
    [95, '优秀'],
    [90, '优秀'],
    [89.99, '良好'],
    [60, '合格'],
    [10, '不合格'],
    [null, null],
  ])('rates %p as %p', (score, rating) => {
    const bands = [
      { min: 60, rating: '合格' },
      { min: 90, rating: '优秀' },
      { min: 75, rating: '良好' },
      { min: 0, rating: '不合格' },
    ];
    expect(rateScore(bands, score)).toBe(rating);
  });
  it('averages only the reviewers who did not recuse', () => {
    const responses = [
      { taskId: 't1', seat: 0, userId: 'a', totals: { s: 80 } },
      { taskId: 't2', seat: 1, userId: 'b', totals: { s: null } },
      { taskId: 't3', seat: 2, userId: 'c', totals: { s: 91 } },
    ];
    expect(aggregateScores(responses, ['s'])).toEqual({ s: 85.5 });
  });

  const reviewDef = (extra: Record<string, unknown> = {}) =>
    chain(
      [
        {
          id: 'score',
          kind: 'review',
          name: '评审',
          reviewers: [{ assignee: { type: 'role', role: 'committee_member' }, seats: 3 }],
          rubric,
          resultVariable: 'score',
          ratingBands: [
            { min: 80, rating: '优秀' },
            { min: 0, rating: '一般' },
          ],
          ratingVariable: 'rating',
          ...extra,
        },
      ],
      {
        variables: [{ name: 'candidates', type: 'list', default: [{ id: 'c1' }, { id: 'c2' }] }],
      },
    );

  it('aggregates the weighted scores of non-recused reviewers into the result and rating variables', () => {
    const run = drive(reviewDef());
    run.send({
      type: 'reviewSubmitted',
      taskId: 'task-1',
      actor: member('a'),
      scores: { quality: 10, impact: 5 },
    });
    run.send({ type: 'reviewSubmitted', taskId: 'task-2', actor: member('b'), recused: true });
    run.send({
      type: 'reviewSubmitted',
      taskId: 'task-3',
      actor: member('c'),
      scores: { quality: 5, impact: 5 },
    });
    expect(run.state.variables).toMatchObject({ score: 85, rating: '优秀' });
    expect(run.state.status).toBe('completed');
  });

  it.each([
    [{ scores: { quality: 11, impact: 1 } }],
    [{ scores: { quality: 5 } }],
    [{ scores: { quality: 5, impact: 1, charm: 3 } }],
    [{}],
  ])('rejects an incomplete or out-of-range submission %j', (submission) => {
    const run = drive(reviewDef());
    expect(
      run.reject({ type: 'reviewSubmitted', taskId: 'task-1', actor: member('a'), ...submission }).code,
    ).toBe('REVIEW_INVALID');
  });

  it('finishes early with a count completion rule and withdraws the remaining seats', () => {
    const run = drive(reviewDef({ completion: { type: 'count', n: 2 } }));
    run.send({
      type: 'reviewSubmitted',
      taskId: 'task-1',
      actor: member('a'),
      scores: { quality: 10, impact: 5 },
    });
    const effects = run.send({
      type: 'reviewSubmitted',
      taskId: 'task-2',
      actor: member('b'),
      scores: { quality: 10, impact: 5 },
    });
    expect(effectsOf(effects, 'cancelTask')).toEqual([{ type: 'cancelTask', taskId: 'task-3' }]);
    expect(run.state.variables.score).toBe(100);
  });

  it('scores every subject separately with per-subject recusal', () => {
    const run = drive(reviewDef({ subjectsVariable: 'candidates' }));
    expect(effectsOf(run.effects, 'createTask')[0]?.subjects).toEqual(['c1', 'c2']);
    const full = { scores: { quality: 10, impact: 5 } };
    const half = { scores: { quality: 5, impact: 5 } };
    run.send({
      type: 'reviewSubmitted',
      taskId: 'task-1',
      actor: member('a'),
      subjects: { c1: full, c2: { recused: true } },
    });
    run.send({
      type: 'reviewSubmitted',
      taskId: 'task-2',
      actor: member('b'),
      subjects: { c1: half, c2: half },
    });
    expect(
      run.reject({
        type: 'reviewSubmitted',
        taskId: 'task-3',
        actor: member('c'),
        subjects: { c1: full },
      }).code,
    ).toBe('REVIEW_INVALID');
    run.send({ type: 'reviewSubmitted', taskId: 'task-3', actor: member('c'), recused: true });
    expect(run.state.variables.score).toEqual({ c1: 85, c2: 70 });
    expect(run.state.variables.rating).toEqual({ c1: '优秀', c2: '一般' });
  });
});

describe('gateway', () => {
  const def = definition({
    key: 'gateway-test',
    name: '网关',
    variables: [{ name: 'score', type: 'number', required: true }],
    nodes: [
      { id: 'start', kind: 'start', name: '开始' },
      { id: 'choose', kind: 'gateway', name: '选择' },
      { id: 'high', kind: 'end', name: '高', outcome: 'high' },
      { id: 'mid', kind: 'end', name: '中', outcome: 'mid' },
      { id: 'low', kind: 'end', name: '低', outcome: 'low' },
    ],
    edges: [
      { id: 'a', from: 'start', to: 'choose' },
      { id: 'b', from: 'choose', to: 'high', condition: 'score >= 90' },
      { id: 'c', from: 'choose', to: 'mid', condition: 'score >= 60' },
      { id: 'd', from: 'choose', to: 'low', default: true },
    ],
  });
  it.each([
    [95, 'high'],
    [90, 'high'],
    [75, 'mid'],
    [10, 'low'],
  ])('routes score %p to %s by the first FEEL condition that holds, else the default', (score, outcome) => {
    expect(drive(def, { score }).state.outcome).toBe(outcome);
  });
});

describe('parallel', () => {
  const def = definition({
    key: 'parallel-test',
    name: '并行',
    nodes: [
      { id: 'start', kind: 'start', name: '开始' },
      { id: 'split', kind: 'parallel', name: '分支' },
      { id: 'left', kind: 'userTask', name: '左', assignee: officer },
      { id: 'right', kind: 'userTask', name: '右', assignee: officer },
      { id: 'join', kind: 'parallel', name: '汇聚' },
      { id: 'after', kind: 'userTask', name: '后续', assignee: officer },
      { id: 'end', kind: 'end', name: '结束' },
    ],
    edges: [
      { id: 'a', from: 'start', to: 'split' },
      { id: 'b', from: 'split', to: 'left' },
      { id: 'c', from: 'split', to: 'right' },
      { id: 'd', from: 'left', to: 'join' },
      { id: 'e', from: 'right', to: 'join' },
      { id: 'f', from: 'join', to: 'after' },
      { id: 'g', from: 'after', to: 'end' },
    ],
  });
  it('opens both branches and continues only once both arrived at the join', () => {
    const run = drive(def);
    expect(run.atNodes()).toEqual(['left', 'right']);
    run.complete('right');
    expect(run.atNodes()).toEqual(['join', 'left']);
    expect(run.tasks('after')).toHaveLength(0);
    run.complete('left');
    expect(run.atNodes()).toEqual(['after']);
  });
});

describe('timer', () => {
  it('waits a duration and then continues', () => {
    const run = drive(
      chain([{ id: 'wait', kind: 'timer', name: '等待', timer: { type: 'duration', duration: 'P1M' } }]),
    );
    expect(run.effects).toEqual([
      { type: 'scheduleTimer', timerId: 'timer-1', fireAt: '2025-04-01T01:00:00.000Z' },
    ]);
    run.fire();
    expect(run.state.status).toBe('completed');
  });

  it('waits until a date from a variable, read as midnight in Asia/Shanghai', () => {
    const run = drive(
      chain(
        [{ id: 'wait', kind: 'timer', name: '等待', timer: { type: 'date', dateVariable: 'deadline' } }],
        { variables: [{ name: 'deadline', type: 'date', required: true }] },
      ),
      { deadline: '2025-06-30' },
    );
    expect(run.effects).toEqual([
      { type: 'scheduleTimer', timerId: 'timer-1', fireAt: '2025-06-29T16:00:00.000Z' },
    ]);
  });

  const cycleDef = (until?: string) =>
    definition({
      key: 'cycle-test',
      name: '周期',
      variables: [{ name: 'stop', type: 'boolean', default: false }],
      nodes: [
        { id: 'start', kind: 'start', name: '开始' },
        {
          id: 'year',
          kind: 'timer',
          name: '每年',
          timer: { type: 'cycle', cycle: 'R4/P1Y', ...(until ? { until } : {}) },
        },
        {
          id: 'report',
          kind: 'userTask',
          name: '年报',
          assignee: officer,
          form: [{ name: 'stop', label: '停止', type: 'boolean' }],
        },
        { id: 'end', kind: 'end', name: '结束', outcome: 'done' },
      ],
      edges: [
        { id: 'a', from: 'start', to: 'year' },
        { id: 'b', from: 'year', to: 'report' },
        { id: 'c', from: 'report', to: 'year' },
        { id: 'd', from: 'year', to: 'end', outcome: 'done' },
      ],
    });

  it('fires R4/P1Y four times one year apart from the anchor, then leaves by the done edge', () => {
    const run = drive(cycleDef());
    const fireTimes: string[] = [];
    for (let year = 0; year < 4; year += 1) {
      fireTimes.push(Object.values(run.state.timers)[0]?.fireAt ?? '');
      run.fire();
      run.advance('P10D'); // reports come in late; the next firing still keeps the yearly rhythm
      run.complete('report');
    }
    expect(fireTimes).toEqual([
      '2026-03-01T01:00:00.000Z',
      '2027-03-01T01:00:00.000Z',
      '2028-03-01T01:00:00.000Z',
      '2029-03-01T01:00:00.000Z',
    ]);
    expect(run.state.status).toBe('completed');
  });

  it('leaves a cycle early once its until condition holds', () => {
    const run = drive(cycleDef('stop = true'));
    run.fire();
    run.complete('report', { stop: true });
    expect(run.state.status).toBe('completed');
    expect(run.state.visits.report).toBe(1);
  });
});

describe('action', () => {
  const TALENT_ID = '0b7e4c52-8a1d-4c39-9f0e-3d2a6b1c5e71';
  const def = (withErrorEdge: boolean) =>
    definition({
      key: 'action-test',
      name: '动作',
      variables: [{ name: 'talentId', type: 'string', default: TALENT_ID }],
      nodes: [
        { id: 'start', kind: 'start', name: '开始' },
        {
          id: 'pay',
          kind: 'action',
          name: '发放',
          action: 'payAllowance',
          params: { talentId: '=talentId', termYear: '=1 + 1', asOf: '2027-03-01' },
          outputs: { paymentId: 'result.paymentId' },
        },
        { id: 'end', kind: 'end', name: '结束', outcome: 'paid' },
        { id: 'failed', kind: 'end', name: '失败', outcome: 'failed' },
      ],
      edges: [
        { id: 'a', from: 'start', to: 'pay' },
        { id: 'b', from: 'pay', to: 'end' },
        ...(withErrorEdge ? [{ id: 'c', from: 'pay', to: 'failed', outcome: 'error' }] : []),
      ],
    });

  it('emits runAction with FEEL params evaluated and maps the result into the variables', () => {
    const run = drive(def(false));
    expect(run.effects).toEqual([
      {
        type: 'runAction',
        actionId: 'action-1',
        nodeId: 'pay',
        action: 'payAllowance',
        params: { talentId: TALENT_ID, termYear: 2, asOf: '2027-03-01' },
      },
    ]);
    run.finishAction('pay', { paymentId: 'P-9' });
    expect(run.state).toMatchObject({
      status: 'completed',
      outcome: 'paid',
      variables: { paymentId: 'P-9' },
    });
  });

  it('keeps waiting after a failure without an error edge, and accepts a later success', () => {
    const run = drive(def(false));
    run.send({ type: 'actionFailed', actionId: 'action-1', error: 'bank offline' });
    expect(run.state.pendingActions['action-1']).toMatchObject({ status: 'failed', error: 'bank offline' });
    run.finishAction('pay', { paymentId: 'P-1' });
    expect(run.state.status).toBe('completed');
  });

  it('takes the error edge when there is one', () => {
    const run = drive(def(true));
    run.send({ type: 'actionFailed', actionId: 'action-1', error: 'bank offline' });
    expect(run.state.outcome).toBe('failed');
    expect(run.reject({ type: 'actionCompleted', actionId: 'action-1', result: {} }).code).toBe(
      'NOT_RUNNING',
    );
  });

  it('rejects the event that would run an action with parameters its schema refuses', () => {
    const bad = chain([
      {
        id: 'pay',
        kind: 'action',
        name: '发放',
        action: 'payAllowance',
        params: { talentId: '=missing', asOf: '2027-03-01' },
      },
    ]);
    const result = step(bad, initialState(), { type: 'started', input: {}, actor: { userId: 'u' } }, T0);
    expect(result.ok || result.rejection.code).toBe('ACTION_PARAMS_INVALID');
  });

  it('merges the result of setVariables into the variables', () => {
    const run = drive(
      chain([
        {
          id: 'set',
          kind: 'action',
          name: '设置',
          action: 'setVariables',
          params: { values: { ready: true } },
        },
      ]),
    );
    run.finishAction('set', { ready: true });
    expect(run.state.variables.ready).toBe(true);
  });
});

describe('subprocess', () => {
  const def = (wait: boolean) =>
    chain(
      [
        {
          id: 'children',
          kind: 'subprocess',
          name: '子流程',
          definitionKey: 'talent-term',
          itemsVariable: 'people',
          input: { talentId: 'item.id', round: 'round' },
          wait,
          resultVariable: wait ? 'results' : undefined,
        },
      ],
      {
        variables: [
          { name: 'people', type: 'list', default: [{ id: 'p1' }, { id: 'p2' }] },
          { name: 'round', type: 'string', default: '2025' },
        ],
      },
    );

  it('starts one child per list item and waits for all of them', () => {
    const run = drive(def(true));
    expect(effectsOf(run.effects, 'startChild')).toEqual([
      {
        type: 'startChild',
        childId: 'child-1',
        nodeId: 'children',
        definitionKey: 'talent-term',
        input: { talentId: 'p1', round: '2025' },
      },
      {
        type: 'startChild',
        childId: 'child-2',
        nodeId: 'children',
        definitionKey: 'talent-term',
        input: { talentId: 'p2', round: '2025' },
      },
    ]);
    run.send({ type: 'childCompleted', childId: 'child-2', outcome: 'termCompleted' });
    expect(run.state.status).toBe('running');
    expect(run.reject({ type: 'childCompleted', childId: 'child-2' }).code).toBe('CHILD_NOT_FOUND');
    run.send({
      type: 'childCompleted',
      childId: 'child-1',
      outcome: 'revoked',
      variables: { titleActive: false },
    });
    expect(run.state.status).toBe('completed');
    expect(run.state.variables.results).toEqual([
      { childId: 'child-1', item: { id: 'p1' }, outcome: 'revoked', variables: { titleActive: false } },
      { childId: 'child-2', item: { id: 'p2' }, outcome: 'termCompleted', variables: {} },
    ]);
  });

  it('continues at once when it does not wait', () => {
    const run = drive(def(false));
    expect(run.state.status).toBe('completed');
    expect(Object.keys(run.state.children)).toEqual(['child-1', 'child-2']);
  });

  /** The node of `def` with a title template, as a designer would add it. */
  const titled = (childTitle: string) => {
    const graph = structuredClone(def(false)) as unknown as { nodes: Array<Record<string, unknown>> };
    graph.nodes.find((node) => node.id === 'children')!.childTitle = childTitle;
    return graph;
  };

  it('titles each child from the node’s childTitle over the child’s input, blank when the input says nothing', () => {
    const run = drive(ZProcessDefinition.parse(titled('{talentId}·人才管理期（{round}）')));
    expect(effectsOf(run.effects, 'startChild').map((effect) => effect.title)).toEqual([
      'p1·人才管理期（2025）',
      'p2·人才管理期（2025）',
    ]);
    expect(renderChildTitle('{talentId}', { talentId: { id: 'p1' } })).toBe('');
  });

  it('refuses a childTitle naming something that is not one of the node’s inputs', () => {
    const result = validateDefinition(titled('{personName}·人才管理期'));
    expect(result.ok).toBe(false);
    expect(result.problems.map((problem) => problem.message.en)).toEqual([
      expect.stringContaining("childTitle names {personName}, which is not one of the node's inputs"),
    ]);
  });

  it('falls back to the parent’s title and the child definition’s name (both runtimes use this)', () => {
    const fallback = { parentTitle: '2025 年选拔', childDefinitionName: '人才管理期' };
    expect(childInstanceTitle({ rendered: undefined, ...fallback })).toBe('2025 年选拔·人才管理期');
    expect(childInstanceTitle({ rendered: '', ...fallback })).toBe('2025 年选拔·人才管理期');
    expect(childInstanceTitle({ rendered: '张敏·人才管理期', ...fallback })).toBe('张敏·人才管理期');
  });
});

describe('event handlers', () => {
  const def = definition({
    key: 'handler-test',
    name: '事件',
    variables: [
      { name: 'notes', type: 'list', default: [] },
      { name: 'reason', type: 'string' },
    ],
    nodes: [
      { id: 'start', kind: 'start', name: '开始' },
      {
        id: 'work',
        kind: 'userTask',
        name: '工作',
        assignee: officer,
        due: 'P1D',
        reminder: { after: 'P1D' },
      },
      { id: 'end', kind: 'end', name: '结束', outcome: 'done' },
      { id: 'followUp', kind: 'userTask', name: '跟进', assignee: officer },
      { id: 'followEnd', kind: 'end', name: '跟进结束' },
      { id: 'stopped', kind: 'end', name: '中止', outcome: 'stopped' },
    ],
    edges: [
      { id: 'a', from: 'start', to: 'work' },
      { id: 'b', from: 'work', to: 'end' },
      { id: 'c', from: 'followUp', to: 'followEnd' },
    ],
    eventHandlers: [
      { id: 'h1', event: 'noteAdded', activeIn: ['work'], appendPayloadTo: 'notes' },
      { id: 'h2', event: 'followUpNeeded', target: 'followUp' },
      {
        id: 'h3',
        event: 'stop',
        interrupting: true,
        target: 'stopped',
        condition: 'payload.reason != null',
        setVariables: { reason: 'payload.reason' },
      },
    ],
  });

  it('records payloads while active and refuses events nobody handles', () => {
    const run = drive(def);
    run.send({ type: 'external', name: 'noteAdded', payload: { text: 'a' } });
    expect(run.state.variables.notes).toEqual([{ text: 'a' }]);
    expect(run.reject({ type: 'external', name: 'unknownEvent' }).code).toBe('EVENT_NOT_HANDLED');
    expect(run.reject({ type: 'external', name: 'stop', payload: {} }).code).toBe('EVENT_NOT_HANDLED');
  });

  it('opens a new path beside the running ones when non-interrupting', () => {
    const run = drive(def);
    run.send({ type: 'external', name: 'followUpNeeded' });
    expect(run.atNodes()).toEqual(['followUp', 'work']);
    run.complete('followUp');
    expect(run.state.status).toBe('running');
  });

  it('withdraws every open task and timer and routes to its target when interrupting', () => {
    const run = drive(def);
    const effects = run.send({ type: 'external', name: 'stop', payload: { reason: '撤回' } });
    expect(effects).toEqual([
      { type: 'cancelTimer', timerId: 'timer-1' },
      { type: 'cancelTask', taskId: 'task-1' },
      { type: 'completed', outcome: 'stopped' },
    ]);
    expect(run.state.variables.reason).toBe('撤回');
  });
});

describe('event payloads declared by the definition', () => {
  const def = definition(complaintDefinition('payload-test'));

  it('records a payload that fits the declared fields', () => {
    const run = drive(def);
    run.send({ type: 'external', name: 'complaintFiled', payload: { summary: '噪音', severity: '严重' } });
    expect(run.state.variables.complaints).toEqual([{ summary: '噪音', severity: '严重' }]);
  });

  it.each([
    [undefined, 'summary'],
    [{ summary: '   ' }, 'summary'],
    [{ summary: '噪音', severity: '轻微' }, 'severity'],
    [{ summary: '噪音', households: 0 }, 'households'],
    [{ summary: '噪音', households: 1.5 }, 'households'],
    [{ summary: '噪音', stray: 1 }, '(form)'],
    [['噪音'], '(form)'],
  ])('refuses payload %j naming %s, changing nothing', (payload, field) => {
    const run = drive(def);
    const rejection = run.reject({
      type: 'external',
      name: 'complaintFiled',
      ...(payload === undefined ? {} : { payload }),
    });
    expect(rejection.code).toBe('PAYLOAD_INVALID');
    expect(rejection.message.zh).toContain('complaintFiled');
    expect((rejection.details as Array<{ field: string }>).map((issue) => issue.field)).toContain(field);
  });
});

describe('cancellation', () => {
  it('cancels the instance, withdrawing tasks and timers', () => {
    const run = drive(
      chain([{ id: 'work', kind: 'userTask', name: '工作', assignee: officer, reminder: { after: 'P1D' } }]),
    );
    const effects = run.send({ type: 'cancelled', actor: { userId: 'admin' }, reason: '重复立项' });
    expect(effects).toEqual([
      { type: 'cancelTimer', timerId: 'timer-1' },
      { type: 'cancelTask', taskId: 'task-1' },
    ]);
    expect(run.state).toMatchObject({
      status: 'cancelled',
      cancelReason: '重复立项',
      tasks: {},
      timers: {},
      tokens: {},
    });
  });
});

describe('loops without a wait state', () => {
  it('rejects an event that would spin forever', () => {
    const spin = definition({
      key: 'spin',
      name: '空转',
      variables: [{ name: 'go', type: 'boolean', default: true }],
      nodes: [
        { id: 'start', kind: 'start', name: '开始' },
        { id: 'g', kind: 'gateway', name: '判断' },
        { id: 'end', kind: 'end', name: '结束' },
      ],
      edges: [
        { id: 'a', from: 'start', to: 'g' },
        { id: 'b', from: 'g', to: 'g', condition: 'go = true' },
        { id: 'c', from: 'g', to: 'end', default: true },
      ],
    });
    const result = step(spin, initialState(), { type: 'started', input: {}, actor: { userId: 'u' } }, T0);
    expect(result.ok || result.rejection.code).toBe('LOOP_LIMIT');
  });
});
