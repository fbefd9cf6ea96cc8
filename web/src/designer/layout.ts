// Auto-layout through elkjs: the layered algorithm, left to right, over the kinds' fixed boxes.
// elkjs's bundled build runs in the page without a worker or any fetch. It is two thirds of the
// designer's JavaScript, so it loads on the first layout (the button, or opening a graph without
// positions) rather than with the editor.
import type { ELK } from 'elkjs/lib/elk-api.js';
import type { ProcessDefinition } from '../../../workflows/engine/definition-schema.js';
import { NODE_SIZE } from './store/node-kinds.js';

type Position = { x: number; y: number };

let elk: Promise<ELK> | undefined;
const loadElk = () =>
  (elk ??= import('elkjs/lib/elk.bundled.js').then((module) => {
    // The package is CommonJS: bundlers (and jest's interop) hand its constructor to `default`,
    // while TypeScript's NodeNext reading, which the tests' type-check uses, sees the module object.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- needed under NodeNext only
    const ElkConstructor = module.default as unknown as new () => ELK;
    return new ElkConstructor();
  }));

const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': '80',
  'elk.spacing.nodeNode': '40',
  // Edges back to earlier steps (退回, loops) are common; keep the forward flow straight regardless.
  'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
};

/** A top-left position for every node of the definition; edges to unknown nodes are ignored. */
export async function layoutDefinition(definition: ProcessDefinition): Promise<Map<string, Position>> {
  const ids = new Set(definition.nodes.map((node) => node.id));
  const graph = await (
    await loadElk()
  ).layout({
    id: 'root',
    layoutOptions: LAYOUT_OPTIONS,
    children: definition.nodes.map((node) => ({ id: node.id, ...NODE_SIZE[node.kind] })),
    edges: definition.edges
      .filter((edge) => ids.has(edge.from) && ids.has(edge.to))
      .map((edge) => ({ id: edge.id, sources: [edge.from], targets: [edge.to] })),
  });
  return new Map(
    (graph.children ?? []).map((child) => [
      child.id,
      { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) },
    ]),
  );
}
