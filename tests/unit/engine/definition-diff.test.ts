import fc from 'fast-check';
import { projectLifecycle } from '../../../workflows/definitions';
import { contentHash, diffDefinitions, type ProcessDefinition } from '../../../workflows/engine';

/** A deep copy to edit freely (definitions are plain JSON). */
const copy = (): ProcessDefinition => structuredClone(projectLifecycle);
const node = (def: ProcessDefinition, id: string) => def.nodes.find((n) => n.id === id)!;

describe('definition diff', () => {
  it('names the changed property of a form field by its path, the field matched by name', () => {
    const after = copy();
    const assess = node(after, 'assess');
    if (assess.kind !== 'userTask') throw new Error('assess is a task');
    assess.form[2]!.required = false;
    expect(diffDefinitions(projectLifecycle, after)).toEqual([
      {
        target: 'node',
        id: 'assess',
        change: 'changed',
        label: '项目预估（需求评估）',
        properties: [{ path: 'form[2].required', before: true, after: false }],
      },
    ]);
  });

  it('matches form fields by name, so inserting one reports only the new field', () => {
    const after = copy();
    const assess = node(after, 'assess');
    if (assess.kind !== 'userTask') throw new Error('assess is a task');
    const budget = { name: 'budget', label: '预算', type: 'number' as const, required: true };
    assess.form.splice(0, 0, budget);
    expect(diffDefinitions(projectLifecycle, after)[0]!.properties).toEqual([
      { path: 'form[0]', after: budget },
    ]);
  });

  it('matches rubric criteria by id and reports a removed one at its old position', () => {
    const after = copy();
    const evaluate = node(after, 'evaluate');
    if (evaluate.kind !== 'review') throw new Error('evaluate is a review');
    const [removed] = evaluate.rubric.splice(1, 1);
    evaluate.rubric[0]!.weight = 55;
    expect(diffDefinitions(projectLifecycle, after)[0]!.properties).toEqual([
      { path: 'rubric[1]', before: removed },
      { path: 'rubric[0].weight', before: 30, after: 55 },
    ]);
  });

  it('reports an assignee rule’s change by its property path', () => {
    const after = copy();
    const assess = node(after, 'assess');
    if (assess.kind !== 'userTask') throw new Error('assess is a task');
    assess.assignee = { type: 'role', role: 'officer', scope: 'unit' };
    expect(diffDefinitions(projectLifecycle, after)[0]!.properties).toEqual([
      { path: 'assignee.type', before: 'starter', after: 'role' },
      { path: 'assignee.role', after: 'officer' },
      { path: 'assignee.scope', after: 'unit' },
    ]);
  });

  it('reports added and removed nodes, edges and handlers with their labels', () => {
    const after = copy();
    after.nodes = after.nodes.filter((n) => n.id !== 'practiceCase');
    after.nodes.push({ id: 'notify', kind: 'gateway', name: '通知分支' });
    after.edges = after.edges.slice(1);
    after.edges.push({ id: 'e-new', from: 'start', to: 'notify', label: '新连线' });
    after.eventHandlers = [];
    const changes = diffDefinitions(projectLifecycle, after).map(({ target, id, change, label }) => ({
      target,
      id,
      change,
      label,
    }));
    expect(changes).toEqual([
      {
        target: 'node',
        id: 'practiceCase',
        change: 'removed',
        label: node(projectLifecycle, 'practiceCase').name,
      },
      { target: 'node', id: 'notify', change: 'added', label: '通知分支' },
      { target: 'edge', id: 'e1-start-assess', change: 'removed', label: undefined },
      { target: 'edge', id: 'e-new', change: 'added', label: '新连线' },
      { target: 'handler', id: 'onProjectTerminated', change: 'removed', label: '项目终止' },
    ]);
  });

  it('reports definition-level properties: the name, a variable by name, the order of nodes', () => {
    const after = copy();
    after.name = '新名称';
    after.variables[1]!.required = true;
    after.nodes.reverse();
    const [definition, ...rest] = diffDefinitions(projectLifecycle, after);
    expect(rest).toEqual([]);
    expect(definition).toMatchObject({ target: 'definition', id: 'project-lifecycle', change: 'changed' });
    expect(definition!.properties).toEqual([
      { path: 'name', before: projectLifecycle.name, after: '新名称' },
      { path: 'variables[1].required', before: false, after: true },
      {
        path: 'nodes',
        before: projectLifecycle.nodes.map((n) => n.id),
        after: projectLifecycle.nodes.map((n) => n.id).reverse(),
      },
    ]);
  });

  it('sees no change in moved boxes or the $schema reference, as the content hash does not', () => {
    const after = copy();
    for (const n of after.nodes) n.position = { x: 1, y: 2 };
    after.$schema = 'https://example.org/schema.json';
    expect(diffDefinitions(projectLifecycle, after)).toEqual([]);
    expect(contentHash(after)).toBe(contentHash(projectLifecycle));
  });

  it('compares drafts that do not parse: duplicate node ids fall back to positions', () => {
    const before = { key: 'draft', nodes: [{ id: 'a' }, { id: 'a', name: 'x' }], edges: [] };
    const after = { key: 'draft', nodes: [{ id: 'a' }, { id: 'a', name: 'y' }], edges: [] };
    expect(diffDefinitions(before, after)).toEqual([
      {
        target: 'node',
        id: 'a',
        change: 'changed',
        label: 'y',
        properties: [{ path: 'name', before: 'x', after: 'y' }],
      },
    ]);
  });
});

/** Every path into the definition's nodes, edges, handlers, variables and stages (not the lists themselves). */
function pathsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [path];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [path, ...entries.flatMap(([key, inner]) => pathsOf(inner, [...path, key]))];
}

type Edit =
  | { kind: 'set'; at: number; value: fc.JsonValue }
  | { kind: 'delete'; at: number }
  | { kind: 'swap'; at: number; i: number; j: number };

/** Applies one edit somewhere inside the definition, keeping its top-level lists lists. */
function edited(def: ProcessDefinition, edit: Edit): ProcessDefinition {
  const result = structuredClone(def) as unknown as Record<string, unknown>;
  // Whole nodes stay objects: the content hash spreads a node to drop its position, and is only
  // defined for nodes that are objects.
  const paths = pathsOf(result).filter((p) => p.length >= 3 || (p.length === 2 && p[0] !== 'nodes'));
  const path = paths[edit.at % paths.length]!;
  const parent = path
    .slice(0, -1)
    .reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], result);
  const last = path[path.length - 1]!;
  const holder = parent as Record<string | number, unknown>;
  if (edit.kind === 'set') holder[last] = edit.value;
  else if (edit.kind === 'delete' && !Array.isArray(parent)) delete holder[last];
  else if (edit.kind === 'swap' && Array.isArray(parent) && parent.length > 0) {
    const i = edit.i % parent.length;
    const j = edit.j % parent.length;
    [parent[i], parent[j]] = [parent[j], parent[i]];
  }
  return result as unknown as ProcessDefinition;
}

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), i: fc.nat(), j: fc.nat() }),
);

describe('definition diff properties', () => {
  it('a definition compared with itself has no changes, after any edits', () => {
    fc.assert(
      fc.property(fc.array(editArb, { maxLength: 4 }), (edits) => {
        const def = edits.reduce(edited, projectLifecycle);
        expect(diffDefinitions(def, structuredClone(def))).toEqual([]);
      }),
    );
  });

  it('two definitions differ exactly when their content hashes differ', () => {
    fc.assert(
      // The second is the first edited further: no edits, or edits the hash ignores, must diff empty.
      fc.property(
        fc.array(editArb, { maxLength: 3 }),
        fc.array(editArb, { maxLength: 2 }),
        (first, further) => {
          const a = first.reduce(edited, projectLifecycle);
          const b = further.reduce(edited, a);
          expect(diffDefinitions(a, b).length === 0).toBe(contentHash(a) === contentHash(b));
        },
      ),
      { numRuns: 300 },
    );
  });
});
