// `npx tsx bench/designer-validate-bench.ts`: what the designer pays per edit on a 300-node
// definition, in Node on this machine (the browser runs the same code; the issue's target for
// validation is ≤ 50 ms per change):
//   validate     findIssues (the engine's validateDefinition, plus the designer's node mapping) after
//                one content edit through the store (a node renamed); the designer runs it at most
//                once a frame after content edits, never on moves.
//   move step    one drag frame through the store and the React Flow adapter (positions of one node,
//                flow nodes rebuilt with every untouched node reused).
//   layout       elkjs's layered layout of the whole graph (toolbar button, or opening an import).
//   baseline     JSON.stringify of the same definition: a fixed amount of work over the same data,
//                so a slow or busy machine shows as a slow baseline too.
// Each figure is the median of BENCH_REPEATS runs (default 25) after three warm-up runs.
import { cpus, loadavg } from 'node:os';
import { findIssues } from '../web/src/designer/definition-issues';
import { toFlowNodes, type FlowNode } from '../web/src/designer/flow-adapter';
import { layoutDefinition } from '../web/src/designer/layout';
import { createDesignerStore } from '../web/src/designer/store/designer-store';
import { definitionOf300Nodes } from './designer-300-nodes';

const repeats = Number(process.env.BENCH_REPEATS ?? 25);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function time(run: (round: number) => unknown): Promise<number> {
  for (let round = 0; round < 3; round += 1) await run(-1 - round);
  const samples: number[] = [];
  for (let round = 0; round < repeats; round += 1) {
    const started = performance.now();
    await run(round);
    samples.push(performance.now() - started);
  }
  return median(samples);
}

async function main() {
  const definition = definitionOf300Nodes();
  const store = createDesignerStore(definition);
  const initialIssues = findIssues(definition);
  const validate = await time((round) => {
    const node = store.getState().definition.nodes[1];
    if (!node) throw new Error('no node');
    store.getState().updateNode(node.id, { ...node, name: `填报 ${round}` });
    return findIssues(store.getState().definition);
  });
  let flowNodes = new Map<string, FlowNode>();
  const marks = { selected: new Set<string>(), problems: new Map<string, number>() };
  toFlowNodes(store.getState().definition, marks).forEach((node) => flowNodes.set(node.id, node));
  const move = await time((round) => {
    store.getState().moveNodes(new Map([['approval_7', { x: 1000 + round, y: round }]]));
    const next = toFlowNodes(store.getState().definition, marks, flowNodes);
    flowNodes = new Map(next.map((node) => [node.id, node]));
  });
  const layout = await time(() => layoutDefinition(definition));
  const baseline = await time(() => JSON.stringify(store.getState().definition));
  const ms = (value: number) => `${value.toFixed(2).padStart(8)} ms`;
  console.log(
    [
      `designer on ${definition.nodes.length} nodes, ${definition.edges.length} edges (${initialIssues.length} problems); median of ${repeats}`,
      `  validate per change ${ms(validate)}   (target ≤ 50 ms)`,
      `  move step           ${ms(move)}`,
      `  layout (elkjs)      ${ms(layout)}`,
      `  baseline (JSON)     ${ms(baseline)}`,
      `  machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load ${loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')}`,
    ].join('\n'),
  );
}

void main();
