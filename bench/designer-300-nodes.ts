// The designer benchmarks' 300-node definition (bench/designer-validate-bench.ts in Node,
// bench/designer-browser-bench.ts in chromium): one generator, so both measure the same graph.
import type { ProcessDefinition, ProcessEdge, ProcessNode } from '../workflows/engine/definition-schema';

const BLOCKS = 50;

/**
 * 50 blocks of six nodes (task with a budget field → approval → [reject: end] → gateway on the budget
 * → timer or action → next block) between one start and one end: 302 nodes, every kind of check the
 * validator makes (forms, outcomes, FEEL conditions with their samples, reachability, loops).
 */
export function definitionOf300Nodes(): ProcessDefinition {
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
