// The process panel's pure parts: stage ids made safely from names, removing a stage together with
// the nodes' claims to it (one undoable step), and the validator's problems about handlers,
// variables and stages tied to the process item they concern, so the issues panel can open it.
import type { ProcessDefinition } from '../../../workflows/engine/definition-schema';
import { validateDefinition } from '../../../workflows/engine/validate-definition';
import { findIssues } from '../../../web/src/designer/definition-issues';
import { itemAtPath } from '../../../web/src/designer/process/process-items';
import { createDesignerStore } from '../../../web/src/designer/store/designer-store';
import {
  moveItem,
  newHandler,
  stageIdFor,
  stageNodeCounts,
  variableNameProblem,
} from '../../../web/src/designer/store/process-edits';

const ELEMENT_ID = /^[A-Za-z0-9_.-]+$/;

const withTask = (): ProcessDefinition => ({
  key: 'elderly-visits',
  name: '为老探访项目',
  version: 1,
  variables: [],
  stages: [
    { id: 'assess', name: '项目预估' },
    { id: 'plan', name: '项目计划' },
  ],
  eventHandlers: [],
  nodes: [
    { id: 'start', kind: 'start', name: '开始', position: { x: 0, y: 0 } },
    {
      id: 'survey',
      kind: 'userTask',
      name: '需求调研',
      stage: 'assess',
      assignee: { type: 'role', role: 'officer', scope: 'unit' },
      form: [],
      position: { x: 200, y: 0 },
    },
    { id: 'end', kind: 'end', name: '结束', terminate: false, stage: 'assess', position: { x: 400, y: 0 } },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'survey' },
    { id: 'e2', from: 'survey', to: 'end' },
  ],
});

describe('stage ids', () => {
  it.each([
    ['Plan 2', [], 'plan-2'],
    ['  Needs assessment  ', [], 'needs-assessment'],
    ['项目预估', [], 'stage'],
    ['项目预估', ['stage'], 'stage_1'],
    ['项目预估', ['stage', 'stage_1'], 'stage_2'],
    ['Plan', ['plan'], 'plan_1'],
    ['Évaluation', [], 'evaluation'],
    ['...', [], 'stage'],
    ['a'.repeat(50), [], 'a'.repeat(32)],
  ])('names %j (taken %j) %s', (name, taken, id) => {
    expect(stageIdFor(name, new Set(taken))).toBe(id);
  });

  it('always gives an element id no other stage has', () => {
    const taken = new Set<string>();
    for (const name of ['计划', 'Plan', 'plan', '-x-', 'A b/c', '计划', 'x'.repeat(40)]) {
      const id = stageIdFor(name, taken);
      expect(id).toMatch(ELEMENT_ID);
      expect(taken.has(id)).toBe(false);
      taken.add(id);
    }
  });
});

describe('process lists', () => {
  it('moves an item within a list', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
  });

  it('counts the nodes of each stage', () => {
    expect(stageNodeCounts(withTask())).toEqual(new Map([['assess', 2]]));
  });

  it.each([
    ['budget', undefined],
    ['_total2', undefined],
    ['2budget', 'format'],
    ['total budget', 'format'],
    ['', 'format'],
    ['visits', 'taken'],
    // FEEL keywords: a condition would read the keyword, never the variable.
    ['in', 'keyword'],
    ['true', 'keyword'],
    ['satisfies', 'keyword'],
    ['inside', undefined],
  ])('judges the variable name %j: %s', (name, problem) => {
    expect(variableNameProblem(name, [{ name: 'visits', type: 'integer', required: false }])).toBe(problem);
  });

  it('gives a new handler an id and an event name no other handler has', () => {
    const first = newHandler([]);
    const second = newHandler([first]);
    expect([first.id, first.event, second.id, second.event]).toEqual([
      'handler_1',
      'event_1',
      'handler_2',
      'event_2',
    ]);
  });
});

describe('removing a stage in the store', () => {
  it('clears the stage from the nodes in it, and one undo brings both back', () => {
    const store = createDesignerStore(withTask());
    store.getState().removeStage('assess');
    const after = store.getState().definition;
    expect(after.stages.map((stage) => stage.id)).toEqual(['plan']);
    expect(after.nodes.map((node) => node.stage)).toEqual([undefined, undefined, undefined]);
    expect(after.nodes.every((node) => !('stage' in node))).toBe(true);
    expect(validateDefinition(after).ok).toBe(true);
    store.getState().undo();
    expect(store.getState().definition).toEqual(withTask());
    store.getState().redo();
    expect(store.getState().definition).toEqual(after);
  });

  it('merges a run of keystrokes in one process field into one step', () => {
    const store = createDesignerStore(withTask());
    const { patchDefinition } = store.getState();
    let stages = store.getState().definition.stages;
    for (const name of ['项', '项目', '项目策划']) {
      stages = stages.map((stage) => (stage.id === 'plan' ? { ...stage, name } : stage));
      patchDefinition({ stages }, 'stage-plan-name');
    }
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().definition.stages[1]?.name).toBe('项目计划');
  });
});

describe('asking for a process item', () => {
  it('clears the selection and asks anew each time; selecting something ends the ask', () => {
    const store = createDesignerStore(withTask());
    store.getState().select(['survey'], []);
    store.getState().openProcessItem({ section: 'eventHandlers', index: 0 });
    expect(store.getState()).toMatchObject({
      selectedNodeIds: [],
      processFocus: { section: 'eventHandlers', index: 0, request: 1 },
    });
    store.getState().openProcessItem({ section: 'eventHandlers', index: 0 });
    expect(store.getState().processFocus?.request).toBe(2);
    store.getState().select(['end'], []);
    expect(store.getState().processFocus).toBeNull();
  });
});

describe('problems about process items', () => {
  it.each([
    [['eventHandlers', 2, 'event'], { section: 'eventHandlers', index: 2 }],
    [['variables', 0, 'name'], { section: 'variables', index: 0 }],
    [['stages', 1], { section: 'stages', index: 1 }],
    [['starterRoles', 0], { section: 'starterRoles' }],
    [['nodes', 0, 'name'], undefined],
    [['name'], undefined],
  ])('maps the schema path %j to %j', (path, item) => {
    expect(itemAtPath(path)).toEqual(item);
  });

  it('ties a handler without an event name (a schema problem) to that handler', () => {
    const definition = withTask();
    definition.eventHandlers = [
      { id: 'left', event: 'talent.leftField', interrupting: false },
      { id: 'moved', event: '', interrupting: false },
    ];
    const issues = findIssues(definition);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'SCHEMA_INVALID', item: { section: 'eventHandlers', index: 1 } }),
    ]);
  });

  it('ties a handler aimed at a missing node, and its FEEL problems, to that handler', () => {
    const definition = withTask();
    definition.eventHandlers = [
      { id: 'left', event: 'talent.leftField', interrupting: false, target: 'survey' },
      {
        id: 'moved',
        event: 'talent.moved',
        interrupting: true,
        target: 'ghost',
        condition: 'payload.x > nobody',
      },
    ];
    const issues = findIssues(definition);
    expect(issues.map((issue) => [issue.code, issue.item])).toEqual([
      ['HANDLER_TARGET_UNKNOWN', { section: 'eventHandlers', index: 1 }],
      ['FEEL_UNKNOWN_VARIABLE', { section: 'eventHandlers', index: 1 }],
    ]);
  });

  it('ties a bad variable name and an unnamed stage to their items', () => {
    const definition = withTask();
    definition.variables = [
      { name: 'budget', type: 'number', required: false },
      { name: 'total budget', type: 'number', required: false },
    ];
    definition.stages = [...definition.stages, { id: 'implement', name: '' }];
    expect(findIssues(definition).map((issue) => issue.item)).toEqual([
      { section: 'variables', index: 1 },
      { section: 'stages', index: 2 },
    ]);
  });
});
