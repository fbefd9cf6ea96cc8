// Where a node clicked in from the palette goes: right of the selected node (so clicking kind after
// kind builds a chain), or the middle of the view; then the nearest spot, on a grid of node-sized
// steps around it, where it overlaps no node, preferring spots inside the view. Clicked nodes used to
// land all on the view's centre, one on top of the other. Pasted copies go the same way, as a group,
// from where their originals are.
import type {
  NodeKind,
  ProcessDefinition,
  ProcessNode,
} from '../../../../workflows/engine/definition-schema.js';
import { NODE_SIZE } from '../store/node-kinds.js';

export type Point = { x: number; y: number };
export type Box = Point & { width: number; height: number };

/** Room for an edge and its label between the selected node and the new one. */
const AFTER_SELECTED = 80;
/** Steps between candidate spots: a node's size plus this, so neighbours never touch. */
const STEP_GAP = 32;
/** The least space kept around the new node's box. */
const CLEARANCE = 16;
/** The canvas's snap grid: placed nodes line up with dragged ones. */
const GRID = 16;
/** How many steps out from the preferred spot are tried (13 × 13 candidates). */
const RINGS = 6;

// `+ 0` turns Math.round's −0 into 0, which a stored position should not carry.
const snap = (value: number) => Math.round(value / GRID) * GRID + 0;
const snapUp = (value: number) => Math.ceil(value / GRID) * GRID;

/** `box` lies wholly inside `view`. */
export function inside(box: Box, view: Box): boolean {
  return (
    box.x >= view.x &&
    box.y >= view.y &&
    box.x + box.width <= view.x + view.width &&
    box.y + box.height <= view.y + view.height
  );
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width + CLEARANCE &&
  b.x < a.x + a.width + CLEARANCE &&
  a.y < b.y + b.height + CLEARANCE &&
  b.y < a.y + a.height + CLEARANCE;

/** The boxes of the definition's placed nodes (a node without a position is laid out elsewhere). */
function nodeBoxes(definition: ProcessDefinition): Box[] {
  return definition.nodes.flatMap((node) =>
    node.position ? [{ ...node.position, ...NODE_SIZE[node.kind] }] : [],
  );
}

/**
 * The nearest top-left corner to `preferred`, on a grid of steps the group's size apart, where no box
 * of `group` (relative to that corner) overlaps a `taken` one. `shows`: when given, a corner it
 * accepts is taken before a nearer one it does not.
 */
function nearestFree(
  taken: readonly Box[],
  group: readonly Box[],
  preferred: Point,
  shows?: (group: Box[]) => boolean,
): Point {
  const width = Math.max(...group.map((box) => box.x + box.width));
  const height = Math.max(...group.map((box) => box.y + box.height));
  const origin = { x: snap(preferred.x), y: snap(preferred.y) };
  const step = { x: snapUp(width + STEP_GAP), y: snapUp(height + STEP_GAP) };
  const offsets: Point[] = [];
  for (let i = -RINGS; i <= RINGS; i += 1)
    for (let j = -RINGS; j <= RINGS; j += 1) offsets.push({ x: i, y: j });
  // Nearest first; at equal distance below before above, then right before left.
  offsets.sort(
    (a, b) =>
      Math.hypot(a.x * step.x, a.y * step.y) - Math.hypot(b.x * step.x, b.y * step.y) ||
      b.y - a.y ||
      b.x - a.x,
  );
  let fallback: Point | undefined;
  for (const offset of offsets) {
    const corner = { x: origin.x + offset.x * step.x, y: origin.y + offset.y * step.y };
    const boxes = group.map((box) => ({ ...box, x: corner.x + box.x, y: corner.y + box.y }));
    if (boxes.some((box) => taken.some((other) => overlaps(box, other)))) continue;
    if (!shows || shows(boxes)) return corner;
    fallback ??= corner;
  }
  // Crowded beyond the rings: the preferred spot, on top of others, rather than nowhere.
  return fallback ?? origin;
}

/**
 * The top-left corner for a new `kind` node, and whether its box is inside `view` (all in flow
 * coordinates). `selectedId`: the one selected node, which the new node goes right of.
 */
export function freeSpot(
  definition: ProcessDefinition,
  kind: NodeKind,
  view: Box,
  selectedId?: string,
): { position: Point; visible: boolean } {
  const size = NODE_SIZE[kind];
  const selected = definition.nodes.find((node) => node.id === selectedId);
  const besideSelected = selected?.position && {
    x: selected.position.x + NODE_SIZE[selected.kind].width + AFTER_SELECTED,
    y: selected.position.y + (NODE_SIZE[selected.kind].height - size.height) / 2,
  };
  const preferred = besideSelected ?? {
    x: view.x + (view.width - size.width) / 2,
    y: view.y + (view.height - size.height) / 2,
  };
  // Beside the selected node the nearest free spot wins even out of view (the view then follows it);
  // in the view's middle a spot inside the view is taken before a nearer one outside it.
  const shows = besideSelected ? undefined : ([box]: Box[]) => box !== undefined && inside(box, view);
  const position = nearestFree(nodeBoxes(definition), [{ x: 0, y: 0, ...size }], preferred, shows);
  return { position, visible: inside({ ...position, ...size }, view) };
}

/**
 * How far to shift copies of `copied` so that, keeping their layout, they land on the free spot
 * nearest the copied nodes, as a palette click's node does. The view plays no part: the copies go
 * next to the originals, which the admin has just selected. (Copies used to land 40 px off, over
 * the originals.)
 */
export function pasteShift(definition: ProcessDefinition, copied: readonly ProcessNode[]): Point {
  const boxes = copied.map((node) => ({ ...(node.position ?? { x: 0, y: 0 }), ...NODE_SIZE[node.kind] }));
  const corner = { x: Math.min(...boxes.map((box) => box.x)), y: Math.min(...boxes.map((box) => box.y)) };
  const group = boxes.map((box) => ({ ...box, x: box.x - corner.x, y: box.y - corner.y }));
  const position = nearestFree(nodeBoxes(definition), group, corner);
  return { x: position.x - corner.x, y: position.y - corner.y };
}
