// Where a node clicked in from the palette goes: right of the selected node (so clicking kind after
// kind builds a chain), or the middle of the view; then the nearest spot, on a grid of node-sized
// steps around it, where it overlaps no node, preferring spots inside the view. Clicked nodes used to
// land all on the view's centre, one on top of the other.
import type { NodeKind, ProcessDefinition } from '../../../../workflows/engine/definition-schema.js';
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
  const origin = { x: snap(preferred.x), y: snap(preferred.y) };
  const step = { x: snapUp(size.width + STEP_GAP), y: snapUp(size.height + STEP_GAP) };
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
  const taken = nodeBoxes(definition);
  // Beside the selected node the nearest free spot wins even out of view (the view then follows it);
  // in the view's middle a spot inside the view is taken before a nearer one outside it.
  const mustShow = preferred !== besideSelected;
  let fallback: Point | undefined;
  for (const offset of offsets) {
    const box = { x: origin.x + offset.x * step.x, y: origin.y + offset.y * step.y, ...size };
    if (taken.some((other) => overlaps(box, other))) continue;
    const visible = inside(box, view);
    if (visible || !mustShow) return { position: { x: box.x, y: box.y }, visible };
    fallback ??= { x: box.x, y: box.y };
  }
  // Crowded beyond the rings: the preferred spot, on top of others, rather than nowhere.
  const position = fallback ?? origin;
  return { position, visible: inside({ ...position, ...size }, view) };
}
