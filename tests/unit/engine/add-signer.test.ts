// 加签 on an approval: the holder adds a seat for a co-signer, before (前加签: their own seat waits
// for the signer's vote) or after themself (后加签); the policy decides over the definition's seats
// and every added signer must approve as well.
import { type Actor, type TaskHolder } from '../../../workflows/engine';
import { chain, definition, drive, effectsOf } from './drive';

const person = (userId: string, ...pairs: Array<[string, string]>): Actor & TaskHolder => ({
  userId,
  assignments: pairs.map(([role, unitId]) => ({ role, unitId })),
});

const head = person('head-1', ['supervisor', 'station-1']);
const deputy = person('deputy-1', ['officer', 'station-1']);
const centre = person('centre-1', ['supervisor', 'county-1']);
const otherStation = person('officer-9', ['officer', 'station-9']);

type Policy = { type: 'any' } | { type: 'all' } | { type: 'majority' } | { type: 'quorum'; n: number };

/** One approval by the given approvers (a station head's seat by default), leading to 通过 or 未通过. */
const approval = (
  policy: Policy,
  approvers: unknown[] = [{ type: 'role', role: 'supervisor', scope: 'unit' }],
) => {
  const linear = chain([
    {
      id: 'headApproval',
      kind: 'approval',
      name: '站长审批',
      approvers: approvers.map((assignee) => ({ assignee, seats: 1 })),
      policy,
    },
    { id: 'after', kind: 'userTask', name: '后续', assignee: { type: 'starter' } },
  ]);
  const edges = linear.edges.map((edge) =>
    edge.from === 'headApproval' ? { ...edge, outcome: 'approve' } : edge,
  );
  return drive(
    definition({
      ...linear,
      nodes: [...linear.nodes, { id: 'rejected', kind: 'end', name: '未通过', outcome: 'rejected' }],
      edges: [...edges, { id: 'e-reject', from: 'headApproval', to: 'rejected', outcome: 'reject' }],
    }),
  );
};

const seatOf = (run: ReturnType<typeof approval>, userId: string) => {
  const seat = run
    .tasks('headApproval')
    .find((task) => task.assignee.type === 'user' && task.assignee.userId === userId);
  if (!seat) throw new Error(`no seat for ${userId}`);
  return seat;
};

/** Two seats of the definition, named a and b; a adds the deputy after themself. */
const signerAfterA = (policy: Policy) => {
  const run = approval(policy, [
    { type: 'user', userId: 'a' },
    { type: 'user', userId: 'b' },
  ]);
  run.send({
    type: 'signerAdded',
    taskId: seatOf(run, 'a').id,
    actor: { userId: 'a' },
    to: deputy,
    position: 'after',
  });
  return run;
};

describe('加签 (adding a signer)', () => {
  it('before oneself: the holder’s seat waits until the signer has voted, then is theirs again', () => {
    const run = approval({ type: 'all' });
    const own = run.task('headApproval');
    const effects = run.send({
      type: 'signerAdded',
      taskId: own.id,
      actor: head,
      to: deputy,
      position: 'before',
      comment: '请先核实预算',
    });
    const signer = seatOf(run, 'deputy-1');
    expect(effectsOf(effects, 'createTask')).toEqual([
      expect.objectContaining({
        taskId: signer.id,
        nodeId: 'headApproval',
        kind: 'approval',
        assignee: { type: 'user', userId: 'deputy-1' },
        votes: ['approve', 'reject'],
      }),
    ]);
    expect(run.state.tasks[own.id]?.heldFor).toBe(signer.id);
    expect(run.reject({ type: 'approvalVoted', taskId: own.id, actor: head, vote: 'approve' }).code).toBe(
      'WAITING_FOR_SIGNER',
    );
    run.send({ type: 'approvalVoted', taskId: signer.id, actor: deputy, vote: 'approve' });
    // Under `all` the added seat counts: the node still waits for the head.
    expect(run.atNodes()).toEqual(['headApproval']);
    expect(run.state.tasks[own.id]?.heldFor).toBeUndefined();
    run.send({ type: 'approvalVoted', taskId: own.id, actor: head, vote: 'approve' });
    expect(run.atNodes()).toEqual(['after']);
  });

  it('after oneself: the holder votes at once, and under `all` the node waits for the signer', () => {
    const run = approval({ type: 'all' });
    const own = run.task('headApproval');
    run.send({ type: 'signerAdded', taskId: own.id, actor: head, to: deputy, position: 'after' });
    run.send({ type: 'approvalVoted', taskId: own.id, actor: head, vote: 'approve' });
    expect(run.atNodes()).toEqual(['headApproval']);
    run.send({
      type: 'approvalVoted',
      taskId: seatOf(run, 'deputy-1').id,
      actor: deputy,
      vote: 'reject',
    });
    expect(run.state.outcome).toBe('rejected');
  });

  it('before oneself under `any`: the signer’s approval alone does not decide, the holder’s then does', () => {
    const run = approval({ type: 'any' });
    const own = run.task('headApproval');
    run.send({ type: 'signerAdded', taskId: own.id, actor: head, to: deputy, position: 'before' });
    run.send({ type: 'approvalVoted', taskId: seatOf(run, 'deputy-1').id, actor: deputy, vote: 'approve' });
    expect(run.atNodes()).toEqual(['headApproval']);
    run.send({ type: 'approvalVoted', taskId: own.id, actor: head, vote: 'approve' });
    expect(run.atNodes()).toEqual(['after']);
  });

  it('after oneself under `any`: the holder’s approval waits for the signer’s', () => {
    const run = approval({ type: 'any' });
    const own = run.task('headApproval');
    run.send({ type: 'signerAdded', taskId: own.id, actor: head, to: deputy, position: 'after' });
    run.send({ type: 'approvalVoted', taskId: own.id, actor: head, vote: 'approve' });
    expect(run.atNodes()).toEqual(['headApproval']);
    run.send({ type: 'approvalVoted', taskId: seatOf(run, 'deputy-1').id, actor: deputy, vote: 'approve' });
    expect(run.atNodes()).toEqual(['after']);
  });

  it.each([
    // Two seats of the definition and one added: the policy decides over the two, the signer must approve.
    ['majority', { type: 'majority' }, { a: 'approve', b: 'approve' }, 'headApproval'],
    ['majority', { type: 'majority' }, { a: 'approve', b: 'approve', 'deputy-1': 'approve' }, 'after'],
    ['majority', { type: 'majority' }, { a: 'approve', b: 'reject' }, 'rejected'],
    ['quorum of 1', { type: 'quorum', n: 1 }, { 'deputy-1': 'approve', b: 'approve' }, 'after'],
    ['any', { type: 'any' }, { 'deputy-1': 'reject' }, 'rejected'],
    ['all', { type: 'all' }, { a: 'approve', 'deputy-1': 'approve' }, 'headApproval'],
  ] as const)('under %s with votes %j the instance is at %s', (_name, policy, votes, at) => {
    const run = signerAfterA(policy);
    for (const [userId, vote] of Object.entries(votes))
      run.send({ type: 'approvalVoted', taskId: seatOf(run, userId).id, actor: { userId }, vote });
    expect(at === 'rejected' ? run.state.outcome : run.atNodes()[0]).toBe(at);
  });

  it('withdraws the seats still open once a signer’s rejection decides', () => {
    const run = signerAfterA({ type: 'any' });
    const seats = [seatOf(run, 'a').id, seatOf(run, 'b').id];
    const signer = seatOf(run, 'deputy-1');
    const effects = run.send({ type: 'approvalVoted', taskId: signer.id, actor: deputy, vote: 'reject' });
    expect(effectsOf(effects, 'cancelTask').map((effect) => effect.taskId)).toEqual(seats);
    expect(run.state.outcome).toBe('rejected');
  });

  it('keeps the hold when the signer hands their seat on: the new holder’s vote releases it', () => {
    const run = approval({ type: 'all' });
    const own = run.task('headApproval');
    run.send({ type: 'signerAdded', taskId: own.id, actor: head, to: deputy, position: 'before' });
    run.send({
      type: 'taskTransferred',
      fromTaskId: seatOf(run, 'deputy-1').id,
      actor: deputy,
      to: centre,
    });
    const moved = seatOf(run, 'centre-1');
    expect(run.state.tasks[own.id]?.heldFor).toBe(moved.id);
    run.send({ type: 'approvalVoted', taskId: moved.id, actor: centre, vote: 'approve' });
    run.send({ type: 'approvalVoted', taskId: own.id, actor: head, vote: 'approve' });
    expect(run.atNodes()).toEqual(['after']);
  });

  it.each([
    ['oneself', head, 'TARGET_NOT_ELIGIBLE'],
    ['someone outside the project’s unit line', otherStation, 'TARGET_NOT_ELIGIBLE'],
    ['a person without roles', person('nobody'), 'TARGET_NOT_ELIGIBLE'],
    // Found by the fresh-eyes review: the officer who started the project co-signed its approval.
    ['the process’s starter', person('officer-1', ['officer', 'station-1']), 'TARGET_NOT_ELIGIBLE'],
  ])('refuses to add %s', (_case, to, code) => {
    const run = approval({ type: 'all' });
    const own = run.task('headApproval');
    expect(
      run.reject({ type: 'signerAdded', taskId: own.id, actor: head, to, position: 'before' }),
    ).toMatchObject({
      code,
      message: { zh: expect.any(String), en: expect.any(String) },
    });
  });

  it('refuses someone who already holds a seat, a second signer on a held seat, and a non-holder', () => {
    const run = approval({ type: 'all' });
    const own = run.task('headApproval');
    run.send({ type: 'signerAdded', taskId: own.id, actor: head, to: deputy, position: 'before' });
    const signer = seatOf(run, 'deputy-1');
    expect(
      run.reject({ type: 'signerAdded', taskId: signer.id, actor: deputy, to: deputy, position: 'after' })
        .code,
    ).toBe('TARGET_NOT_ELIGIBLE');
    expect(
      run.reject({ type: 'signerAdded', taskId: signer.id, actor: deputy, to: head, position: 'after' }).code,
    ).toBe('TARGET_NOT_ELIGIBLE');
    expect(
      run.reject({ type: 'signerAdded', taskId: own.id, actor: head, to: centre, position: 'after' }).code,
    ).toBe('WAITING_FOR_SIGNER');
    expect(
      run.reject({ type: 'signerAdded', taskId: own.id, actor: deputy, to: centre, position: 'after' }).code,
    ).toBe('NOT_A_CANDIDATE');
  });

  it('refuses an admin as signer: admins read no cases (found by the fresh-eyes review)', () => {
    const run = approval({ type: 'all' });
    const own = run.task('headApproval');
    const admin = person('admin-1', ['admin', 'county-1']);
    expect(
      run.reject({ type: 'signerAdded', taskId: own.id, actor: head, to: admin, position: 'before' }).code,
    ).toBe('TARGET_NOT_ELIGIBLE');
  });

  it('refuses a delegated seat, a closed one and a task that is not an approval', () => {
    const run = approval({ type: 'all' });
    const own = run.task('headApproval');
    run.send({ type: 'taskDelegated', fromTaskId: own.id, actor: head, to: centre });
    const delegated = run.task('headApproval');
    expect(
      run.reject({ type: 'signerAdded', taskId: delegated.id, actor: centre, to: deputy, position: 'after' })
        .code,
    ).toBe('TASK_DELEGATED');
    run.send({ type: 'taskResolved', taskId: delegated.id, actor: centre });
    const back = run.task('headApproval');
    run.send({ type: 'approvalVoted', taskId: back.id, actor: head, vote: 'approve' });
    expect(
      run.reject({ type: 'signerAdded', taskId: back.id, actor: head, to: deputy, position: 'after' }).code,
    ).toBe('TASK_NOT_FOUND');
    const form = run.task('after');
    expect(
      run.reject({
        type: 'signerAdded',
        taskId: form.id,
        actor: { userId: 'officer-1' },
        to: deputy,
        position: 'after',
      }).code,
    ).toBe('TASK_KIND_MISMATCH');
  });
});
