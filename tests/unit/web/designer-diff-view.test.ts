// The version diff view: the engine's structural diff marks nodes and edges added, changed or
// removed; the canvas shows the newer graph with removed elements put back at their old positions;
// the versions compared by default; compact value texts.
import { diffDefinitions } from '../../../workflows/engine/definition-diff';
import type { ProcessDefinition } from '../../../workflows/engine/definition-schema';
import {
  defaultComparison,
  diffMarksOf,
  formatDiffValue,
  mergeRemoved,
} from '../../../web/src/designer/history/diff-view';

const older: ProcessDefinition = {
  key: 'volunteers',
  name: '社区志愿服务项目',
  version: 1,
  variables: [],
  stages: [],
  eventHandlers: [],
  nodes: [
    { id: 'start', kind: 'start', name: '开始', position: { x: 0, y: 0 } },
    { id: 'check', kind: 'gateway', name: '预算判断', position: { x: 200, y: 40 } },
    { id: 'end', kind: 'end', name: '结束', terminate: false, position: { x: 400, y: 0 } },
  ],
  edges: [
    { id: 'start-check', from: 'start', to: 'check' },
    { id: 'check-end', from: 'check', to: 'end' },
  ],
};

const newer: ProcessDefinition = {
  ...older,
  nodes: [
    { id: 'start', kind: 'start', name: '开始', position: { x: 0, y: 0 } },
    { id: 'end', kind: 'end', name: '完成', terminate: false, position: { x: 400, y: 0 } },
    {
      id: 'wait',
      kind: 'timer',
      name: '等待',
      timer: { type: 'duration', duration: 'P1D' },
      position: { x: 200, y: 120 },
    },
  ],
  edges: [
    { id: 'start-wait', from: 'start', to: 'wait' },
    { id: 'wait-end', from: 'wait', to: 'end' },
  ],
};

describe('version diff view', () => {
  const marks = diffMarksOf(diffDefinitions(older, newer));

  it('marks nodes and edges by how the diff found them, leaving unchanged ones out', () => {
    expect(Object.fromEntries(marks.nodes)).toEqual({ check: 'removed', end: 'changed', wait: 'added' });
    expect(Object.fromEntries(marks.edges)).toEqual({
      'start-check': 'removed',
      'check-end': 'removed',
      'start-wait': 'added',
      'wait-end': 'added',
    });
  });

  it('ignores definition-level and handler changes', () => {
    const renamed = diffMarksOf(diffDefinitions(older, { ...older, name: '新名称' }));
    expect([renamed.nodes.size, renamed.edges.size]).toEqual([0, 0]);
  });

  it('puts removed nodes back at their old positions and removed edges between shown nodes', () => {
    const shown = mergeRemoved(newer, older, marks);
    expect(shown.nodes.map((node) => node.id)).toEqual(['start', 'end', 'wait', 'check']);
    expect(shown.nodes.find((node) => node.id === 'check')?.position).toEqual({ x: 200, y: 40 });
    expect(shown.edges.map((edge) => edge.id)).toEqual([
      'start-wait',
      'wait-end',
      'start-check',
      'check-end',
    ]);
    // The newer graph itself is left as it was.
    expect(newer.nodes).toHaveLength(3);
  });

  it('leaves out a removed edge whose end is not on the canvas', () => {
    const onlyEdge = { nodes: new Map(), edges: new Map([['check-end', 'removed' as const]]) };
    expect(mergeRemoved(newer, older, onlyEdge).edges.map((edge) => edge.id)).toEqual([
      'start-wait',
      'wait-end',
    ]);
  });

  const draft = (version: number) => ({ version, status: 'draft' as const });
  const published = (version: number) => ({ version, status: 'published' as const });
  it.each([
    [
      'the draft against the latest published',
      [draft(3), published(2), published(1)],
      { from: 2, to: 'draft' },
    ],
    ['the latest published against the one before', [published(2), published(1)], { from: 1, to: 2 }],
    ['nothing with one published version', [published(1)], null],
    ['nothing with only a draft', [draft(1)], null],
  ])('compares by default %s', (_, versions, expected) => {
    expect(defaultComparison(versions)).toEqual(expected);
  });

  it.each([
    [undefined, '—'],
    ['准备材料', '准备材料'],
    [3, '3'],
    [{ type: 'quorum', n: 2 }, '{"type":"quorum","n":2}'],
    ['x'.repeat(80), `${'x'.repeat(59)}…`],
  ])('shows %p compactly as %p', (value, text) => {
    expect(formatDiffValue(value)).toBe(text);
  });
});
