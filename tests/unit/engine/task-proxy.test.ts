// 代理: while someone is away, the host moves their tasks to the proxy of the period with a
// `taskProxied` system event. The engine checks the task is theirs and the proxy may do it, moves
// it like a transfer (same node, seat, due time and timers), marks it and notifies both people.
import { type Actor, type TaskHolder } from '../../../workflows/engine';
import { chain, definition, drive, effectsOf } from './drive';

const person = (userId: string, ...pairs: Array<[string, string]>): Actor & TaskHolder => ({
  userId,
  assignments: pairs.map(([role, unitId]) => ({ role, unitId })),
});

const officer = person('officer-1', ['officer', 'station-1']);
const colleague = person('officer-2', ['officer', 'station-1']);
const centre = person('centre-1', ['supervisor', 'county-1']);
const otherStation = person('officer-9', ['officer', 'station-9']);

/** A form for the starter (due in 5 days, reminded after 2), then a station head's approval. */
const formThenApproval = () =>
  drive(
    definition(
      chain([
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
        },
      ]),
    ),
    {},
    { starter: 'officer-1' },
  );

const proxied = (fromTaskId: string, from: string, to: TaskHolder) =>
  ({
    type: 'taskProxied',
    fromTaskId,
    from: { userId: from, displayName: '张三' },
    to,
    proxyId: 'proxy-1',
  }) as const;

describe('task proxies (代理)', () => {
  it('moves the principal’s task to the proxy, keeping its due time and timers, and tells both', () => {
    const run = formThenApproval();
    const before = run.task('assess');
    run.advance('P1D');
    const effects = run.send(proxied(before.id, 'officer-1', colleague));
    const after = run.task('assess');
    expect(after.assignee).toEqual({ type: 'user', userId: 'officer-2' });
    expect(after.proxiedFor).toEqual({ userId: 'officer-1', displayName: '张三' });
    expect(after.dueAt).toBe(before.dueAt);
    expect(after.timerIds).toEqual(before.timerIds);
    expect(effectsOf(effects, 'cancelTask')).toEqual([{ type: 'cancelTask', taskId: before.id }]);
    expect(effectsOf(effects, 'notify')).toEqual([
      expect.objectContaining({ to: { type: 'user', userId: 'officer-1' }, template: 'task.proxiedAway' }),
      expect.objectContaining({
        to: { type: 'user', userId: 'officer-2' },
        template: 'task.proxiedToYou',
        taskId: after.id,
        dueAt: before.dueAt,
      }),
    ]);
    // The proxy acts; the principal no longer may.
    const data = { summary: '代为评估' };
    expect(run.reject({ type: 'taskCompleted', taskId: after.id, actor: officer, data }).code).toBe(
      'NOT_A_CANDIDATE',
    );
    run.send({ type: 'taskCompleted', taskId: after.id, actor: colleague, data });
    expect(run.atNodes()).toEqual(['headApproval']);
  });

  it('moves a role task (one the host saw the principal claim) only to a proxy holding the role', () => {
    const run = formThenApproval();
    run.complete('assess', { summary: '已评估' });
    const approval = run.task('headApproval');
    expect(run.reject(proxied(approval.id, 'head-1', colleague)).code).toBe('TARGET_NOT_ELIGIBLE');
    run.send(proxied(approval.id, 'head-1', centre));
    const moved = run.task('headApproval');
    expect(moved.assignee).toEqual({ type: 'user', userId: 'centre-1' });
    expect(moved.seat).toBe(approval.seat);
  });

  it.each([
    ['a task that is someone else’s', 'officer-2', colleague, 'NOT_THE_HOLDER'],
    ['a proxy with no role on the project’s unit line', 'officer-1', otherStation, 'TARGET_NOT_ELIGIBLE'],
    ['the principal as their own proxy', 'officer-1', officer, 'TARGET_NOT_ELIGIBLE'],
  ] as const)('refuses %s, changing nothing', (_case, from, to, code) => {
    const run = formThenApproval();
    expect(run.reject(proxied(run.task('assess').id, from, to)).code).toBe(code);
  });

  it('leaves a delegated task alone and refuses a task that is closed', () => {
    const run = formThenApproval();
    const owned = run.task('assess');
    run.send({ type: 'taskDelegated', fromTaskId: owned.id, actor: officer, to: colleague });
    expect(run.reject(proxied(run.task('assess').id, 'officer-2', centre)).code).toBe('TASK_DELEGATED');
    expect(run.reject(proxied(owned.id, 'officer-1', colleague)).code).toBe('TASK_NOT_FOUND');
  });

  it('drops the proxy mark when the proxy transfers the task on', () => {
    const run = formThenApproval();
    run.send(proxied(run.task('assess').id, 'officer-1', colleague));
    run.send({ type: 'taskTransferred', fromTaskId: run.task('assess').id, actor: colleague, to: officer });
    expect(run.task('assess').proxiedFor).toBeUndefined();
  });
});
