// The validator evaluates each condition over typed samples and reports one that fails for all.
import { builtInDefinitions } from '../../../workflows/definitions';
import { validateDefinition } from '../../../workflows/engine';

/** start -> fill (form) -> gateway (`condition` or default) -> end, with the given variables. */
type Raw = {
  nodes: Array<Record<string, unknown>>;
  edges: Array<Record<string, unknown>>;
  [key: string]: unknown;
};

function withCondition(condition: string, extra: Record<string, unknown> = {}): Raw {
  return {
    key: 'samples',
    name: '示例',
    variables: [
      { name: 'amount', type: 'number' },
      { name: 'title', type: 'string', required: true },
      { name: 'tags', type: 'list', default: [] },
      { name: 'extra', type: 'object' },
    ],
    nodes: [
      { id: 'start', kind: 'start', name: '开始' },
      {
        id: 'fill',
        kind: 'userTask',
        name: '填写',
        assignee: { type: 'starter' },
        form: [
          { name: 'approved', label: '同意', type: 'boolean' },
          { name: 'level', label: '等级', type: 'select', options: ['高', '低'] },
        ],
      },
      {
        id: 'decide',
        kind: 'userTask',
        name: '决定',
        assignee: { type: 'starter' },
        formVariable: 'decision',
        form: [{ name: 'upheld', label: '成立', type: 'boolean' }],
      },
      { id: 'choose', kind: 'gateway', name: '选择' },
      { id: 'end', kind: 'end', name: '结束' },
    ],
    edges: [
      { id: 'a', from: 'start', to: 'fill' },
      { id: 'b', from: 'fill', to: 'decide' },
      { id: 'c', from: 'decide', to: 'choose' },
      { id: 'cond', from: 'choose', to: 'end', condition },
      { id: 'dflt', from: 'choose', to: 'end', default: true },
    ],
    ...extra,
  };
}

const alwaysFails = (raw: unknown) =>
  validateDefinition(raw).problems.filter((problem) => problem.code === 'FEEL_ALWAYS_FAILS');

describe('conditions evaluated over typed samples', () => {
  it('reports a condition that throws for every value, with its edge and both languages', () => {
    expect(alwaysFails(withCondition('amount >> 10'))).toEqual([
      {
        code: 'FEEL_ALWAYS_FAILS',
        edgeId: 'cond',
        message: {
          zh: expect.stringContaining('amount >> 10'),
          en: expect.stringMatching(
            /^condition fails for every sample value .*amount >> 10 \(unsupported range/,
          ),
        },
      },
    ]);
  });

  it.each([
    ['string length() of a number', 'string length(amount) > 2'],
    ['a property of a number', 'amount.total > 1'],
    ['arithmetic on a boolean form field', 'approved + 1 > 2'],
    ['arithmetic on a field of a form stored under one variable', 'decision.upheld + 1 > 1'],
    ['a number where a condition belongs', 'amount'],
  ])('reports %s, which never gives a boolean', (_, condition) => {
    expect(alwaysFails(withCondition(condition))).toHaveLength(1);
  });

  it.each([
    ['an optional number', 'amount >= 60'],
    ['a guarded optional number', 'amount != null and amount > 5'],
    ['a select field against one of its options', 'level = "高"'],
    ['a boolean form field', 'approved = true'],
    ['a form stored under one variable', 'decision.upheld = true'],
    ['a list function', 'count(tags) > 0'],
    ['an untyped object that may have the property', 'extra.score > 3'],
    ['the clock', 'today() > date("2024-01-01")'],
  ])('accepts a condition over %s', (_, condition) => {
    expect(alwaysFails(withCondition(condition))).toEqual([]);
  });

  it('varies each variable on its own when all combinations would be too many', () => {
    const variables = ['a', 'b', 'c', 'd', 'e'].map((name) => ({ name, type: 'number' }));
    expect(alwaysFails(withCondition('a + b + c + d + e > 3', { variables }))).toEqual([]);
    expect(alwaysFails(withCondition('a + b + c + d + e > 3 and e = 100', { variables }))).toEqual([]);
    expect(alwaysFails(withCondition('string length(a) + b + c + d + e > 3', { variables }))).toHaveLength(1);
  });

  it('checks cycle-timer until conditions and handler conditions too, where they belong', () => {
    const raw = withCondition('approved = true', {
      eventHandlers: [
        { id: 'h1', event: 'stop', target: 'end', interrupting: true, condition: 'payload.level >> 2' },
        { id: 'h2', event: 'pause', target: 'end', condition: 'payload.level > amount' },
      ],
    });
    raw.nodes.splice(1, 0, {
      id: 'tick',
      kind: 'timer',
      name: '每月',
      timer: { type: 'cycle', cycle: 'R/P1M', until: 'string length(amount) > 2' },
    });
    raw.edges[0] = { id: 'a', from: 'start', to: 'tick' };
    raw.edges.push(
      { id: 't1', from: 'tick', to: 'tick' },
      { id: 't2', from: 'tick', to: 'fill', outcome: 'done' },
    );
    expect(alwaysFails(raw).map((problem) => problem.nodeId)).toEqual(['tick', 'end']);
  });

  it.each(Object.entries(builtInDefinitions))('finds nothing in the built-in %s', (_, def) => {
    expect(alwaysFails(def)).toEqual([]);
  });
});
