// Assignees from the organisation: a `unitHead` rule gives the task to the head of the unit N
// levels up. Assignees chosen by people: a `variable` rule gives the task to the user id a variable holds (a
// start input, or a `user` form field (人员选择) of the step before, so its actor picks the handler).
import { initialState, step, validateDefinition } from '../../../workflows/engine';
import { ZFormField } from '../../../workflows/engine/definition-schema';
import { validateFormData } from '../../../workflows/engine/form-validation';
import { fieldProblem } from '../../../web/src/work/forms/form-rules';
import { chain, drive, effectsOf, T0 } from './drive';

const handlerField = { name: 'handler', label: '下一步办理人', type: 'user', required: true };
const pickThenHandle = chain([
  { id: 'assess', kind: 'userTask', name: '项目预估', assignee: { type: 'starter' }, form: [handlerField] },
  { id: 'handle', kind: 'userTask', name: '办理', assignee: { type: 'variable', name: 'handler' } },
  {
    id: 'approve',
    kind: 'approval',
    name: '审批',
    approvers: [{ assignee: { type: 'variable', name: 'approver' } }],
  },
]);

describe('variable assignee rule', () => {
  it("gives the next task to the person the previous step's actor chose in a user field", () => {
    const run = drive(pickThenHandle, {}, { starter: 'officer-1' });
    const effects = run.complete('assess', { handler: 'officer-2' });
    expect(effectsOf(effects, 'createTask')).toMatchObject([
      { nodeId: 'handle', assignee: { type: 'user', userId: 'officer-2' } },
    ]);
  });

  it('refuses the completion, naming the variable, when it holds nobody; nothing changes', () => {
    const optional = chain([
      {
        id: 'assess',
        kind: 'userTask',
        name: '项目预估',
        assignee: { type: 'starter' },
        form: [{ ...handlerField, required: false }],
      },
      { id: 'handle', kind: 'userTask', name: '办理', assignee: { type: 'variable', name: 'handler' } },
    ]);
    const run = drive(optional);
    const task = run.task('assess');
    const rejection = run.reject({
      type: 'taskCompleted',
      taskId: task.id,
      actor: { userId: 'officer-1' },
      data: {},
    });
    expect(rejection).toMatchObject({
      code: 'ASSIGNEE_UNRESOLVED',
      details: [{ field: 'handler' }],
    });
    expect(rejection.message.zh).toContain('下一步办理人未指定');
  });

  it('takes a start input as well, and refuses a start whose variable is not a user id', () => {
    const def = chain(
      [{ id: 'handle', kind: 'userTask', name: '办理', assignee: { type: 'variable', name: 'owner' } }],
      { variables: [{ name: 'owner', type: 'any' }] },
    );
    expect(drive(def, { owner: 'officer-3' }).task('handle').assignee).toEqual({
      type: 'user',
      userId: 'officer-3',
    });
    expect(() => drive(def, { owner: 42 })).toThrow(/ASSIGNEE_UNRESOLVED/);
  });

  it('seats an approval on the person a variable holds', () => {
    const run = drive(pickThenHandle);
    run.complete('assess', { handler: 'officer-2' });
    run.state.variables.approver = 'head-1';
    run.complete('handle');
    expect(run.task('approve').assignee).toEqual({ type: 'user', userId: 'head-1' });
  });
});

describe('user form field (人员选择)', () => {
  const field = ZFormField.parse(handlerField);
  it.each([
    ['officer-2', true],
    ['   ', false],
    ['', false],
    [42, false],
    [undefined, false],
  ])('the engine judges %j valid: %s, and the browser agrees', (value, valid) => {
    const data = value === undefined ? {} : { handler: value };
    expect(validateFormData([field], data).ok).toBe(valid);
    expect(fieldProblem(field, value) === undefined).toBe(valid);
  });
});

describe('validator', () => {
  it('refuses a variable rule naming a variable nothing provides, in Chinese and English', () => {
    const def = chain([
      { id: 'handle', kind: 'userTask', name: '办理', assignee: { type: 'variable', name: 'nobody' } },
    ]);
    const result = validateDefinition(def);
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: 'ASSIGNEE_VARIABLE_UNKNOWN',
        nodeId: 'handle',
        message: expect.objectContaining({ zh: expect.stringContaining('nobody') }),
      }),
    ]);
  });

  it('accepts one naming a user field of an earlier form or a declared variable', () => {
    const def = chain(
      [
        {
          id: 'assess',
          kind: 'userTask',
          name: '项目预估',
          assignee: { type: 'starter' },
          form: [handlerField],
        },
        { id: 'handle', kind: 'userTask', name: '办理', assignee: { type: 'variable', name: 'handler' } },
        { id: 'check', kind: 'userTask', name: '复核', assignee: { type: 'variable', name: 'checker' } },
      ],
      { variables: [{ name: 'checker', type: 'string' }] },
    );
    expect(validateDefinition(def)).toEqual({ ok: true, problems: [] });
  });
});

describe('unitHead assignee rule', () => {
  const headApproval = (levelsUp?: number) =>
    chain([
      {
        id: 'approve',
        kind: 'userTask',
        name: '负责人审批',
        assignee: { type: 'unitHead', ...(levelsUp === undefined ? {} : { levelsUp }) },
      },
    ]);
  /** A room under a station under a county centre; the room has no head. */
  const startIn = (def: ReturnType<typeof headApproval>) => {
    const result = step(
      def,
      initialState(),
      {
        type: 'started',
        input: {},
        actor: { userId: 'officer-1' },
        unitId: 'room-1',
        unitAncestors: ['station-1', 'county-1'],
        unitHeads: { 'station-1': 'zhanzhang', 'county-1': 'zhongxin' },
      },
      T0,
    );
    if (!result.ok) throw new Error(result.rejection.code);
    return Object.values(result.state.tasks)[0]!.assignee;
  };

  it.each([
    [1, { type: 'user', userId: 'zhanzhang' }],
    [2, { type: 'user', userId: 'zhongxin' }],
    [5, { type: 'user', userId: 'zhongxin' }],
  ])('levelsUp %i reaches the head of that unit (the top one beyond it)', (levelsUp, assignee) => {
    expect(startIn(headApproval(levelsUp))).toEqual(assignee);
  });

  it("gives a headless unit's task to the supervisors there or above as a role task", () => {
    expect(startIn(headApproval())).toEqual({
      type: 'role',
      role: 'supervisor',
      unitId: 'room-1',
      scope: 'unitOrAncestors',
    });
  });

  it('passes the validator and refuses a negative level', () => {
    expect(validateDefinition(headApproval(1)).ok).toBe(true);
    expect(() => headApproval(-1)).toThrow();
  });
});
