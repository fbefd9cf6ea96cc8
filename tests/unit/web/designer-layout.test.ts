// The auto-layout adapter: elkjs's layered layout gives every node a position, and along every edge
// of an acyclic graph the target sits to the right of the source.
import type { ProcessDefinition, ProcessNode } from '../../../workflows/engine/definition-schema';
import { layoutDefinition } from '../../../web/src/designer/layout';
import { NODE_SIZE } from '../../../web/src/designer/store/node-kinds';

const node = (id: string, kind: 'start' | 'end' | 'userTask' | 'gateway' | 'parallel'): ProcessNode =>
  kind === 'end'
    ? { id, kind, name: id, terminate: false }
    : kind === 'userTask'
      ? { id, kind, name: id, assignee: { type: 'starter' }, form: [] }
      : { id, kind, name: id };

const graph = (): ProcessDefinition => ({
  key: 'layout',
  name: 'layout',
  version: 1,
  variables: [],
  stages: [],
  eventHandlers: [],
  nodes: [
    node('start', 'start'),
    node('split', 'parallel'),
    node('left', 'userTask'),
    node('right', 'userTask'),
    node('join', 'parallel'),
    node('choose', 'gateway'),
    node('end', 'end'),
  ],
  edges: [
    ['start', 'split'],
    ['split', 'left'],
    ['split', 'right'],
    ['left', 'join'],
    ['right', 'join'],
    ['join', 'choose'],
    ['choose', 'end'],
  ].map(([from, to]) => ({ id: `${from}-${to}`, from: from as string, to: to as string })),
});

describe('auto-layout', () => {
  it('places every node, left to right along the edges, without overlaps', async () => {
    const definition = graph();
    const positions = await layoutDefinition(definition);
    expect([...positions.keys()].sort()).toEqual(definition.nodes.map((n) => n.id).sort());
    for (const edge of definition.edges) {
      const from = positions.get(edge.from);
      const to = positions.get(edge.to);
      const kind = definition.nodes.find((n) => n.id === edge.from)?.kind ?? 'start';
      expect(to!.x).toBeGreaterThanOrEqual(from!.x + NODE_SIZE[kind].width);
    }
    const boxes = definition.nodes.map((n) => ({ ...positions.get(n.id)!, ...NODE_SIZE[n.kind] }));
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        expect(
          a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y,
        ).toBe(true);
  });

  it('lays out a graph with a loop back and edges to missing nodes', async () => {
    const definition = graph();
    definition.edges.push(
      { id: 'back', from: 'choose', to: 'left' },
      { id: 'dangling', from: 'choose', to: 'gone' },
    );
    const positions = await layoutDefinition(definition);
    expect(positions.size).toBe(definition.nodes.length);
    expect(positions.get('end')!.x).toBeGreaterThan(positions.get('start')!.x);
  });
});
