import { validateDefinition } from '../../../workflows/engine';

type Raw = {
  nodes: Array<Record<string, unknown>>;
  edges: Array<Record<string, unknown>>;
  [key: string]: unknown;
};

/** A small valid process: start -> task -> gateway -> (approve | end). */
function base(): Raw {
  return {
    key: 'base',
    name: '基础流程',
    variables: [{ name: 'score', type: 'number', default: 0 }],
    nodes: [
      { id: 'start', kind: 'start', name: '开始' },
      {
        id: 'task',
        kind: 'userTask',
        name: '填写',
        assignee: { type: 'starter' },
        form: [{ name: 'note', label: '备注', type: 'text' }],
      },
      { id: 'choose', kind: 'gateway', name: '选择' },
      {
        id: 'ok',
        kind: 'approval',
        name: '审批',
        approvers: [{ assignee: { type: 'role', role: 'supervisor' } }],
      },
      { id: 'end', kind: 'end', name: '结束' },
    ],
    edges: [
      { id: 'e1', from: 'start', to: 'task' },
      { id: 'e2', from: 'task', to: 'choose' },
      { id: 'e3', from: 'choose', to: 'ok', condition: 'score > 60' },
      { id: 'e4', from: 'choose', to: 'end', default: true },
      { id: 'e5', from: 'ok', to: 'end', outcome: 'approve' },
      { id: 'e6', from: 'ok', to: 'task', outcome: 'reject' },
    ],
  };
}

const node = (def: Raw, id: string) =>
  def.nodes.find((candidate) => candidate.id === id) as Record<string, unknown>;
const edge = (def: Raw, id: string) =>
  def.edges.find((candidate) => candidate.id === id) as Record<string, unknown>;
const parallel = (def: Raw) => {
  def.nodes.push(
    { id: 'split', kind: 'parallel', name: '分支' },
    { id: 'a', kind: 'userTask', name: 'A', assignee: { type: 'starter' } },
    { id: 'b', kind: 'userTask', name: 'B', assignee: { type: 'starter' } },
    { id: 'join', kind: 'parallel', name: '汇聚' },
  );
  edge(def, 'e4').to = 'split';
  def.edges.push(
    { id: 'p1', from: 'split', to: 'a' },
    { id: 'p2', from: 'split', to: 'b' },
    { id: 'p3', from: 'a', to: 'join' },
    { id: 'p4', from: 'b', to: 'join' },
    { id: 'p5', from: 'join', to: 'end' },
  );
};

describe('definition validator', () => {
  it('accepts the base definition', () => {
    expect(validateDefinition(base())).toEqual({ ok: true, problems: [] });
  });

  it('accepts a well-formed parallel split and join', () => {
    const def = base();
    parallel(def);
    expect(validateDefinition(def).problems).toEqual([]);
  });

  it.each<[string, (def: Raw) => void, string, string | undefined]>([
    [
      'a node kind it does not know',
      (def) => def.nodes.push({ id: 'x', kind: 'magic', name: 'x' }),
      'SCHEMA_INVALID',
      undefined,
    ],
    [
      'two start nodes',
      (def) => {
        def.nodes.push({ id: 'start2', kind: 'start', name: '开始2' });
        def.edges.push({ id: 'e9', from: 'start2', to: 'task' });
      },
      'START_COUNT',
      undefined,
    ],
    [
      'no start node',
      (def) => {
        def.nodes.splice(0, 1);
        def.edges.splice(0, 1);
      },
      'START_COUNT',
      undefined,
    ],
    [
      'no end node',
      (def) => {
        node(def, 'end').kind = 'userTask';
        node(def, 'end').assignee = { type: 'starter' };
      },
      'NO_END',
      undefined,
    ],
    [
      'a duplicate node id',
      (def) => def.nodes.push({ id: 'task', kind: 'end', name: '重复' }),
      'DUPLICATE_NODE_ID',
      'task',
    ],
    [
      'a duplicate edge id',
      (def) => def.edges.push({ id: 'e1', from: 'start', to: 'task' }),
      'DUPLICATE_EDGE_ID',
      'e1',
    ],
    [
      'an edge to a missing node',
      (def) => def.edges.push({ id: 'e9', from: 'task', to: 'ghost' }),
      'DANGLING_EDGE',
      'e9',
    ],
    [
      'an unreachable node',
      (def) => def.nodes.push({ id: 'island', kind: 'end', name: '孤岛' }),
      'UNREACHABLE_NODE',
      'island',
    ],
    [
      'a node that cannot reach an end',
      (def) => {
        def.nodes.push(
          { id: 'dead', kind: 'userTask', name: '死路', assignee: { type: 'starter' } },
          { id: 'dead2', kind: 'timer', name: '死路2', timer: { type: 'duration', duration: 'P1D' } },
        );
        def.edges.push(
          { id: 'e9', from: 'choose', to: 'dead', condition: 'score > 90' },
          { id: 'e10', from: 'dead', to: 'dead2' },
        );
      },
      'CANNOT_REACH_END',
      'dead',
    ],
    [
      'a loop with no way out',
      (def) => {
        def.nodes.push(
          { id: 'l1', kind: 'userTask', name: '循环1', assignee: { type: 'starter' } },
          { id: 'l2', kind: 'userTask', name: '循环2', assignee: { type: 'starter' } },
        );
        def.edges.push(
          { id: 'e9', from: 'choose', to: 'l1', condition: 'score > 90' },
          { id: 'e10', from: 'l1', to: 'l2' },
          { id: 'e11', from: 'l2', to: 'l1' },
        );
      },
      'LOOP_WITHOUT_EXIT',
      'l1',
    ],
    [
      'a gateway without a default edge',
      (def) => {
        delete edge(def, 'e4').default;
        edge(def, 'e4').condition = 'score <= 60';
      },
      'GATEWAY_DEFAULT_MISSING',
      'choose',
    ],
    [
      'a gateway edge without a condition',
      (def) => def.edges.push({ id: 'e9', from: 'choose', to: 'end' }),
      'GATEWAY_CONDITION_MISSING',
      'e9',
    ],
    [
      'a condition outside a gateway',
      (def) => {
        edge(def, 'e2').condition = 'true';
      },
      'CONDITION_OUTSIDE_GATEWAY',
      'e2',
    ],
    [
      'FEEL that does not parse',
      (def) => {
        edge(def, 'e3').condition = 'score >';
      },
      'FEEL_SYNTAX',
      'e3',
    ],
    [
      'FEEL naming an unknown variable',
      (def) => {
        edge(def, 'e3').condition = 'scroe > 60';
      },
      'FEEL_UNKNOWN_VARIABLE',
      'e3',
    ],
    [
      'an unmatched parallel split',
      (def) => {
        parallel(def);
        edge(def, 'p4').to = 'end';
      },
      'PARALLEL_UNMATCHED',
      'split',
    ],
    [
      'a join without a split',
      (def) => {
        def.nodes.push({ id: 'join', kind: 'parallel', name: '汇聚' });
        edge(def, 'e4').to = 'join';
        edge(def, 'e5').to = 'join';
        def.edges.push({ id: 'e9', from: 'join', to: 'end' });
      },
      'PARALLEL_UNMATCHED',
      'join',
    ],
    [
      'a parallel node that neither splits nor joins',
      (def) => {
        def.nodes.push({ id: 'p', kind: 'parallel', name: '并行' });
        edge(def, 'e1').to = 'p';
        def.edges.push({ id: 'e9', from: 'p', to: 'task' });
      },
      'PARALLEL_SHAPE',
      'p',
    ],
    [
      'a timer with an invalid duration',
      (def) => {
        def.nodes.push({
          id: 'wait',
          kind: 'timer',
          name: '等待',
          timer: { type: 'duration', duration: '14 days' },
        });
        edge(def, 'e1').to = 'wait';
        def.edges.push({ id: 'e9', from: 'wait', to: 'task' });
      },
      'TIMER_INVALID',
      'wait',
    ],
    [
      'a timer with an invalid cycle',
      (def) => {
        def.nodes.push({
          id: 'wait',
          kind: 'timer',
          name: '等待',
          timer: { type: 'cycle', cycle: 'R0/P1Y' },
        });
        edge(def, 'e1').to = 'wait';
        def.edges.push(
          { id: 'e9', from: 'wait', to: 'task' },
          { id: 'e10', from: 'wait', to: 'end', outcome: 'done' },
        );
      },
      'TIMER_INVALID',
      'wait',
    ],
    [
      'a cycle timer without a done edge',
      (def) => {
        def.nodes.push({
          id: 'wait',
          kind: 'timer',
          name: '等待',
          timer: { type: 'cycle', cycle: 'R2/P1M' },
        });
        edge(def, 'e1').to = 'wait';
        def.edges.push({ id: 'e9', from: 'wait', to: 'task' });
      },
      'OUTCOME_EDGE_MISSING',
      'wait',
    ],
    [
      'an invalid due duration',
      (def) => {
        node(def, 'task').due = 'P1X';
      },
      'DURATION_INVALID',
      'task',
    ],
    [
      'a form with duplicate field names',
      (def) => {
        (node(def, 'task').form as unknown[]).push({ name: 'note', label: '备注2', type: 'text' });
      },
      'FORM_DUPLICATE_FIELD',
      'task',
    ],
    [
      'a select field without options',
      (def) => {
        (node(def, 'task').form as unknown[]).push({ name: 'pick', label: '选择', type: 'select' });
      },
      'FORM_FIELD_INVALID',
      'task',
    ],
    [
      'an unknown action',
      (def) => {
        def.nodes.push({ id: 'act', kind: 'action', name: '动作', action: 'launchRocket' });
        edge(def, 'e1').to = 'act';
        def.edges.push({ id: 'e9', from: 'act', to: 'task' });
      },
      'UNKNOWN_ACTION',
      'act',
    ],
    [
      'action parameters its schema refuses',
      (def) => {
        def.nodes.push({
          id: 'act',
          kind: 'action',
          name: '动作',
          action: 'payAllowance',
          params: { talentId: 'T', termYear: 'twelve' },
        });
        edge(def, 'e1').to = 'act';
        def.edges.push({ id: 'e9', from: 'act', to: 'task' });
      },
      'ACTION_PARAMS_INVALID',
      'act',
    ],
    [
      'an approval without a reject edge',
      (def) => {
        def.edges.splice(5, 1);
      },
      'OUTCOME_EDGE_MISSING',
      'ok',
    ],
    [
      'an outcome the node kind does not have',
      (def) => {
        edge(def, 'e2').outcome = 'approve';
      },
      'OUTCOME_INVALID',
      'e2',
    ],
    [
      'a quorum larger than the seats',
      (def) => {
        node(def, 'ok').policy = { type: 'quorum', n: 3 };
      },
      'SEATS_INSUFFICIENT',
      'ok',
    ],
    [
      'two plain edges out of a task',
      (def) => def.edges.push({ id: 'e9', from: 'task', to: 'end' }),
      'TOO_MANY_OUTGOING',
      'task',
    ],
    [
      'an event handler aimed at a missing node',
      (def) => {
        def.eventHandlers = [{ id: 'h', event: 'x', target: 'ghost' }];
      },
      'HANDLER_TARGET_UNKNOWN',
      'ghost',
    ],
    [
      'a review reading an undeclared subjects list',
      (def) => {
        def.nodes.push({
          id: 'rev',
          kind: 'review',
          name: '评审',
          reviewers: [{ assignee: { type: 'starter' } }],
          rubric: [{ id: 'q', label: '质量', weight: 1 }],
          subjectsVariable: 'nobody',
          resultVariable: 'scores',
        });
        edge(def, 'e1').to = 'rev';
        def.edges.push({ id: 'e9', from: 'rev', to: 'task' });
      },
      'VARIABLE_UNKNOWN',
      'rev',
    ],
    [
      'an event payload select field without options',
      (def) => {
        def.eventHandlers = [
          { id: 'h', event: 'x', target: 'task', payload: [{ name: 'kind', label: '类别', type: 'select' }] },
        ];
      },
      'FORM_FIELD_INVALID',
      'task',
    ],
    [
      'an event payload field declared twice',
      (def) => {
        const note = { name: 'note', label: '说明', type: 'text' };
        def.eventHandlers = [{ id: 'h', event: 'x', target: 'task', payload: [note, note] }];
      },
      'FORM_DUPLICATE_FIELD',
      'task',
    ],
    [
      'an event payload file field',
      (def) => {
        def.eventHandlers = [
          { id: 'h', event: 'x', target: 'task', payload: [{ name: 'scan', label: '扫描件', type: 'file' }] },
        ];
      },
      'FORM_FIELD_INVALID',
      'task',
    ],
    [
      'two handlers of one event declaring different payloads',
      (def) => {
        def.eventHandlers = [
          { id: 'h1', event: 'x', payload: [{ name: 'a', label: 'A', type: 'text' }] },
          { id: 'h2', event: 'x', target: 'task', payload: [{ name: 'a', label: 'A', type: 'number' }] },
        ];
      },
      'EVENT_PAYLOAD_CONFLICT',
      'task',
    ],
  ])('reports %s', (_what, mutate, code, id) => {
    const def = base();
    mutate(def);
    const result = validateDefinition(def);
    expect(result.ok).toBe(false);
    const match = result.problems.find((problem) => problem.code === code);
    expect(match).toBeDefined();
    if (id !== undefined) expect([match?.nodeId, match?.edgeId]).toContain(id);
    expect(match?.message.zh).toMatch(/\S/);
    expect(match?.message.en).toMatch(/\S/);
  });

  it('accepts handlers of one event declaring the same payload, or only one of them declaring it', () => {
    const def = base();
    const payload = [{ name: 'score', label: '分数', type: 'number', required: true, min: 0 }];
    def.eventHandlers = [
      { id: 'h1', event: 'x', payload, setVariables: { score: 'payload.score' } },
      { id: 'h2', event: 'x', target: 'task', payload },
      { id: 'h3', event: 'x' },
    ];
    expect(validateDefinition(def)).toEqual({ ok: true, problems: [] });
  });

  it('reports every problem at once', () => {
    const def = base();
    edge(def, 'e3').condition = 'scroe > 60';
    (node(def, 'task').form as unknown[]).push({ name: 'note', label: '备注2', type: 'text' });
    def.nodes.push({ id: 'island', kind: 'end', name: '孤岛' });
    expect(
      validateDefinition(def)
        .problems.map((problem) => problem.code)
        .sort(),
    ).toEqual(['FEEL_UNKNOWN_VARIABLE', 'FORM_DUPLICATE_FIELD', 'UNREACHABLE_NODE']);
  });

  it('knows variables written by forms, outputs and handlers, and names bound inside FEEL', () => {
    const def = base();
    edge(def, 'e3').condition = 'note != null and some x in [1, 2] satisfies x > score';
    expect(validateDefinition(def).ok).toBe(true);
  });
});
