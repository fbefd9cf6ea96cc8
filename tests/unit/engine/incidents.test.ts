// Gateway conditions that cannot decide raise an incident (Camunda 8 style) instead of routing.
import { initialState, migrateState, step } from '../../../workflows/engine';
import { chain, definition, drive, T0 } from './drive';

const operator = { userId: 'admin-1' };

/** start -> gateway (high if `condition`, else low by default). */
function gateway(condition: string, variables: unknown[]) {
  return definition({
    key: 'incident-test',
    name: '异常',
    variables,
    nodes: [
      { id: 'start', kind: 'start', name: '开始' },
      { id: 'choose', kind: 'gateway', name: '选择' },
      { id: 'high', kind: 'end', name: '高', outcome: 'high' },
      { id: 'low', kind: 'end', name: '低', outcome: 'low' },
    ],
    edges: [
      { id: 'a', from: 'start', to: 'choose' },
      { id: 'toHigh', from: 'choose', to: 'high', condition },
      { id: 'toLow', from: 'choose', to: 'low', default: true },
    ],
  });
}

const score = gateway('score >= 60', [{ name: 'score', type: 'number' }]);

describe('gateway incidents', () => {
  it.each([
    [
      'a declared variable never set',
      'score >= 60',
      [{ name: 'score', type: 'number' }],
      {},
      { score: null },
    ],
    [
      'a path into a missing nested object',
      'project.budget.total > 10',
      [{ name: 'project', type: 'object' }],
      { project: {} },
      { project: {} },
    ],
    [
      'string length() of a number',
      'string length(code) > 2',
      [{ name: 'code', type: 'any' }],
      { code: 42 },
      { code: 42 },
    ],
    [
      'an expression that throws',
      'amount >> 10',
      [{ name: 'amount', type: 'number' }],
      { amount: 5 },
      { amount: 5 },
    ],
  ])('holds the token at the gateway with an incident for %s', (_, condition, variables, input, values) => {
    const run = drive(gateway(condition, variables), input);
    expect(run.state.status).toBe('running');
    expect(run.effects).toEqual([]);
    const [token] = Object.values(run.state.tokens);
    expect(token).toMatchObject({ nodeId: 'choose', wait: { kind: 'incident', incidentId: 'incident-1' } });
    expect(run.state.incidents).toEqual({
      'incident-1': {
        id: 'incident-1',
        status: 'open',
        nodeId: 'choose',
        tokenId: token?.id,
        expression: condition,
        edgeId: 'toHigh',
        error: expect.any(String),
        values,
        raisedAt: T0,
        attempts: 1,
      },
    });
  });

  it('routes on a boolean false to the default edge without an incident', () => {
    const run = drive(score, { score: 10 });
    expect(run.state).toMatchObject({ status: 'completed', outcome: 'low' });
    expect(run.state.incidents).toBeUndefined();
  });

  it('routes on after the operator corrects the variable and retries, resolving the incident', () => {
    const run = drive(score);
    run.advance('PT1H');
    run.send({ type: 'variablesUpdated', actor: operator, variables: { score: 75 } });
    expect(run.state.status).toBe('running');
    const effects = run.send({ type: 'incidentRetried', actor: operator, incidentId: 'incident-1' });
    expect(effects).toEqual([{ type: 'completed', outcome: 'high' }]);
    expect(run.state.incidents?.['incident-1']).toMatchObject({
      status: 'resolved',
      resolution: 'retried',
      resolvedAt: run.now,
      lastRetry: { at: run.now, by: 'admin-1' },
      attempts: 1,
    });
  });

  it('keeps the incident open, with one more attempt and the new values, when a retry fails again', () => {
    const def = gateway('score >= limit', [
      { name: 'score', type: 'number' },
      { name: 'limit', type: 'number' },
    ]);
    const run = drive(def);
    run.send({ type: 'variablesUpdated', actor: operator, variables: { score: 75 } });
    run.send({ type: 'incidentRetried', actor: operator, incidentId: 'incident-1' });
    expect(Object.keys(run.state.incidents ?? {})).toEqual(['incident-1']);
    expect(run.state.incidents?.['incident-1']).toMatchObject({
      status: 'open',
      attempts: 2,
      values: { score: 75, limit: null },
    });
    expect(Object.values(run.state.tokens)[0]?.wait).toEqual({ kind: 'incident', incidentId: 'incident-1' });
    run.send({ type: 'variablesUpdated', actor: operator, variables: { limit: 80 } });
    run.send({ type: 'incidentRetried', actor: operator, incidentId: 'incident-1' });
    expect(run.state).toMatchObject({ status: 'completed', outcome: 'low' });
  });

  it('refuses corrections of the wrong type, of unknown names, or of a required variable to null', () => {
    const def = gateway('score >= 60', [
      { name: 'score', type: 'number' },
      { name: 'title', type: 'string', required: true },
    ]);
    const run = drive(def, { title: '项目' });
    const wrongType = run.reject({ type: 'variablesUpdated', actor: operator, variables: { score: '75' } });
    expect(wrongType).toMatchObject({
      code: 'VARIABLES_INVALID',
      details: [{ field: 'score', message: 'expected number', messageZh: '类型不正确，应为数字' }],
    });
    const unknown = run.reject({ type: 'variablesUpdated', actor: operator, variables: { scor: 75 } });
    expect(unknown.details).toEqual([
      { field: 'scor', message: 'not a variable of this process', messageZh: '不是本流程的变量' },
    ]);
    const required = run.reject({ type: 'variablesUpdated', actor: operator, variables: { title: null } });
    expect(required.details).toEqual([{ field: 'title', message: 'required', messageZh: '必填' }]);
  });

  it('checks a variable a form writes against the form field type', () => {
    const def = chain([
      {
        id: 'fill',
        kind: 'userTask',
        name: '填写',
        assignee: { type: 'starter' },
        form: [{ name: 'count', label: '数量', type: 'integer' }],
      },
    ]);
    const run = drive(def);
    expect(
      run.reject({ type: 'variablesUpdated', actor: operator, variables: { count: 1.5 } }).details,
    ).toEqual([{ field: 'count', message: 'expected integer', messageZh: '类型不正确，应为整数' }]);
    run.send({ type: 'variablesUpdated', actor: operator, variables: { count: 2 } });
    expect(run.state.variables.count).toBe(2);
  });

  it('refuses corrections and retries once the instance is not running', () => {
    const done = drive(score, { score: 90 });
    expect(done.reject({ type: 'variablesUpdated', actor: operator, variables: { score: 1 } }).code).toBe(
      'NOT_RUNNING',
    );
    const created = step(
      score,
      initialState(),
      { type: 'incidentRetried', actor: operator, incidentId: 'x' },
      T0,
    );
    expect(created.ok || created.rejection.code).toBe('NOT_RUNNING');
  });

  it('refuses a retry of an unknown or already resolved incident', () => {
    const toWork = definition({
      ...score,
      nodes: [...score.nodes, { id: 'work', kind: 'userTask', name: '工作', assignee: { type: 'starter' } }],
      edges: [
        ...score.edges.map((edge) => (edge.id === 'toLow' ? { ...edge, to: 'work' } : edge)),
        { id: 'w', from: 'work', to: 'low' },
      ],
    });
    const run = drive(toWork);
    expect(run.reject({ type: 'incidentRetried', actor: operator, incidentId: 'incident-9' }).code).toBe(
      'INCIDENT_NOT_FOUND',
    );
    run.send({ type: 'variablesUpdated', actor: operator, variables: { score: 1 } });
    run.send({ type: 'incidentRetried', actor: operator, incidentId: 'incident-1' });
    expect(run.atNodes()).toEqual(['work']);
    expect(run.reject({ type: 'incidentRetried', actor: operator, incidentId: 'incident-1' }).code).toBe(
      'INCIDENT_NOT_FOUND',
    );
  });

  it('resolves an open incident as withdrawn when the instance is cancelled', () => {
    const run = drive(score);
    run.send({ type: 'cancelled', actor: operator, reason: '数据错误' });
    expect(run.state.incidents?.['incident-1']).toMatchObject({
      status: 'resolved',
      resolution: 'withdrawn',
      resolvedAt: run.now,
    });
  });

  it('gives each new failure at the same gateway its own incident once the earlier one was resolved', () => {
    const loop = definition({
      key: 'loop',
      name: '循环',
      variables: [{ name: 'score', type: 'number' }],
      nodes: [
        { id: 'start', kind: 'start', name: '开始' },
        { id: 'choose', kind: 'gateway', name: '选择' },
        { id: 'again', kind: 'userTask', name: '重做', assignee: { type: 'starter' } },
        { id: 'end', kind: 'end', name: '结束' },
      ],
      edges: [
        { id: 'a', from: 'start', to: 'choose' },
        { id: 'b', from: 'choose', to: 'again', condition: 'score < 60' },
        { id: 'c', from: 'choose', to: 'end', default: true },
        { id: 'd', from: 'again', to: 'choose' },
      ],
    });
    const run = drive(loop);
    run.send({ type: 'variablesUpdated', actor: operator, variables: { score: 10 } });
    run.send({ type: 'incidentRetried', actor: operator, incidentId: 'incident-1' });
    run.send({ type: 'variablesUpdated', actor: operator, variables: { score: null } });
    run.complete('again');
    expect(run.state.incidents?.['incident-1']?.status).toBe('resolved');
    expect(run.state.incidents?.['incident-2']).toMatchObject({
      status: 'open',
      nodeId: 'choose',
      attempts: 1,
    });
  });
});

describe('incidents elsewhere a condition routes', () => {
  it('holds a cycle timer with an incident when its until condition fails, and retries it', () => {
    const def = definition({
      key: 'cycle',
      name: '循环定时',
      variables: [
        { name: 'limit', type: 'number' },
        { name: 'count', type: 'number', default: 0 },
      ],
      nodes: [
        { id: 'start', kind: 'start', name: '开始' },
        {
          id: 'tick',
          kind: 'timer',
          name: '每月',
          timer: { type: 'cycle', cycle: 'R/P1M', until: 'count >= limit' },
        },
        { id: 'report', kind: 'userTask', name: '月报', assignee: { type: 'starter' } },
        { id: 'end', kind: 'end', name: '结束' },
      ],
      edges: [
        { id: 'a', from: 'start', to: 'tick' },
        { id: 'b', from: 'tick', to: 'report' },
        { id: 'c', from: 'report', to: 'tick' },
        { id: 'd', from: 'tick', to: 'end', outcome: 'done' },
      ],
    });
    const run = drive(def);
    expect(run.state.timers).toEqual({});
    expect(run.state.incidents?.['incident-1']).toMatchObject({
      nodeId: 'tick',
      expression: 'count >= limit',
      values: { count: 0, limit: null },
    });
    expect(run.state.incidents?.['incident-1']).not.toHaveProperty('edgeId');
    run.send({ type: 'variablesUpdated', actor: operator, variables: { limit: 2 } });
    const effects = run.send({ type: 'incidentRetried', actor: operator, incidentId: 'incident-1' });
    expect(effects).toEqual([
      { type: 'scheduleTimer', timerId: 'timer-1', fireAt: '2025-04-01T01:00:00.000Z' },
    ]);
  });

  it('refuses an external event whose handler condition gives no boolean, naming the values it read', () => {
    const def = chain([{ id: 'work', kind: 'userTask', name: '工作', assignee: { type: 'starter' } }], {
      variables: [{ name: 'level', type: 'number' }],
      eventHandlers: [{ id: 'h', event: 'alarm', target: 'end', condition: 'payload.level > level' }],
    });
    const run = drive(def);
    const rejection = run.reject({ type: 'external', name: 'alarm', payload: { level: 3 } });
    expect(rejection).toMatchObject({
      code: 'FEEL_ERROR',
      details: { handlerId: 'h', values: { payload: { level: 3 }, level: null } },
    });
  });
});

describe('migrating an instance with incidents', () => {
  it('carries an open incident to the new version, where a retry evaluates the new conditions', () => {
    const run = drive(score);
    const v2 = gateway('score = null or score >= 60', [{ name: 'score', type: 'number' }]);
    const migrated = migrateState(run.state, score, { ...v2, version: 2 });
    if (!migrated.ok) throw new Error(JSON.stringify(migrated.reasons));
    expect(migrated.state.incidents?.['incident-1']?.status).toBe('open');
    const retried = step(
      v2,
      migrated.state,
      { type: 'incidentRetried', actor: operator, incidentId: 'incident-1' },
      T0,
    );
    expect(retried.ok && retried.state).toMatchObject({ status: 'completed', outcome: 'high' });
  });

  it('moves an open incident with its token when the gateway is renamed, and refuses when it is gone', () => {
    const run = drive(score);
    const renamed = definition({
      ...score,
      nodes: score.nodes.map((node) => (node.id === 'choose' ? { ...node, id: 'decide' } : node)),
      edges: score.edges.map((edge) => ({
        ...edge,
        ...(edge.from === 'choose' ? { from: 'decide' } : {}),
        ...(edge.to === 'choose' ? { to: 'decide' } : {}),
      })),
    });
    const moved = migrateState(run.state, score, renamed, { choose: 'decide' });
    expect(moved.ok && moved.state.incidents?.['incident-1']?.nodeId).toBe('decide');
    const refused = migrateState(run.state, score, renamed);
    expect(refused.ok || refused.reasons.map((reason) => reason.id)).toEqual(['token-1']);
  });
});
