// What an operator does with an incident: a failed action raises one, a retry runs the action again
// under a new id, and resolving by hand moves the token on with the operator's note.
import { definition, drive, T0 } from './drive';

const operator = { userId: 'supervisor-1' };

/** start -> pay (an action with no error edge) -> end. */
const payment = definition({
  key: 'action-incident-test',
  name: '动作异常',
  variables: [{ name: 'talentId', type: 'string', default: '0b7e4c52-8a1d-4c39-9f0e-3d2a6b1c5e71' }],
  nodes: [
    { id: 'start', kind: 'start', name: '开始' },
    {
      id: 'pay',
      kind: 'action',
      name: '发放',
      action: 'payAllowance',
      params: { talentId: '=talentId', termYear: 1, asOf: '2027-03-01' },
      outputs: { paymentId: 'result.paymentId' },
    },
    { id: 'end', kind: 'end', name: '结束', outcome: 'paid' },
  ],
  edges: [
    { id: 'a', from: 'start', to: 'pay' },
    { id: 'b', from: 'pay', to: 'end' },
  ],
});

/** start -> choose (high if score >= 60, else low) with `score` never set. */
const gateway = definition({
  key: 'gateway-incident-test',
  name: '网关异常',
  variables: [{ name: 'score', type: 'number' }],
  nodes: [
    { id: 'start', kind: 'start', name: '开始' },
    { id: 'choose', kind: 'gateway', name: '选择' },
    { id: 'high', kind: 'end', name: '高', outcome: 'high' },
    { id: 'low', kind: 'end', name: '低', outcome: 'low' },
  ],
  edges: [
    { id: 'a', from: 'start', to: 'choose' },
    { id: 'toHigh', from: 'choose', to: 'high', condition: 'score >= 60' },
    { id: 'toLow', from: 'choose', to: 'low', default: true },
  ],
});

function failedPayment() {
  const run = drive(payment);
  run.send({ type: 'actionFailed', actionId: 'action-1', error: 'bank offline' });
  return run;
}

describe('action incidents', () => {
  it('opens an incident for a failed action with no error edge, holding the token at the node', () => {
    const run = failedPayment();
    expect(run.state.incidents).toEqual({
      'incident-1': {
        id: 'incident-1',
        kind: 'action',
        status: 'open',
        nodeId: 'pay',
        tokenId: expect.any(String),
        actionId: 'action-1',
        error: 'bank offline',
        values: {},
        raisedAt: T0,
        attempts: 1,
      },
    });
    expect(run.atNodes()).toEqual(['pay']);
  });

  it('runs the action again under a new id on retry, counts a second failure, and resolves on success', () => {
    const run = failedPayment();
    const effects = run.send({ type: 'incidentRetried', actor: operator, incidentId: 'incident-1' });
    expect(effects).toEqual([
      expect.objectContaining({ type: 'runAction', actionId: 'action-2', nodeId: 'pay' }),
    ]);
    expect(run.state.pendingActions).toEqual({ 'action-2': expect.objectContaining({ status: 'running' }) });
    expect(run.state.incidents?.['incident-1']).toMatchObject({
      status: 'open',
      actionId: 'action-2',
      lastRetry: { at: T0, by: operator.userId },
    });
    // While the retried action runs, neither a second retry nor a resolution may overtake it.
    expect(run.reject({ type: 'incidentRetried', actor: operator, incidentId: 'incident-1' }).code).toBe(
      'INCIDENT_RETRYING',
    );
    run.send({ type: 'actionFailed', actionId: 'action-2', error: 'bank still offline' });
    expect(run.state.incidents?.['incident-1']).toMatchObject({
      status: 'open',
      attempts: 2,
      error: 'bank still offline',
    });
    expect(Object.keys(run.state.incidents ?? {})).toEqual(['incident-1']);
    run.send({ type: 'incidentRetried', actor: operator, incidentId: 'incident-1' });
    run.finishAction('pay', { paymentId: 'P-3' });
    expect(run.state.incidents?.['incident-1']).toMatchObject({ status: 'resolved', resolution: 'retried' });
    expect(run.state).toMatchObject({ status: 'completed', variables: { paymentId: 'P-3' } });
  });

  it('continues without a result when resolved by hand, keeping who resolved it and the note', () => {
    const run = failedPayment();
    run.send({ type: 'incidentResolved', actor: operator, incidentId: 'incident-1', note: '已线下发放' });
    expect(run.state.incidents?.['incident-1']).toMatchObject({
      status: 'resolved',
      resolution: 'resolved',
      resolvedBy: operator.userId,
      note: '已线下发放',
      resolvedAt: T0,
    });
    expect(run.state.pendingActions).toEqual({});
    expect(run.state.status).toBe('completed');
    expect(run.state.variables).not.toHaveProperty('paymentId');
  });

  it('refuses to resolve or retry an incident that is already resolved, and a blank note', () => {
    const run = failedPayment();
    expect(
      run.reject({ type: 'incidentResolved', actor: operator, incidentId: 'incident-1', note: '   ' }).code,
    ).toBe('EVENT_INVALID');
    run.send({ type: 'incidentResolved', actor: operator, incidentId: 'incident-1', note: '已处理' });
    // The instance completed: nothing is running to resolve or retry.
    expect(
      run.reject({ type: 'incidentResolved', actor: operator, incidentId: 'incident-1', note: '再次' }).code,
    ).toBe('NOT_RUNNING');
  });
});

describe('resolving a condition incident by hand', () => {
  it('sends the gateway token along the edge the operator chose', () => {
    const run = drive(gateway);
    run.send({
      type: 'incidentResolved',
      actor: operator,
      incidentId: 'incident-1',
      note: '评分缺失，按低分处理',
      edgeId: 'toLow',
    });
    expect(run.state).toMatchObject({ status: 'completed', outcome: 'low' });
    expect(run.state.incidents?.['incident-1']).toMatchObject({ status: 'resolved', resolution: 'resolved' });
  });

  it('names edgeId when the operator chose no edge, or one that does not leave the gateway', () => {
    const run = drive(gateway);
    const missing = run.reject({
      type: 'incidentResolved',
      actor: operator,
      incidentId: 'incident-1',
      note: 'x',
    });
    expect(missing).toMatchObject({ code: 'EVENT_INVALID', details: ['edgeId: required for a gateway'] });
    const wrong = run.reject({
      type: 'incidentResolved',
      actor: operator,
      incidentId: 'incident-1',
      note: 'x',
      edgeId: 'a',
    });
    expect(wrong).toMatchObject({ details: ['edgeId: not an outgoing edge of the gateway'] });
  });

  it('refuses a second resolution of an incident already resolved while the instance runs', () => {
    const twoGateways = definition({
      ...gateway,
      nodes: [
        ...gateway.nodes,
        { id: 'wait', kind: 'userTask', name: '等待', assignee: { type: 'starter' } },
      ],
      edges: [
        ...gateway.edges.filter((edge) => edge.id !== 'toLow'),
        { id: 'toWait', from: 'choose', to: 'wait', default: true },
        { id: 'waitToLow', from: 'wait', to: 'low' },
      ],
    });
    const run = drive(twoGateways);
    run.send({
      type: 'incidentResolved',
      actor: operator,
      incidentId: 'incident-1',
      note: 'x',
      edgeId: 'toWait',
    });
    expect(
      run.reject({
        type: 'incidentResolved',
        actor: operator,
        incidentId: 'incident-1',
        note: 'y',
        edgeId: 'toWait',
      }).code,
    ).toBe('INCIDENT_NOT_FOUND');
  });
});

describe('retrying with corrected variables', () => {
  it('applies the corrections and the retry in one step', () => {
    const run = drive(gateway);
    run.send({
      type: 'incidentRetried',
      actor: operator,
      incidentId: 'incident-1',
      variables: { score: 75 },
    });
    expect(run.state).toMatchObject({ status: 'completed', outcome: 'high', variables: { score: 75 } });
  });

  it('retries nothing when a correction is refused', () => {
    const run = drive(gateway);
    const rejection = run.reject({
      type: 'incidentRetried',
      actor: operator,
      incidentId: 'incident-1',
      variables: { score: 'high' },
    });
    expect(rejection.code).toBe('VARIABLES_INVALID');
  });
});
