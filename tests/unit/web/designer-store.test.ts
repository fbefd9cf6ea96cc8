// The designer's editor store: every edit is one undoable step, a drag is one step however many
// frames it moves, paste gives fresh ids and keeps only the edges inside the copy, and the canvas's
// connection rules refuse what the engine could never run.
import type { ProcessDefinition } from '../../../workflows/engine/definition-schema';
import { validateDefinition } from '../../../workflows/engine/validate-definition';
import { firstFreeName } from '../../../web/src/designer/store/clipboard';
import { createDesignerStore, HISTORY_LIMIT } from '../../../web/src/designer/store/designer-store';

const empty = (): ProcessDefinition => ({
  key: 'community-volunteers',
  name: '社区志愿服务项目',
  version: 1,
  variables: [],
  stages: [],
  eventHandlers: [],
  nodes: [
    { id: 'start', kind: 'start', name: '开始', position: { x: 0, y: 0 } },
    { id: 'end', kind: 'end', name: '结束', terminate: false, position: { x: 600, y: 0 } },
  ],
  edges: [{ id: 'start-end', from: 'start', to: 'end' }],
});

/** The copies' names as the Chinese interface gives them. */
const zhCopies = (name: string, n: number) => (n === 1 ? `${name}（副本）` : `${name}（副本 ${n}）`);

const ids = (store: ReturnType<typeof createDesignerStore>) => ({
  nodes: store.getState().definition.nodes.map((node) => node.id),
  edges: store.getState().definition.edges.map((edge) => `${edge.from}->${edge.to}`),
});

describe('designer store', () => {
  it('undoes and redoes adding, connecting, editing and deleting, one step each', () => {
    const store = createDesignerStore(empty());
    const { addNode, connect, deleteElements } = store.getState();
    const task = addNode('userTask', '需求调研', { x: 200, y: 0 });
    expect(connect('start', task)).toEqual({ ok: true });
    const node = store.getState().definition.nodes.find((candidate) => candidate.id === task);
    if (node?.kind !== 'userTask') throw new Error('no task');
    store.getState().updateNode(task, { ...node, name: '入户调研' });
    deleteElements([], ['start-end']);
    const states = [
      { nodes: ['start', 'end', 'userTask_1'], edges: ['start->end', 'start->userTask_1'] },
      { nodes: ['start', 'end', 'userTask_1'], edges: ['start->end', 'start->userTask_1'] },
      { nodes: ['start', 'end', 'userTask_1'], edges: ['start->end'] },
      { nodes: ['start', 'end'], edges: ['start->end'] },
    ];
    expect(ids(store)).toEqual({ nodes: ['start', 'end', 'userTask_1'], edges: ['start->userTask_1'] });
    for (const expected of states) {
      store.getState().undo();
      expect(ids(store)).toEqual(expected);
    }
    store.getState().undo(); // nothing left: no change
    expect(ids(store)).toEqual(states[3]);
    for (const _step of [1, 2, 3]) store.getState().redo();
    expect(store.getState().definition.nodes[2]?.name).toBe('入户调研');
    store.getState().redo();
    expect(ids(store).edges).toEqual(['start->userTask_1']);
  });

  it('records a drag of many frames as one step, and a nudge outside a drag as its own', () => {
    const store = createDesignerStore(empty());
    store.getState().beginMove();
    for (let x = 1; x <= 30; x += 1) store.getState().moveNodes(new Map([['end', { x: 600 + x, y: x }]]));
    store.getState().endMove();
    expect(store.getState().past).toHaveLength(1);
    store.getState().moveNodes(new Map([['start', { x: 5, y: 5 }]]));
    expect(store.getState().past).toHaveLength(2);
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().definition.nodes.map((node) => node.position)).toEqual([
      { x: 0, y: 0 },
      { x: 600, y: 0 },
    ]);
  });

  it('leaves validation alone on moves but not on content edits', () => {
    const store = createDesignerStore(empty());
    const before = store.getState().contentRevision;
    store.getState().moveNodes(new Map([['end', { x: 1, y: 1 }]]));
    expect(store.getState().contentRevision).toBe(before);
    store.getState().addNode('timer', '等待', { x: 0, y: 0 });
    expect(store.getState().contentRevision).toBe(before + 1);
  });

  it('makes one step of a run of keystrokes in one field, and a new step in another field', () => {
    const store = createDesignerStore(empty());
    const rename = (name: string, field: string) => {
      const end = store.getState().definition.nodes[1];
      if (!end) throw new Error('no end');
      store.getState().updateNode('end', { ...end, name }, field);
    };
    for (const name of ['结', '结束', '结束了']) rename(name, 'end.name');
    rename('完成', 'end.outcome');
    expect(store.getState().past).toHaveLength(2);
    store.getState().undo();
    expect(store.getState().definition.nodes[1]?.name).toBe('结束了');
    store.getState().undo();
    expect(store.getState().definition.nodes[1]?.name).toBe('结束');
    expect(store.getState().past).toHaveLength(0);
  });

  it('clears the redo stack on a new edit and keeps at most the history limit', () => {
    const store = createDesignerStore(empty());
    store.getState().addNode('gateway', '判断', { x: 0, y: 0 });
    store.getState().undo();
    store.getState().addNode('timer', '等待', { x: 0, y: 0 });
    expect(store.getState().future).toHaveLength(0);
    for (let n = 0; n < HISTORY_LIMIT + 20; n += 1)
      store.getState().moveNodes(new Map([['end', { x: n, y: n }]]));
    expect(store.getState().past).toHaveLength(HISTORY_LIMIT);
  });

  it('pastes copies under fresh ids with the edges between them and none to the outside', () => {
    const store = createDesignerStore(empty());
    const { addNode, connect } = store.getState();
    const task = addNode('userTask', '填报', { x: 200, y: 0 });
    const approval = addNode('approval', '审批', { x: 400, y: 0 });
    connect('start', task);
    connect(task, approval);
    connect(approval, 'end');
    const taskNode = store.getState().definition.nodes.find((node) => node.id === task);
    if (taskNode?.kind !== 'userTask') throw new Error('no task');
    store.getState().updateNode(task, { ...taskNode, returnTo: [approval] });
    store.getState().select([task, approval], []);
    store.getState().copy();
    store.getState().paste(zhCopies);
    const { definition, selectedNodeIds } = store.getState();
    expect(selectedNodeIds).toEqual(['userTask_2', 'approval_2']);
    const pasted = definition.nodes.filter((node) => selectedNodeIds.includes(node.id));
    // The first free spot one group-sized step below the originals (on the 16 px grid: 200 → 208),
    // side by side as they were.
    expect(pasted.map((node) => node.position)).toEqual([
      { x: 208, y: 96 },
      { x: 408, y: 96 },
    ]);
    const pastedTask = pasted[0];
    expect(pastedTask?.kind === 'userTask' && pastedTask.returnTo).toEqual(['approval_2']);
    const pastedEdges = definition.edges.filter(
      (edge) => selectedNodeIds.includes(edge.from) || selectedNodeIds.includes(edge.to),
    );
    expect(pastedEdges.map((edge) => [edge.from, edge.to, edge.outcome])).toEqual([
      ['userTask_2', 'approval_2', undefined],
    ]);
    const edgeIds = definition.edges.map((edge) => edge.id);
    expect(new Set(edgeIds).size).toBe(edgeIds.length);
    expect(pasted.map((node) => node.name)).toEqual(['填报（副本）', '审批（副本）']);
    // A second paste takes the next free spot (above, the one below being taken) and new ids and names.
    store.getState().paste(zhCopies);
    expect(store.getState().selectedNodeIds).toEqual(['userTask_3', 'approval_3']);
    expect(
      store
        .getState()
        .definition.nodes.filter((node) => store.getState().selectedNodeIds.includes(node.id))
        .map((node) => node.position),
    ).toEqual([
      { x: 208, y: -96 },
      { x: 408, y: -96 },
    ]);
    expect(
      store
        .getState()
        .definition.nodes.filter((node) => store.getState().selectedNodeIds.includes(node.id))
        .map((node) => node.name),
    ).toEqual(['填报（副本 2）', '审批（副本 2）']);
    expect(validateDefinition(store.getState().definition).problems.map((p) => p.code)).not.toContain(
      'DUPLICATE_NODE_ID',
    );
  });

  it('carries a renamed node id into its edges and into return targets', () => {
    const store = createDesignerStore(empty());
    const task = store.getState().addNode('userTask', '填报', { x: 0, y: 0 });
    const approval = store.getState().addNode('approval', '审批', { x: 0, y: 0 });
    store.getState().connect(task, approval);
    const approvalNode = store.getState().definition.nodes.find((node) => node.id === approval);
    if (approvalNode?.kind !== 'approval') throw new Error('no approval');
    store.getState().updateNode(approval, { ...approvalNode, returnTo: [task] });
    const taskNode = store.getState().definition.nodes.find((node) => node.id === task);
    if (!taskNode) throw new Error('no task');
    store.getState().select([task], []);
    store.getState().updateNode(task, { ...taskNode, id: 'fill_in' });
    const { definition, selectedNodeIds } = store.getState();
    expect(definition.edges.find((edge) => edge.to === approval)?.from).toBe('fill_in');
    const renamedApproval = definition.nodes.find((node) => node.id === approval);
    expect(renamedApproval?.kind === 'approval' && renamedApproval.returnTo).toEqual(['fill_in']);
    expect(selectedNodeIds).toEqual(['fill_in']);
  });

  it("carries a renamed node id into the event handlers' target and wait nodes", () => {
    const store = createDesignerStore({
      ...empty(),
      eventHandlers: [
        { id: 'onStop', event: 'stopped', interrupting: true, target: 'end', activeIn: ['start', 'end'] },
        { id: 'onNote', event: 'noted', interrupting: false, activeIn: ['start'] },
      ],
    });
    const end = store.getState().definition.nodes.find((node) => node.id === 'end');
    if (!end) throw new Error('no end');
    store.getState().updateNode('end', { ...end, id: 'stopped' });
    expect(store.getState().definition.eventHandlers).toEqual([
      {
        id: 'onStop',
        event: 'stopped',
        interrupting: true,
        target: 'stopped',
        activeIn: ['start', 'stopped'],
      },
      { id: 'onNote', event: 'noted', interrupting: false, activeIn: ['start'] },
    ]);
    expect(validateDefinition(store.getState().definition).problems).toEqual([]);
  });

  it('deletes a node with its edges and drops it from the selection', () => {
    const store = createDesignerStore(empty());
    const task = store.getState().addNode('userTask', '填报', { x: 0, y: 0 });
    store.getState().connect('start', task);
    store.getState().connect(task, 'end');
    store.getState().select([task], []);
    store.getState().deleteSelection();
    expect(ids(store)).toEqual({ nodes: ['start', 'end'], edges: ['start->end'] });
    expect(store.getState().selectedNodeIds).toEqual([]);
  });
});

describe('copy names', () => {
  it('names new nodes of one name apart, 审批, 审批 2, 审批 3, filling the first free number', () => {
    const store = createDesignerStore(empty());
    const names = () => store.getState().definition.nodes.map((node) => node.name);
    for (let i = 0; i < 3; i += 1) store.getState().addNode('approval', '审批', { x: 0, y: 0 });
    expect(names()).toEqual(['开始', '结束', '审批', '审批 2', '审批 3']);
    const second = store.getState().definition.nodes[3]!.id;
    store.getState().deleteElements([second], []);
    store.getState().addNode('approval', '审批', { x: 0, y: 0 });
    expect(names()).toEqual(['开始', '结束', '审批', '审批 3', '审批 2']);
  });

  it('names the first copy 「X（副本）」 and the next ones by number, skipping names in use', () => {
    expect(firstFreeName('填报', new Set(['填报']), zhCopies)).toBe('填报（副本）');
    expect(firstFreeName('填报', new Set(['填报', '填报（副本）']), zhCopies)).toBe('填报（副本 2）');
    expect(
      firstFreeName('填报', new Set(['填报（副本）', '填报（副本 2）', '填报（副本 3）']), zhCopies),
    ).toBe('填报（副本 4）');
    // A copy of a copy is a copy of that name.
    expect(firstFreeName('填报（副本）', new Set(['填报（副本）']), zhCopies)).toBe('填报（副本）（副本）');
  });
});

describe('connection rules', () => {
  const refusal = (
    from: string,
    to: string,
    prepare?: (store: ReturnType<typeof createDesignerStore>) => void,
  ) => {
    const store = createDesignerStore(empty());
    prepare?.(store);
    const verdict = store.getState().connect(from, to);
    return verdict.ok ? 'accepted' : verdict.refusal;
  };

  it.each([
    ['nothing into a start', 'end', 'start', 'intoStart'],
    ['nothing out of an end', 'end', 'userTask_1', 'outOfEnd'],
    ['no self-loop', 'userTask_1', 'userTask_1', 'selfLoop'],
    ['no duplicate edge', 'start', 'end', 'duplicate'],
    ['no edge to a node that does not exist', 'start', 'nowhere', 'unknownNode'],
  ])('%s', (_rule, from, to, expected) => {
    expect(refusal(from, to, (store) => store.getState().addNode('userTask', '任务', { x: 0, y: 0 }))).toBe(
      expected,
    );
  });

  it('names approve, reject and return in turn on edges leaving an approval, then refuses', () => {
    const store = createDesignerStore(empty());
    const approval = store.getState().addNode('approval', '审批', { x: 0, y: 0 });
    const targets = ['a', 'b', 'c', 'd'].map((name) =>
      store.getState().addNode('userTask', name, { x: 0, y: 0 }),
    );
    const verdicts = targets.map((target) => store.getState().connect(approval, target));
    expect(verdicts).toEqual([
      { ok: true, outcome: 'approve' },
      { ok: true, outcome: 'reject' },
      { ok: true, outcome: 'return' },
      { ok: false, refusal: 'outcomesUsed' },
    ]);
  });

  it("makes a gateway's first edge its default and keeps one default when another is marked", () => {
    const store = createDesignerStore(empty());
    const gateway = store.getState().addNode('gateway', '预算判断', { x: 0, y: 0 });
    const task = store.getState().addNode('userTask', '复核', { x: 0, y: 0 });
    store.getState().connect(gateway, 'end');
    store.getState().connect(gateway, task);
    const edges = () => store.getState().definition.edges.filter((edge) => edge.from === gateway);
    expect(edges().map((edge) => edge.default)).toEqual([true, undefined]);
    const second = edges()[1];
    if (!second) throw new Error('no edge');
    store.getState().updateEdge(second.id, { ...second, default: true });
    expect(edges().map((edge) => edge.default)).toEqual([undefined, true]);
  });

  it("gives a cycle timer's second edge the done outcome and an action's the error outcome", () => {
    const store = createDesignerStore(empty());
    const timer = store.getState().addNode('timer', '每年', { x: 0, y: 0 });
    const node = store.getState().definition.nodes.find((candidate) => candidate.id === timer);
    if (node?.kind !== 'timer') throw new Error('no timer');
    store.getState().updateNode(timer, { ...node, timer: { type: 'cycle', cycle: 'R4/P1Y' } });
    const action = store.getState().addNode('action', '通知', { x: 0, y: 0 });
    const task = store.getState().addNode('userTask', '年度考核', { x: 0, y: 0 });
    expect([store.getState().connect(timer, task), store.getState().connect(timer, 'end')]).toEqual([
      { ok: true },
      { ok: true, outcome: 'done' },
    ]);
    expect([store.getState().connect(action, task), store.getState().connect(action, 'end')]).toEqual([
      { ok: true },
      { ok: true, outcome: 'error' },
    ]);
  });
});
