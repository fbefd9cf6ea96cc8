// Sample evaluation for the validator: every condition is evaluated over typed sample values of the
// variables it reads, so that one which can never decide a route (e.g. `amount >> 10`, or `name > 5`
// over a string) is reported before it is published rather than as an incident at run time.
import type { FormField, ProcessDefinition, ScalarFormField } from './definition-schema';
import { checkFeel, evaluateCondition, withFeelClock } from './feel-conditions';

/** Values a variable may hold; `untyped` for those whose shape the definition does not say. */
export type SampleScope = Map<string, { values: unknown[]; untyped: boolean }>;

/** Loose values for untyped variables (objects, `any`, action results, event payloads). */
const UNTYPED: unknown[] = [0, 1, 'a', true, [], {}, null];
const byType = {
  string: ['', 'a', '是'],
  number: [0, 1, -1, 2.5, 100, 1_000_000],
  integer: [0, 1, -1, 5, 100],
  boolean: [true, false],
  // Date variables hold ISO text: a date or an instant.
  date: ['2025-01-01', '2025-06-30T08:00:00.000Z'],
  list: [[], [1, 2], ['a'], [{}]],
} satisfies Record<string, unknown[]>;
/** The time `now()` and `today()` answer with while the validator evaluates. */
const SAMPLE_NOW = '2025-01-01T00:00:00.000Z';
/** Above this many combinations, each variable is varied on its own instead of all together. */
const MAX_COMBINATIONS = 256;

function fieldSamples(field: FormField | ScalarFormField): unknown[] {
  const bounds = [field.min, field.max].filter((bound): bound is number => bound !== undefined);
  switch (field.type) {
    case 'text':
    case 'textarea':
      return byType.string;
    case 'select':
      return field.options?.length ? field.options : byType.string;
    case 'multiselect':
      return [[], field.options?.slice(0, 1) ?? []];
    case 'file':
      return [[], ['00000000-0000-4000-8000-000000000000']];
    case 'user':
      return ['00000000-0000-4000-8000-000000000000'];
    case 'number':
      return [...byType.number, ...bounds];
    case 'integer':
      return [...byType.integer, ...bounds];
    case 'boolean':
      return byType.boolean;
    case 'date':
      return byType.date;
    case 'list': {
      const row = Object.fromEntries(
        ('itemFields' in field ? (field.itemFields ?? []) : []).map((item) => [
          item.name,
          fieldSamples(item)[0],
        ]),
      );
      return [[], [row]];
    }
  }
}

/** Sample values for every variable a definition can read (see `knownVariables`), null included. */
export function sampleScope(
  def: Pick<ProcessDefinition, 'variables' | 'nodes'>,
  known: Set<string>,
): SampleScope {
  const scope: SampleScope = new Map();
  const add = (name: string, values: unknown[], untyped = false) => {
    const entry = scope.get(name) ?? { values: [], untyped: false };
    entry.values.push(...values);
    entry.untyped ||= untyped;
    scope.set(name, entry);
  };
  for (const declaration of def.variables) {
    const type = declaration.type;
    if (type === 'object' || type === 'any') add(declaration.name, UNTYPED, true);
    else add(declaration.name, byType[type]);
    if (declaration.default !== undefined) add(declaration.name, [declaration.default]);
  }
  for (const node of def.nodes) {
    switch (node.kind) {
      case 'userTask':
        if (!node.formVariable) for (const field of node.form) add(field.name, fieldSamples(field));
        else {
          const fields = node.form.map((field) => [field.name, fieldSamples(field)] as const);
          const width = Math.max(1, ...fields.map(([, values]) => values.length));
          add(
            node.formVariable,
            Array.from({ length: width }, (_, index) =>
              Object.fromEntries(fields.map(([name, values]) => [name, values[index % values.length]])),
            ),
          );
        }
        break;
      case 'approval':
        if (node.decisionVariable) add(node.decisionVariable, ['approve', 'reject', 'return']);
        break;
      case 'review':
        if (node.ratingVariable)
          add(
            node.ratingVariable,
            node.subjectsVariable ? UNTYPED : (node.ratingBands ?? []).map((b) => b.rating),
          );
        if (node.resultVariable) {
          if (node.subjectsVariable) add(node.resultVariable, UNTYPED, true);
          else add(node.resultVariable, byType.number);
        }
        break;
      default:
        break;
    }
  }
  add('lastActionError', byType.string);
  // Whatever else the process writes (outputs, action results, payloads) has no declared shape.
  for (const name of known) if (!scope.has(name)) add(name, UNTYPED, true);
  // Any variable may be unset (null) until something writes it; null goes last.
  for (const [name, entry] of scope) {
    const required = def.variables.some((declaration) => declaration.name === name && declaration.required);
    const values = dedupe(entry.values.filter((value) => value !== null));
    scope.set(name, { values: required ? values : [...values, null], untyped: entry.untyped });
  }
  return scope;
}

function dedupe(values: unknown[]): unknown[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = JSON.stringify(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The first failure when `expression`, as a condition, fails for every combination of samples of
 * the variables it reads; undefined when some sample decides it. Over an untyped variable a
 * non-boolean may just mean the samples lack the right shape, so there only throwing counts.
 * `untypedNames`: names in scope beside the variables (an event handler's `payload`).
 */
export function failureForEverySample(
  expression: string,
  scope: SampleScope,
  untypedNames: string[] = [],
): string | undefined {
  const check = checkFeel(expression);
  if (!check.ok) return undefined;
  const entries = check.names.map(
    (name) =>
      [name, untypedNames.includes(name) ? { values: UNTYPED, untyped: true } : scope.get(name)] as const,
  );
  // Unknown names are reported on their own; samples cannot stand in for them.
  if (entries.some(([, entry]) => entry === undefined)) return undefined;
  const names = entries.map(([name]) => name);
  const columns = entries.map(([, entry]) => entry?.values ?? []);
  const onlyThrowing = entries.some(([, entry]) => entry?.untyped);
  let first: string | undefined;
  return withFeelClock(SAMPLE_NOW, () => {
    for (const row of combinations(columns)) {
      const context = Object.fromEntries(names.map((name, index) => [name, row[index]]));
      const result = evaluateCondition(expression, context);
      if (result.ok) return undefined;
      if (onlyThrowing && !result.threw) return undefined;
      first ??= result.error;
    }
    return first;
  });
}

/** All combinations when few; else each column varied with the others at their first value, and the diagonal. */
function* combinations(columns: unknown[][]): Generator<unknown[]> {
  const total = columns.reduce((product, column) => product * Math.max(1, column.length), 1);
  if (total <= MAX_COMBINATIONS) {
    for (let index = 0; index < total; index += 1) {
      let rest = index;
      yield columns.map((column) => {
        const value = column[rest % column.length];
        rest = Math.floor(rest / column.length);
        return value;
      });
    }
    return;
  }
  const firsts = columns.map((column) => column[0]);
  for (const [at, column] of columns.entries())
    for (const value of column) yield firsts.map((first, index) => (index === at ? value : first));
  const longest = Math.max(...columns.map((column) => column.length));
  for (let index = 0; index < longest; index += 1)
    yield columns.map((column) => column[index % column.length]);
}
