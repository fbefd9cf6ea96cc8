import fc from 'fast-check';
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

describe('schema problems', () => {
  type Expected = { zh: string; en: string; where: Record<string, unknown> };
  it.each<[string, (def: Raw) => void, Expected]>([
    [
      'an emptied output expression of a task',
      (def) => {
        node(def, 'task').outputs = { summary: '' };
      },
      {
        zh: '节点「填写」的输出「summary」：不能为空',
        en: 'node 「填写」 output “summary”: must not be empty',
        where: { nodeId: 'task', path: ['nodes', 1, 'outputs', 'summary'] },
      },
    ],
    [
      'an output without its variable name',
      (def) => {
        node(def, 'task').outputs = { '': 'summary' };
      },
      {
        zh: '节点「填写」的输出「」：变量名不能为空',
        en: 'node 「填写」 output “”: the variable name must not be empty',
        where: { nodeId: 'task', path: ['nodes', 1, 'outputs', ''] },
      },
    ],
    [
      'an output whose name starts with a digit',
      (def) => {
        node(def, 'task').outputs = { '2nd': 'summary' };
      },
      {
        zh: '节点「填写」的输出「2nd」：变量名只能用字母、数字、下划线，且不能以数字开头',
        en: 'node 「填写」 output “2nd”: a variable name takes letters, digits and underscores, and does not start with a digit',
        where: { nodeId: 'task', path: ['nodes', 1, 'outputs', '2nd'] },
      },
    ],
    [
      'an output named by a FEEL keyword',
      (def) => {
        node(def, 'task').outputs = { in: 'summary' };
      },
      {
        zh: '节点「填写」的输出「in」：变量名不能是 FEEL 关键字（如 true、and、in、if），条件无法读取这样的变量',
        en: 'node 「填写」 output “in”: a variable name must not be a FEEL keyword (such as true, and, in, if): a condition cannot read it',
        where: { nodeId: 'task', path: ['nodes', 1, 'outputs', 'in'] },
      },
    ],
    [
      'a process variable named by a FEEL keyword',
      (def) => {
        def.variables = [{ name: 'between', type: 'number' }];
      },
      {
        zh: '流程变量「between」的名称：变量名不能是 FEEL 关键字（如 true、and、in、if），条件无法读取这样的变量',
        en: 'variable 「between」 name: a variable name must not be a FEEL keyword (such as true, and, in, if): a condition cannot read it',
        where: { path: ['variables', 0, 'name'] },
      },
    ],
    [
      'an approver of an unknown role',
      (def) => {
        node(def, 'ok').approvers = [{ assignee: { type: 'role', role: 'boss' } }];
      },
      {
        zh: '节点「审批」的审批人第 1 项的办理人的角色：须为以下之一：admin、officer、supervisor、committee_member、selection_office、leading_group',
        en: 'node 「审批」 approvers 1 assignee role: Invalid option: expected one of "admin"|"officer"|"supervisor"|"committee_member"|"selection_office"|"leading_group"',
        where: { nodeId: 'ok', path: ['nodes', 3, 'approvers', 0, 'assignee', 'role'] },
      },
    ],
    [
      'a node of a kind the engine does not know',
      (def) => {
        def.nodes.push({ id: 'x', kind: 'magic', name: '魔法' });
      },
      {
        zh: '节点「魔法」的节点类型：须为以下之一：start、end、userTask、approval、review、gateway、parallel、timer、action、subprocess',
        en: "node 「魔法」 kind: Invalid discriminator value. Expected 'start' | 'end' | 'userTask' | 'approval' | 'review' | 'gateway' | 'parallel' | 'timer' | 'action' | 'subprocess'",
        where: { nodeId: 'x' },
      },
    ],
    [
      'an emptied gateway condition',
      (def) => {
        edge(def, 'e3').condition = '';
      },
      {
        zh: '连线「选择 → 审批」的条件：不能为空',
        en: 'edge 「选择 → 审批」 condition: must not be empty',
        where: { edgeId: 'e3', path: ['edges', 2, 'condition'] },
      },
    ],
    [
      'a property an edge does not have',
      (def) => {
        edge(def, 'e1').colour = 'red';
      },
      {
        zh: '连线「开始 → 填写」：不允许的字段：colour',
        en: 'edge 「开始 → 填写」: Unrecognized key: "colour"',
        where: { edgeId: 'e1', path: ['edges', 0] },
      },
    ],
    [
      'an event handler without an event name',
      (def) => {
        def.eventHandlers = [{ id: 'left', name: '离岗', event: '', target: 'task' }];
      },
      {
        zh: '事件处理「离岗」的事件：不能为空',
        en: 'event handler 「离岗」 event: must not be empty',
        where: { handlerId: 'left', path: ['eventHandlers', 0, 'event'] },
      },
    ],
    [
      'a variable of an unknown type',
      (def) => {
        def.variables = [{ name: 'budget', type: 'money' }];
      },
      {
        zh: '流程变量「budget」的类型：须为以下之一：string、number、integer、boolean、date、list、object、any',
        en: 'variable 「budget」 type: Invalid option: expected one of "string"|"number"|"integer"|"boolean"|"date"|"list"|"object"|"any"',
        where: { path: ['variables', 0, 'type'] },
      },
    ],
    [
      'a stage without a name',
      (def) => {
        def.stages = [{ id: 'plan', name: '' }];
      },
      {
        zh: '阶段「plan」的名称：不能为空',
        en: 'stage 「plan」 name: must not be empty',
        where: { path: ['stages', 0, 'name'] },
      },
    ],
    [
      'a process key that is not kebab-case',
      (def) => {
        def.key = 'Base Flow';
      },
      {
        zh: '流程的编号：格式不正确，须符合 /^[a-z][a-z0-9-]*$/',
        en: 'process key: keys are kebab-case',
        where: { path: ['key'] },
      },
    ],
  ])('words %s where it lies, in both languages', (_what, mutate, expected) => {
    const def = base();
    mutate(def);
    const schema = validateDefinition(def).problems.filter((problem) => problem.code === 'SCHEMA_INVALID');
    expect(schema).toEqual([
      expect.objectContaining({ message: { zh: expected.zh, en: expected.en }, ...expected.where }),
    ]);
  });

  it('names neither a node nor an edge for a problem of the process itself', () => {
    const [problem] = validateDefinition({ ...base(), name: '' }).problems;
    expect(problem).toEqual({
      code: 'SCHEMA_INVALID',
      path: ['name'],
      message: { zh: '流程的名称：不能为空', en: 'process name: must not be empty' },
    });
  });
});

describe('graph problems name nodes as the schema problems do', () => {
  const messagesOf = (def: Raw) => validateDefinition(def).problems.map((problem) => problem.message);

  it.each<[string, (def: Raw) => void, { zh: string; en: string }]>([
    [
      'a gateway without a default edge, by its kind and name',
      (def) => delete edge(def, 'e4').default,
      {
        zh: '条件分支「选择」须恰有一条默认出线（现有 0 条）',
        en: 'gateway 「选择」 needs exactly one default edge (found 0)',
      },
    ],
    [
      'a gateway edge without a condition, by the gateway and the edge',
      (def) => delete edge(def, 'e3').condition,
      {
        zh: '条件分支「选择」的出线「选择 → 审批」缺少条件',
        en: 'edge 「选择 → 审批」 leaving gateway 「选择」 has no condition',
      },
    ],
    [
      'an approval without its reject edge',
      (def) => def.edges.splice(def.edges.indexOf(edge(def, 'e6')), 1),
      { zh: '审批「审批」缺少“不通过”出线', en: "approval 「审批」 has no 'reject' edge" },
    ],
    [
      'a node without outgoing edges, by name and not by id',
      (def) =>
        def.nodes.push({ id: 'lonely_1', kind: 'userTask', name: '孤立任务', assignee: { type: 'starter' } }),
      { zh: '节点「孤立任务」没有出线', en: 'node 「孤立任务」 has no outgoing edge' },
    ],
    [
      'a dangling edge, by the id of the node that does not exist',
      (def) => def.edges.push({ id: 'e9', from: 'task', to: 'gone' }),
      {
        zh: '连线「填写 → gone」的终点「gone」不存在',
        en: 'edge 「填写 → gone」 ends at unknown node 「gone」',
      },
    ],
  ])('%s', (_title, change, expected) => {
    const def = base();
    change(def);
    expect(messagesOf(def)).toContainEqual(expected);
  });

  it('tells apart nodes of one kind that the canvas names apart', () => {
    const def = base();
    for (const name of ['审批 2', '审批 3'])
      def.nodes.push({ id: `x${name.at(-1)}`, kind: 'userTask', name, assignee: { type: 'starter' } });
    expect(messagesOf(def).map((message) => message.zh)).toEqual(
      expect.arrayContaining(['节点「审批 2」从开始节点不可达', '节点「审批 3」从开始节点不可达']),
    );
  });
});

describe('graph checks beside schema problems', () => {
  it('keeps checking the graph over the parts that parse', () => {
    const def = base();
    node(def, 'task').assignee = { type: 'role', role: 'boss' };
    edge(def, 'e3').condition = '';
    def.nodes.push({ id: 'island', kind: 'end', name: '孤岛' });
    def.edges.push({ id: 'e9', from: 'choose', to: 'ghost' });
    expect(
      validateDefinition(def).problems.map((problem) => [problem.code, problem.nodeId ?? problem.edgeId]),
    ).toEqual([
      ['SCHEMA_INVALID', 'task'],
      ['SCHEMA_INVALID', 'e3'],
      ['DANGLING_EDGE', 'e9'],
      ['GATEWAY_CONDITION_MISSING', 'e9'],
      ['UNREACHABLE_NODE', 'island'],
    ]);
  });

  it('reports nothing about a broken node or edge but its schema problem, nor about what it connects', () => {
    const def = base();
    // The task lost its assignee; the approve edge lost its outcome: the graph through them holds.
    delete node(def, 'task').assignee;
    edge(def, 'e5').outcome = 1;
    expect(
      validateDefinition(def).problems.map((problem) => [problem.code, problem.nodeId ?? problem.edgeId]),
    ).toEqual([
      ['SCHEMA_INVALID', 'task'],
      ['SCHEMA_INVALID', 'e5'],
    ]);
  });

  it('answers with schema problems alone when there is no list of nodes to check', () => {
    expect(
      validateDefinition({ ...base(), nodes: {} }).problems.map((problem) => problem.message.zh),
    ).toEqual(['流程的节点：类型不正确，应为数组']);
    expect(validateDefinition(null).problems.map((problem) => problem.message.en)).toEqual([
      'process: Invalid input: expected object, received null',
    ]);
  });

  /** Any value but the island's id, so that no corruption can make the island reachable. */
  const corruptValue = fc.oneof(
    fc.constant(undefined),
    fc.constant(''),
    fc.constant(null),
    fc.integer(),
    fc.boolean(),
    fc.string({ maxLength: 6 }),
    fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 4 }), fc.anything({ maxDepth: 1 }), { maxKeys: 3 }),
  );
  const corruption = fc.record({
    list: fc.constantFrom('nodes', 'edges'),
    index: fc.nat({ max: 5 }),
    property: fc.constantFrom(
      'id',
      'name',
      'kind',
      'assignee',
      'form',
      'approvers',
      'policy',
      'from',
      'to',
      'condition',
      'default',
      'outcome',
      'stray',
    ),
    value: corruptValue,
  });

  it('never throws, and reports a graph problem alongside the schema ones (property)', () => {
    fc.assert(
      fc.property(fc.array(corruption, { minLength: 1, maxLength: 4 }), (corruptions) => {
        const def = base();
        for (const { list, index, property, value } of corruptions) {
          const element = def[list][index % def[list].length] as Record<string, unknown>;
          if (value === undefined) delete element[property];
          else element[property] = value;
        }
        def.nodes.push({ id: 'island', kind: 'end', name: '孤岛' });
        const { ok, problems } = validateDefinition(def);
        expect(ok).toBe(false);
        expect(problems).toContainEqual(
          expect.objectContaining({ code: 'UNREACHABLE_NODE', nodeId: 'island' }),
        );
        for (const problem of problems) {
          expect(problem.message.zh).toMatch(/\S/);
          expect(problem.message.en).toMatch(/\S/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on any value at all (property)', () => {
    const anyDefinition = fc.oneof(
      fc.anything(),
      fc.record({ key: fc.anything(), name: fc.anything(), nodes: fc.anything(), edges: fc.anything() }),
      fc.record({
        key: fc.constant('k'),
        name: fc.constant('n'),
        nodes: fc.array(
          fc.dictionary(fc.constantFrom('id', 'kind', 'name', 'returnTo', 'cc'), fc.anything()),
        ),
        edges: fc.array(
          fc.dictionary(fc.constantFrom('id', 'from', 'to', 'outcome', 'default'), fc.anything()),
        ),
        eventHandlers: fc.array(fc.dictionary(fc.constantFrom('id', 'event', 'target'), fc.anything())),
      }),
    );
    fc.assert(
      fc.property(anyDefinition, (input) => {
        const { ok, problems } = validateDefinition(input);
        expect(ok).toBe(problems.length === 0);
      }),
      { numRuns: 500 },
    );
  });
});
