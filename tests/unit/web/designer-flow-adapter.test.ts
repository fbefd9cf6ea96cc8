// Definition ↔ React Flow: one typed flow node per definition node with its kind's box, edges with
// their labels, unchanged nodes keep their flow objects, and the designer's issues name the node or
// edge they concern (schema problems included), so the panel can select it and the canvas badge it.
import type { NodeChange } from '@xyflow/react';
import type { ProcessDefinition } from '../../../workflows/engine/definition-schema';
import { findIssues, problemCounts } from '../../../web/src/designer/definition-issues';
import { hasLayout, positionsOf, toFlowEdges, toFlowNodes } from '../../../web/src/designer/flow-adapter';
import { moveNodes } from '../../../web/src/designer/store/definition-edits';

const definition = (): ProcessDefinition => ({
  key: 'volunteers',
  name: '社区志愿服务项目',
  version: 1,
  variables: [{ name: 'budget', type: 'number', required: false }],
  stages: [],
  eventHandlers: [],
  nodes: [
    { id: 'start', kind: 'start', name: '开始', position: { x: 0, y: 0 } },
    { id: 'choose', kind: 'gateway', name: '预算判断', position: { x: 200, y: 0 } },
    { id: 'end', kind: 'end', name: '结束', terminate: false, position: { x: 400, y: 0 } },
  ],
  edges: [
    { id: 'start-choose', from: 'start', to: 'choose' },
    { id: 'big', from: 'choose', to: 'end', condition: 'budget > 10000' },
  ],
});

const none = { selected: new Set<string>(), problems: new Map<string, number>() };

describe('flow adapter', () => {
  it('makes one flow node per node with its kind as type and its box', () => {
    const nodes = toFlowNodes(definition(), { ...none, selected: new Set(['choose']) });
    expect(nodes.map((n) => [n.id, n.type, n.selected, n.width, n.height])).toEqual([
      ['start', 'start', false, 120, 48],
      ['choose', 'gateway', true, 140, 56],
      ['end', 'end', false, 120, 48],
    ]);
  });

  it('reuses the flow node of every definition node a move did not touch', () => {
    const before = definition();
    const first = toFlowNodes(before, none);
    const after = moveNodes(before, new Map([['end', { x: 500, y: 10 }]]));
    const second = toFlowNodes(after, none, new Map(first.map((n) => [n.id, n])));
    expect(second.map((n, i) => n === first[i])).toEqual([true, true, false]);
    expect(second[2]?.position).toEqual({ x: 500, y: 10 });
  });

  it('gives every edge a closed arrowhead and routes one back to a node on its left as a back edge', () => {
    const looped = definition();
    looped.edges.push({ id: 'again', from: 'end', to: 'choose' });
    const edges = toFlowEdges(
      looped,
      none,
      () => undefined,
      (edge) => `${edge.from} → ${edge.to}`,
    );
    expect(edges.map((e) => [e.id, e.type, e.markerEnd, e.ariaLabel])).toEqual([
      ['start-choose', 'smoothstep', { type: 'arrowclosed' }, 'start → choose'],
      ['big', 'smoothstep', { type: 'arrowclosed' }, 'choose → end'],
      ['again', 'back', { type: 'arrowclosed' }, 'end → choose'],
    ]);
    // Without positions (an imported graph before its layout) nothing is known to lie left.
    const unplaced = { ...looped, nodes: looped.nodes.map(({ position: _, ...node }) => node) };
    expect(
      toFlowEdges(
        unplaced,
        none,
        () => undefined,
        () => '',
      ).map((e) => e.type),
    ).toEqual(['smoothstep', 'smoothstep', 'smoothstep']);
  });

  it('labels edges and carries their problem counts', () => {
    const edges = toFlowEdges(
      definition(),
      { ...none, problems: new Map([['big', 2]]) },
      (edge) => edge.condition,
      () => '',
    );
    expect(edges.map((e) => [e.source, e.target, e.label, e.data?.problemCount])).toEqual([
      ['start', 'choose', undefined, 0],
      ['choose', 'end', 'budget > 10000', 2],
    ]);
  });

  it('reads the positions of a batch of flow changes', () => {
    const changes: NodeChange[] = [
      { type: 'position', id: 'end', position: { x: 1, y: 2 }, dragging: true },
      { type: 'select', id: 'start', selected: true },
    ];
    expect([...positionsOf(changes)]).toEqual([['end', { x: 1, y: 2 }]]);
  });

  it('knows a graph without positions needs a layout', () => {
    const imported = definition();
    imported.nodes = imported.nodes.map(({ position: _position, ...node }) => node);
    expect([hasLayout(definition()), hasLayout(imported)]).toEqual([true, false]);
  });
});

describe('designer issues', () => {
  it('ties graph problems and schema problems to their node or edge, and reports both at once', () => {
    const broken = definition();
    // The gateway has one edge, with a condition, and no default; the end's name is blank.
    broken.nodes[2] = { id: 'end', kind: 'end', name: '', terminate: false };
    const schemaIssues = findIssues(broken);
    // The graph checks still run beside the schema problem, over the nodes that parse.
    expect(schemaIssues.map((issue) => [issue.code, issue.nodeId])).toEqual([
      ['SCHEMA_INVALID', 'end'],
      ['GATEWAY_DEFAULT_MISSING', 'choose'],
    ]);
    expect(schemaIssues[0]?.message).toEqual({
      zh: '节点「end」的名称：不能为空',
      en: 'node 「end」 name: must not be empty',
    });
    const graphIssues = findIssues(definition());
    expect(graphIssues.map((issue) => [issue.code, issue.nodeId ?? issue.edgeId])).toEqual([
      ['GATEWAY_DEFAULT_MISSING', 'choose'],
    ]);
    expect([...problemCounts(graphIssues)]).toEqual([['choose', 1]]);
    expect(graphIssues[0]?.message.zh).toContain('默认出线');
  });
});
