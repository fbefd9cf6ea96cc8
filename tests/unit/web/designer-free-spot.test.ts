// Where a palette click puts its node: right of the selected node or in the middle of the view, moved
// to the nearest spot no node covers, preferring spots the view shows; and where pasted copies go:
// the free spot nearest their originals, keeping their layout.
import type { ProcessDefinition, ProcessNode } from '../../../workflows/engine/definition-schema';
import { freeSpot, inside, pasteShift, type Box } from '../../../web/src/designer/canvas/free-spot';
import { NODE_SIZE } from '../../../web/src/designer/store/node-kinds';

const definition = (nodes: ProcessNode[]): ProcessDefinition => ({
  key: 'free-spot',
  name: '空位',
  version: 1,
  variables: [],
  stages: [],
  eventHandlers: [],
  nodes,
  edges: [],
});
const start = { id: 'start', kind: 'start', name: '开始', position: { x: 0, y: 0 } } as const;
const task = (id: string, x: number, y: number): ProcessNode => ({
  id,
  kind: 'userTask',
  name: id,
  assignee: { type: 'starter' },
  form: [],
  position: { x, y },
});
const view: Box = { x: -400, y: -300, width: 1200, height: 800 };
const boxOf = (node: ProcessNode): Box => ({ ...node.position!, ...NODE_SIZE[node.kind] });
const apart = (a: Box, b: Box) =>
  a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

describe('free spot for a clicked palette entry', () => {
  it('takes the middle of the view when nothing is selected and the middle is free', () => {
    const spot = freeSpot(definition([start]), 'userTask', view);
    // The view's centre (200, 100) less half the task's 180 × 64, on the 16 px grid.
    expect(spot).toEqual({ position: { x: 112, y: 64 }, visible: true });
  });

  it('places right of the selected node, its middle level with the selected one', () => {
    const spot = freeSpot(definition([start]), 'userTask', view, 'start');
    // 120 wide start + 80 apart = 200, on the 16 px grid 208; (48 − 64) / 2 = −8 rounds to 0.
    expect(spot).toEqual({ position: { x: 208, y: 0 }, visible: true });
  });

  it('never stacks: each click in turn lands apart from every node placed before', () => {
    let nodes: ProcessNode[] = [start];
    for (let n = 1; n <= 12; n += 1) {
      const spot = freeSpot(definition(nodes), 'userTask', view);
      const placed = task(`t${n}`, spot.position.x, spot.position.y);
      for (const other of nodes) expect(apart(boxOf(placed), boxOf(other))).toBe(true);
      expect(spot.visible).toBe(true);
      nodes = [...nodes, placed];
    }
  });

  it('moves down from a taken spot right of the selected node before going elsewhere', () => {
    const taken = task('taken', 208, 0);
    const spot = freeSpot(definition([start, taken]), 'userTask', view, 'start');
    // One step down: the task's 64 px and 32 apart.
    expect(spot).toEqual({ position: { x: 208, y: 96 }, visible: true });
  });

  it('stays right of a selected node at the view’s edge and says it is out of view, for the view to follow', () => {
    const edge = task('edge', 600, 0);
    const spot = freeSpot(definition([start, edge]), 'userTask', view, 'edge');
    expect(spot).toEqual({ position: { x: 864, y: 0 }, visible: false });
    expect(inside({ ...spot.position, ...NODE_SIZE.userTask }, view)).toBe(false);
  });

  it('in the middle of a view whose centre is taken, keeps to the view', () => {
    // A small view filled in its middle: the next spot inside it, not a nearer one past its edge.
    const small: Box = { x: 0, y: 0, width: 480, height: 240 };
    const middle = task('middle', 144, 96);
    const spot = freeSpot(definition([middle]), 'userTask', small);
    expect(spot.visible).toBe(true);
    expect(apart({ ...spot.position, ...NODE_SIZE.userTask }, boxOf(middle))).toBe(true);
  });
});

describe('free spot for pasted copies', () => {
  it('puts the copy of one node one step below it when that is free', () => {
    const original = task('original', 208, 0);
    // The task's 64 px and 32 apart: 96 down, not 40 px over the original.
    expect(pasteShift(definition([start, original]), [original])).toEqual({ x: 0, y: 96 });
  });

  it('moves a group of copies as one, keeping its layout, past nodes in the way', () => {
    const first = task('first', 0, 100);
    const second = task('second', 300, 160);
    const blocker = task('blocker', 150, 260);
    const shift = pasteShift(definition([first, second, blocker]), [first, second]);
    const copies = [first, second].map((node) => ({
      ...boxOf(node),
      x: node.position!.x + shift.x,
      y: node.position!.y + shift.y,
    }));
    for (const copy of copies)
      for (const other of [first, second, blocker]) expect(apart(copy, boxOf(other))).toBe(true);
  });

  it('never stacks: paste after paste of a group lands apart from everything drawn', () => {
    const group = [task('a', 0, 0), task('b', 240, 48)];
    let nodes: ProcessNode[] = [...group];
    for (let n = 1; n <= 10; n += 1) {
      const shift = pasteShift(definition(nodes), group);
      const copies = group.map((node) =>
        task(`${node.id}${n}`, node.position!.x + shift.x, node.position!.y + shift.y),
      );
      for (const copy of copies)
        for (const other of nodes) expect(apart(boxOf(copy), boxOf(other))).toBe(true);
      expect(copies[1]!.position!.x - copies[0]!.position!.x).toBe(240);
      expect(copies[1]!.position!.y - copies[0]!.position!.y).toBe(48);
      nodes = [...nodes, ...copies];
    }
  });
});
