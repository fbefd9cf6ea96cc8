// 抄送: a task copied to people by whoever may act on it, and a node's own cc list sent when it
// completes; one notify effect per recipient, each with its own idempotency key.
import { notificationKey, validateDefinition, type Actor, type TaskHolder } from '../../../workflows/engine';
import { chain, definition, drive, effectsOf } from './drive';

const person = (userId: string, displayName: string): TaskHolder => ({ userId, displayName });
const officer: Actor = { userId: 'officer-1' };

/** The starter fills 项目预估, then the station head approves (通过 or 未通过); each node with its cc list. */
const estimate = (cc?: unknown[], approvalCc?: unknown[]) => {
  const linear = chain([
    {
      id: 'estimate',
      kind: 'userTask',
      name: '项目预估',
      assignee: { type: 'starter' },
      ...(cc ? { cc } : {}),
    },
    {
      id: 'headApproval',
      kind: 'approval',
      name: '站长审批',
      approvers: [{ assignee: { type: 'role', role: 'supervisor', scope: 'unit' }, seats: 1 }],
      ...(approvalCc ? { cc: approvalCc } : {}),
    },
  ]);
  return definition({
    ...linear,
    nodes: [...linear.nodes, { id: 'rejected', kind: 'end', name: '未通过', outcome: 'rejected' }],
    edges: [
      ...linear.edges.map((edge) => (edge.from === 'headApproval' ? { ...edge, outcome: 'approve' } : edge)),
      { id: 'e-reject', from: 'headApproval', to: 'rejected', outcome: 'reject' },
    ],
  });
};

describe('抄送 (carbon copy)', () => {
  it('notifies each recipient of a copy once, under keys that differ by recipient and by copy', () => {
    const run = drive(estimate());
    const task = run.task('estimate');
    const first = effectsOf(
      run.send({
        type: 'taskCopied',
        taskId: task.id,
        actor: officer,
        to: [person('li-1', '李四'), person('wang-1', '王五')],
        note: '请知悉',
      }),
      'notify',
    );
    expect(first).toEqual([
      expect.objectContaining({
        to: { type: 'user', userId: 'li-1' },
        template: 'task.copied',
        taskId: task.id,
      }),
      expect.objectContaining({
        to: { type: 'user', userId: 'wang-1' },
        template: 'task.copied',
        taskId: task.id,
      }),
    ]);
    expect(first[0]?.copy).toEqual({ id: 'copy-1', by: 'officer-1', note: '请知悉' });
    const again = effectsOf(
      run.send({ type: 'taskCopied', taskId: task.id, actor: officer, to: [person('li-1', '李四')] }),
      'notify',
    );
    expect(again[0]?.copy).toEqual({ id: 'copy-2', by: 'officer-1' });
    const keys = [...first, ...again].map((effect) => notificationKey('instance-1', effect));
    expect(new Set(keys).size).toBe(3);
    // The task itself is unchanged: still open for its holder.
    expect(run.task('estimate').id).toBe(task.id);
  });

  it('refuses someone who may not act on the task, oneself, a repeated recipient and a closed task', () => {
    const run = drive(estimate());
    const task = run.task('estimate');
    const copy = (actor: Actor, to: TaskHolder[]) =>
      run.reject({ type: 'taskCopied', taskId: task.id, actor, to });
    expect(copy({ userId: 'stranger-1' }, [person('li-1', '李四')]).code).toBe('NOT_A_CANDIDATE');
    expect(copy(officer, [person('officer-1', '我')]).code).toBe('TARGET_NOT_ELIGIBLE');
    expect(copy(officer, [person('li-1', '李四'), person('li-1', '李四')]).code).toBe('TARGET_NOT_ELIGIBLE');
    run.complete('estimate');
    expect(copy(officer, [person('li-1', '李四')]).code).toBe('TASK_NOT_FOUND');
  });

  it('sends a node’s cc list to people and role holders when the node completes', () => {
    const run = drive(
      estimate(
        [
          { type: 'user', userId: 'li-1' },
          { type: 'role', role: 'supervisor', scope: 'ancestors' },
        ],
        [{ type: 'user', userId: 'wang-1' }],
      ),
    );
    const copies = effectsOf(run.complete('estimate'), 'notify');
    expect(copies.map((effect) => effect.to)).toEqual([
      { type: 'user', userId: 'li-1' },
      { type: 'role', role: 'supervisor', unitId: 'station-1', scope: 'ancestors' },
    ]);
    expect(copies[0]?.copy).toEqual({ id: 'copy-1' });
    expect(copies[0]?.nodeId).toBe('estimate');
    const approvalCopies = effectsOf(run.vote('headApproval', ['approve']), 'notify');
    expect(approvalCopies).toEqual([
      expect.objectContaining({
        to: { type: 'user', userId: 'wang-1' },
        nodeId: 'headApproval',
        copy: { id: 'copy-2' },
      }),
    ]);
  });

  it('validates a node’s cc list: the shapes of an assignee rule but the starter, each recipient once', () => {
    const withCc = (cc: unknown[]) => {
      const def = estimate();
      const nodes = def.nodes.map((node) => (node.id === 'estimate' ? { ...node, cc } : node));
      return validateDefinition({ ...def, nodes }).problems.map((problem) => problem.code);
    };
    expect(withCc([{ type: 'role', role: 'supervisor', scope: 'unit' }])).toEqual([]);
    expect(withCc([{ type: 'starter' }])).toEqual(['SCHEMA_INVALID']);
    expect(withCc([])).toEqual(['SCHEMA_INVALID']);
    expect(
      withCc([
        { type: 'user', userId: 'li-1' },
        { type: 'user', userId: 'li-1' },
      ]),
    ).toEqual(['CC_RECIPIENT_DUPLICATE']);
  });
});
