// Who may act on a task: the named user, or someone holding the role at a unit the rule reaches.
// The instance's ancestors arrive with its `started` event; an actor without assignments holds no role.
import type { Actor } from '../../../workflows/engine';
import { chain, drive } from './drive';

const signBy = (scope: 'unit' | 'ancestors' | 'unitOrAncestors') =>
  drive(
    chain([
      { id: 'sign', kind: 'userTask', name: '签收', assignee: { type: 'role', role: 'supervisor', scope } },
    ]),
    {},
    { unitId: 'station-1' },
  );

const at = (...pairs: Array<[string, string]>): Actor => ({
  userId: 'u-1',
  assignments: pairs.map(([role, unitId]) => ({ role, unitId })),
});

describe('task candidates', () => {
  it.each([
    ['unit', at(['supervisor', 'station-1']), true],
    ['unit', at(['supervisor', 'county-1']), false],
    ['unit', at(['officer', 'station-1']), false],
    ['ancestors', at(['supervisor', 'county-1']), true],
    ['ancestors', at(['supervisor', 'station-1']), false],
    ['unitOrAncestors', at(['supervisor', 'station-1']), true],
    ['unitOrAncestors', at(['supervisor', 'county-1']), true],
    ['unitOrAncestors', at(['supervisor', 'station-2']), false],
    ['unitOrAncestors', { userId: 'u-1' }, false],
    ['unitOrAncestors', at(), false],
  ] as const)('a %s rule and an actor holding %j: may act = %s', (scope, actor, allowed) => {
    const run = signBy(scope);
    const event = { type: 'taskCompleted' as const, taskId: 'task-1', actor, data: {} };
    if (allowed) expect(() => run.send(event)).not.toThrow();
    else expect(run.reject(event).code).toBe('NOT_A_CANDIDATE');
  });

  it('refuses a vote and a review by someone outside the rule, in both languages', () => {
    const approval = drive(
      chain([
        {
          id: 'decide',
          kind: 'approval',
          name: '审批',
          approvers: [{ assignee: { type: 'role', role: 'supervisor' }, seats: 1 }],
          policy: { type: 'any' },
        },
      ]),
    );
    const rejection = approval.reject({
      type: 'approvalVoted',
      taskId: 'task-1',
      actor: at(['supervisor', 'station-9']),
      vote: 'approve',
    });
    expect(rejection).toMatchObject({
      code: 'NOT_A_CANDIDATE',
      message: { zh: expect.stringContaining('不是'), en: expect.stringContaining('neither') },
    });
    const review = drive(
      chain([
        {
          id: 'score',
          kind: 'review',
          name: '评审',
          reviewers: [{ assignee: { type: 'role', role: 'committee_member' }, seats: 1 }],
          rubric: [{ id: 'q', label: '质量', weight: 1, max: 10 }],
          resultVariable: 'score',
          completion: { type: 'all' },
        },
      ]),
    );
    expect(
      review.reject({ type: 'reviewSubmitted', taskId: 'task-1', actor: { userId: 'x' }, scores: { q: 5 } })
        .code,
    ).toBe('NOT_A_CANDIDATE');
  });
});
