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
import type { ProcessDefinition, ProcessEdge, ProcessNode } from '../workflows/engine/definition-schema';
import { findIssues } from '../web/src/designer/definition-issues';
import { toFlowNodes, type FlowNode } from '../web/src/designer/flow-adapter';
import { layoutDefinition } from '../web/src/designer/layout';
import { createDesignerStore } from '../web/src/designer/store/designer-store';

const repeats = Number(process.env.BENCH_REPEATS ?? 25);
const BLOCKS = 50;

/**
 * 50 blocks of six nodes (task with a budget field → approval → [reject: end] → gateway on the budget
 * → timer or action → next block) between one start and one end: 302 nodes, every kind of check the
 * validator makes (forms, outcomes, FEEL conditions with their samples, reachability, loops).
 */
function definitionOf300Nodes(): ProcessDefinition {
  const nodes: ProcessNode[] = [{ id: 'start', kind: 'start', name: '开始', position: { x: 0, y: 0 } }];
  const edges: ProcessEdge[] = [];
  const at = (n: number) => ({ x: n * 220, y: (n % 3) * 120 });
  let previous = ['start'];
  for (let block = 0; block < BLOCKS; block += 1) {
    const id = (name: string) => `${name}_${block}`;
    nodes.push(
      {
        id: id('task'),
        kind: 'userTask',
        name: `填报 ${block}`,
        assignee: { type: 'role', role: 'officer', scope: 'unit' },
        form: [
          { name: `budget_${block}`, label: '预算', type: 'number', required: true, min: 0 },
          { name: `plan_${block}`, label: '计划', type: 'textarea', required: false },
        ],
        due: '5WD',
        position: at(block * 6),
      },
      {
        id: id('approval'),
        kind: 'approval',
        name: `审批 ${block}`,
        approvers: [{ assignee: { type: 'role', role: 'supervisor', scope: 'unitOrAncestors' }, seats: 3 }],
        policy: { type: 'quorum', n: 2 },
        position: at(block * 6 + 1),
      },
      {
        id: id('rejected'),
        kind: 'end',
        name: `未通过 ${block}`,
        terminate: false,
        outcome: 'rejected',
        position: at(block * 6 + 2),
      },
      { id: id('choose'), kind: 'gateway', name: `预算判断 ${block}`, position: at(block * 6 + 3) },
      {
        id: id('wait'),
        kind: 'timer',
        name: `等待 ${block}`,
        timer: { type: 'duration', duration: 'P7D' },
        position: at(block * 6 + 4),
      },
      {
        id: id('note'),
        kind: 'action',
        name: `记录 ${block}`,
        action: 'setVariables',
        params: { values: { [`checked_${block}`]: true } },
        position: at(block * 6 + 5),
      },
    );
    for (const from of previous) edges.push({ id: `${from}-${id('task')}`, from, to: id('task') });
    edges.push(
      { id: id('e1'), from: id('task'), to: id('approval') },
      { id: id('e2'), from: id('approval'), to: id('choose'), outcome: 'approve' },
      { id: id('e3'), from: id('approval'), to: id('rejected'), outcome: 'reject' },
      { id: id('e4'), from: id('choose'), to: id('wait'), condition: `budget_${block} > 10000` },
      { id: id('e5'), from: id('choose'), to: id('note'), default: true },
    );
    previous = [id('wait'), id('note')];
  }
  nodes.push({ id: 'end', kind: 'end', name: '结束', terminate: false, position: at(BLOCKS * 6) });
  for (const from of previous) edges.push({ id: `${from}-end`, from, to: 'end' });
  return {
    key: 'bench-300',
    name: '三百节点',
    version: 1,
    variables: [],
    stages: [],
    eventHandlers: [],
    nodes,
    edges,
  };
}

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
