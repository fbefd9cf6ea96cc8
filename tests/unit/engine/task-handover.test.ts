// Task hand-overs: reassign (改派) by a supervisor over the project's unit, delegate (委派) and its
// resolve (交回), transfer (转办), and remarks. A hand-over closes the task and opens one for the
// new holder at the same node, seat and due time; the engine refuses what does not fit.
import { type Actor, type TaskHolder, validateDefinition } from '../../../workflows/engine';
import { chain, definition, drive, effectsOf } from './drive';

const person = (userId: string, ...pairs: Array<[string, string]>): Actor & TaskHolder => ({
  userId,
  assignments: pairs.map(([role, unitId]) => ({ role, unitId })),
});

const officer = person('officer-1', ['officer', 'station-1']);
const colleague = person('officer-2', ['officer', 'station-1']);
const head = person('head-1', ['supervisor', 'station-1']);
const centre = person('centre-1', ['supervisor', 'county-1']);
const otherStation = person('officer-9', ['officer', 'station-9']);

/** A form for the starter (due in 5 days, reminded after 2), then a station head's approval. */
const formThenApproval = (returnTo?: string[]) => {
  const linear = chain([
    {
      id: 'assess',
      kind: 'userTask',
      name: '需求评估',
      assignee: { type: 'starter' },
      form: [{ name: 'summary', label: '摘要', type: 'text', required: true }],
      due: 'P5D',
      reminder: { after: 'P2D' },
    },
    {
      id: 'headApproval',
      kind: 'approval',
      name: '站长审批',
      approvers: [{ assignee: { type: 'role', role: 'supervisor', scope: 'unit' }, seats: 1 }],
      policy: { type: 'any' },
      ...(returnTo ? { returnTo } : {}),
    },
  ]);
  const edges = linear.edges.map((edge) =>
    edge.from === 'headApproval' ? { ...edge, outcome: 'approve' } : edge,
  );
  return drive(
    definition({
      ...linear,
      nodes: [...linear.nodes, { id: 'rejected', kind: 'end', name: '未通过' }],
      edges: [...edges, { id: 'e-reject', from: 'headApproval', to: 'rejected', outcome: 'reject' }],
    }),
    {},
    { starter: 'officer-1' },
  );
};

describe('task hand-overs', () => {
  it('transfers a form for good: the new holder completes it, the old one no longer may', () => {
    const run = formThenApproval();
    const before = run.task('assess');
    run.advance('P1D');
    const effects = run.send({
      type: 'taskTransferred',
      fromTaskId: before.id,
      actor: officer,
      to: colleague,
    });
    const after = run.task('assess');
    expect(effectsOf(effects, 'cancelTask')).toEqual([{ type: 'cancelTask', taskId: before.id }]);
    expect(effectsOf(effects, 'createTask')).toEqual([
      expect.objectContaining({
        taskId: after.id,
        assignee: { type: 'user', userId: 'officer-2' },
        dueAt: before.dueAt,
        form: [expect.objectContaining({ name: 'summary' })],
      }),
    ]);
    // The reminder follows the task instead of being rescheduled.
    expect(after.timerIds).toEqual(before.timerIds);
    expect(run.state.timers[after.timerIds[0]!]?.taskId).toBe(after.id);
    expect(after.handedFrom).toEqual([before.id]);
    const data = { summary: '已评估' };
    expect(run.reject({ type: 'taskCompleted', taskId: after.id, actor: officer, data }).code).toBe(
      'NOT_A_CANDIDATE',
    );
    run.send({ type: 'taskCompleted', taskId: after.id, actor: colleague, data });
    expect(run.atNodes()).toEqual(['headApproval']);
  });

  it('delegates: the delegate may only hand back; the owner then completes', () => {
    const run = formThenApproval();
    const owned = run.task('assess');
    run.send({
      type: 'taskDelegated',
      fromTaskId: owned.id,
      actor: officer,
      to: colleague,
      comment: '请核实',
    });
    const delegated = run.task('assess');
    expect(delegated).toMatchObject({ assignee: { userId: 'officer-2' }, delegatedBy: 'officer-1' });
    const data = { summary: 'x' };
    expect(run.reject({ type: 'taskCompleted', taskId: delegated.id, actor: colleague, data }).code).toBe(
      'TASK_DELEGATED',
    );
    expect(run.reject({ type: 'taskCompleted', taskId: delegated.id, actor: officer, data }).code).toBe(
      'NOT_A_CANDIDATE',
    );
    expect(
      run.reject({ type: 'taskTransferred', fromTaskId: delegated.id, actor: colleague, to: head }).code,
    ).toBe('TASK_DELEGATED');
    expect(run.reject({ type: 'taskResolved', taskId: delegated.id, actor: officer }).code).toBe(
      'NOT_A_CANDIDATE',
    );
    run.send({ type: 'taskResolved', taskId: delegated.id, actor: colleague, comment: '已核实' });
    const back = run.task('assess');
    expect(back.assignee).toEqual({ type: 'user', userId: 'officer-1' });
    expect(back.delegatedBy).toBeUndefined();
    expect(back.handedFrom).toEqual([owned.id, delegated.id]);
    expect(run.reject({ type: 'taskResolved', taskId: back.id, actor: officer }).code).toBe('NOT_DELEGATED');
    run.send({ type: 'taskCompleted', taskId: back.id, actor: officer, data });
    expect(run.atNodes()).toEqual(['headApproval']);
  });

  it('lets a supervisor over the unit reassign, with the approval seat keeping its votes', () => {
    const run = formThenApproval();
    run.complete('assess', { summary: 'x' });
    const seat = run.task('headApproval');
    expect(
      run.reject({ type: 'taskReassigned', fromTaskId: seat.id, actor: colleague, to: head, reason: '休假' })
        .code,
    ).toBe('NOT_A_SUPERVISOR');
    const effects = run.send({
      type: 'taskReassigned',
      fromTaskId: seat.id,
      actor: centre,
      to: centre,
      reason: '站长休假',
    });
    expect(effectsOf(effects, 'createTask')[0]).toMatchObject({ votes: ['approve', 'reject'] });
    const moved = run.task('headApproval');
    run.send({ type: 'approvalVoted', taskId: moved.id, actor: centre, vote: 'approve' });
    expect(run.state.status).toBe('completed');
  });

  it.each([
    ['someone outside the project’s unit line', otherStation],
    ['an officer for a supervisor’s approval', colleague],
    ['a person without roles', person('nobody')],
    ['the holder themself', head],
    // Who started the project decides none of its approvals, even holding the approvers' role.
    ['the process’s starter', person('officer-1', ['supervisor', 'station-1'])],
  ])('refuses to hand an approval to %s', (_case, to) => {
    const run = formThenApproval();
    run.complete('assess', { summary: 'x' });
    const seat = run.task('headApproval');
    const rejection = run.reject({ type: 'taskTransferred', fromTaskId: seat.id, actor: head, to });
    expect(rejection).toMatchObject({
      code: 'TARGET_NOT_ELIGIBLE',
      message: { zh: expect.any(String), en: expect.any(String) },
    });
  });

  it('refuses a hand-over by someone who does not hold the task, and of a closed task', () => {
    const run = formThenApproval();
    const task = run.task('assess');
    expect(run.reject({ type: 'taskDelegated', fromTaskId: task.id, actor: colleague, to: head }).code).toBe(
      'NOT_A_CANDIDATE',
    );
    run.complete('assess', { summary: 'x' });
    expect(
      run.reject({ type: 'taskTransferred', fromTaskId: task.id, actor: officer, to: colleague }).code,
    ).toBe('TASK_NOT_FOUND');
  });

  it('records a remark on an open task without moving the process, and refuses one on a closed task', () => {
    const run = formThenApproval();
    const task = run.task('assess');
    const effects = run.send({
      type: 'taskCommented',
      taskId: task.id,
      actor: colleague,
      comment: '材料已收到',
    });
    expect(effects).toEqual([]);
    expect(run.task('assess').id).toBe(task.id);
    run.complete('assess', { summary: 'x' });
    expect(run.reject({ type: 'taskCommented', taskId: task.id, actor: officer, comment: '晚了' }).code).toBe(
      'TASK_NOT_FOUND',
    );
  });
});

describe('free return (退回)', () => {
  it('sends the work back to an earlier node the instance passed through, as the node allows', () => {
    const run = formThenApproval(['assess']);
    const first = run.task('assess');
    run.complete('assess', { summary: 'x' });
    const seat = run.task('headApproval');
    expect(
      run.reject({ type: 'taskReturned', taskId: seat.id, actor: colleague, toNodeId: 'assess' }).code,
    ).toBe('NOT_A_CANDIDATE');
    const effects = run.send({
      type: 'taskReturned',
      taskId: seat.id,
      actor: head,
      toNodeId: 'assess',
      comment: '请补充走访记录',
    });
    const again = run.task('assess');
    expect(again.id).not.toBe(first.id);
    expect(again.assignee).toEqual({ type: 'user', userId: 'officer-1' });
    expect(run.atNodes()).toEqual(['assess']);
    expect(run.state.visits.assess).toBe(2);
    // The returning holder's own task is answered, not withdrawn.
    expect(effectsOf(effects, 'cancelTask')).toEqual([]);
    expect(run.tasks('headApproval')).toEqual([]);
  });

  it.each([
    ['a node the approval does not list', [] as string[], 'assess', 'RETURN_NOT_ALLOWED'],
    ['a listed node the instance never reached', ['assess', 'later'], 'later', 'RETURN_TARGET_NOT_PASSED'],
  ])('refuses a return to %s', (_case, returnTo, toNodeId, code) => {
    const run = formThenApproval(returnTo.length ? returnTo : undefined);
    run.complete('assess', { summary: 'x' });
    const seat = run.task('headApproval');
    // The same answer whoever asks: it depends on the definition and the path only.
    for (const actor of [head, colleague])
      expect(run.reject({ type: 'taskReturned', taskId: seat.id, actor, toNodeId }).code).toBe(code);
  });

  it.each([
    ['itself', 'headApproval'],
    ['a node that is not a task', 'start'],
    ['an unknown node', 'nowhere'],
  ])('rejects a definition whose return target is %s', (_case, target) => {
    const linear = chain([
      { id: 'assess', kind: 'userTask', name: '评估', assignee: { type: 'starter' } },
      {
        id: 'headApproval',
        kind: 'userTask',
        name: '复核',
        assignee: { type: 'starter' },
        returnTo: [target],
      },
    ]);
    const result = validateDefinition(linear);
    expect(result.ok).toBe(false);
    expect(result.problems.map((problem) => problem.code)).toContain('RETURN_TARGET_INVALID');
  });
});

describe('take back (拿回)', () => {
  it('lets the author take a submitted form back while the next step is untouched', () => {
    const run = formThenApproval();
    const form = run.task('assess');
    run.complete('assess', { summary: 'x' });
    const seat = run.task('headApproval');
    expect(run.reject({ type: 'taskTakenBack', taskId: form.id, actor: colleague }).code).toBe(
      'NOT_A_CANDIDATE',
    );
    const effects = run.send({ type: 'taskTakenBack', taskId: form.id, actor: officer });
    expect(effectsOf(effects, 'cancelTask')).toEqual([{ type: 'cancelTask', taskId: seat.id }]);
    expect(run.atNodes()).toEqual(['assess']);
    expect(run.task('assess').assignee).toEqual({ type: 'user', userId: 'officer-1' });
    // Taken back once: the same completion cannot be taken back again.
    expect(run.reject({ type: 'taskTakenBack', taskId: form.id, actor: officer }).code).toBe(
      'TAKE_BACK_NOT_POSSIBLE',
    );
  });

  it('refuses once the next person has acted', () => {
    const run = formThenApproval(['assess']);
    const form = run.task('assess');
    run.complete('assess', { summary: 'x' });
    const seat = run.task('headApproval');
    run.send({ type: 'taskTransferred', fromTaskId: seat.id, actor: head, to: centre });
    expect(run.reject({ type: 'taskTakenBack', taskId: form.id, actor: officer }).code).toBe(
      'TAKE_BACK_NOT_POSSIBLE',
    );
  });
});
