// The pure rules behind the designer's node panels: which nodes a task may offer as 退回 targets (the
// task nodes the work can have passed through, from the graph), name → FEEL lists edited in place,
// the child's required inputs still unmapped, and rating bands that must descend.
import type { ProcessDefinition, ProcessNode } from '../../../workflows/engine/definition-schema';
import { renameEntry, unmappedRequired, withoutEntry } from '../../../web/src/designer/panels/feel-mapping';
import { firstBandOutOfOrder } from '../../../web/src/designer/panels/rating-bands';
import { earlierTaskNodes } from '../../../web/src/designer/store/earlier-task-nodes';

const task = (id: string): ProcessNode => ({
  id,
  kind: 'userTask',
  name: id,
  assignee: { type: 'starter' },
  form: [],
});

/**
 * start → intake → gate ─┬→ visit → approve ─→ end
 *                         └→ auto (action) ──↗      approve ─return→ intake
 * plus a review after the end's path that nothing reaches from intake's side: late → end.
 */
const graph: Pick<ProcessDefinition, 'nodes' | 'edges'> = {
  nodes: [
    { id: 'start', kind: 'start', name: 'start' },
    task('intake'),
    { id: 'gate', kind: 'gateway', name: 'gate' },
    task('visit'),
    { id: 'auto', kind: 'action', name: 'auto', action: 'setVariables', params: {} },
    {
      id: 'approve',
      kind: 'approval',
      name: 'approve',
      approvers: [{ assignee: { type: 'starter' }, seats: 1 }],
      policy: { type: 'any' },
    },
    task('orphan'),
    { id: 'end', kind: 'end', name: 'end', terminate: false },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'intake' },
    { id: 'e2', from: 'intake', to: 'gate' },
    { id: 'e3', from: 'gate', to: 'visit', default: true },
    { id: 'e4', from: 'gate', to: 'auto', condition: 'x > 1' },
    { id: 'e5', from: 'visit', to: 'approve' },
    { id: 'e6', from: 'auto', to: 'approve' },
    { id: 'e7', from: 'approve', to: 'end', outcome: 'approve' },
    { id: 'e8', from: 'approve', to: 'intake', outcome: 'return' },
    { id: 'e9', from: 'orphan', to: 'end' },
  ],
};

const ids = (nodes: ProcessNode[]) => nodes.map((node) => node.id);

describe('earlier task nodes (退回 targets offered)', () => {
  it('offers the task nodes with a path to the node, through gateways and actions, not the node itself', () => {
    expect(ids(earlierTaskNodes(graph, 'visit'))).toEqual(['intake', 'approve']);
    expect(ids(earlierTaskNodes(graph, 'approve'))).toEqual(['intake', 'visit']);
  });

  it('offers nothing later and nothing unconnected: the first task has only the loop back to it', () => {
    expect(ids(earlierTaskNodes(graph, 'intake'))).toEqual(['visit', 'approve']);
    const noLoop = { ...graph, edges: graph.edges.filter((edge) => edge.id !== 'e8') };
    expect(ids(earlierTaskNodes(noLoop, 'intake'))).toEqual([]);
    expect(ids(earlierTaskNodes(noLoop, 'visit'))).toEqual(['intake']);
  });

  it('leaves out nodes of other kinds and nodes on another branch', () => {
    const before = ids(earlierTaskNodes(graph, 'end'));
    expect(before).toEqual(['intake', 'visit', 'approve', 'orphan']);
    expect(ids(earlierTaskNodes(graph, 'auto'))).toEqual(['intake', 'visit', 'approve']);
    expect(ids(earlierTaskNodes(graph, 'orphan'))).toEqual([]);
  });
});

describe('name → FEEL mappings', () => {
  const mapping = { first: 'a', second: 'b', third: 'c' };

  it('renames an entry in its place and removes one', () => {
    expect(Object.entries(renameEntry(mapping, 'second', 'middle'))).toEqual([
      ['first', 'a'],
      ['middle', 'b'],
      ['third', 'c'],
    ]);
    expect(withoutEntry(mapping, 'first')).toEqual({ second: 'b', third: 'c' });
  });

  it("names the child's required variables not mapped yet, in the child's order", () => {
    const declared = [
      { name: 'personName', required: true },
      { name: 'note', required: false },
      { name: 'unitId', required: true },
      { name: 'budget' },
    ];
    expect(unmappedRequired(declared, {})).toEqual(['personName', 'unitId']);
    expect(unmappedRequired(declared, { unitId: 'unit' })).toEqual(['personName']);
    expect(unmappedRequired(declared, { personName: 'name', unitId: 'unit' })).toEqual([]);
  });
});

describe('rating bands', () => {
  it('accepts descending mins and names the first band that does not descend', () => {
    expect(firstBandOutOfOrder([])).toBeUndefined();
    expect(
      firstBandOutOfOrder([
        { min: 90, rating: '优秀' },
        { min: 75, rating: '良好' },
        { min: 0, rating: '合格' },
      ]),
    ).toBeUndefined();
    expect(
      firstBandOutOfOrder([
        { min: 90, rating: '优秀' },
        { min: 60, rating: '合格' },
        { min: 75, rating: '良好' },
      ]),
    ).toBe(2);
    expect(
      firstBandOutOfOrder([
        { min: 80, rating: '优秀' },
        { min: 80, rating: '良好' },
      ]),
    ).toBe(1);
  });
});
