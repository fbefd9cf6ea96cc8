// FEEL through feelin (the bpmn.io implementation): syntax checks, the variables an expression
// names (for the validator) and evaluation over instance variables (for the interpreter).
import { evaluate, parseExpression } from 'feelin';

/**
 * `names`: the free variables (what the validator checks); `reads`: every name that may resolve to a
 * context entry, a superset that includes names inside filters and bound names; `functions`: the
 * functions the expression invokes.
 */
export type FeelCheck =
  { ok: true; names: string[]; reads: string[]; functions: string[] } | { ok: false; error: string };

type SyntaxNodeLike = {
  name: string;
  from: number;
  to: number;
  parent: SyntaxNodeLike | null;
  firstChild: SyntaxNodeLike | null;
  type: { isError: boolean };
};

/** Parses `expression` and lists the free variable names it reads (bound names and functions excluded). */
export function checkFeel(expression: string): FeelCheck {
  let tree: ReturnType<typeof parseExpression>;
  try {
    tree = parseExpression(expression, {}, undefined);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const names = new Set<string>();
  const reads = new Set<string>();
  const functions = new Set<string>();
  const bound = new Set<string>(['item']);
  let syntaxError: string | undefined;
  tree.iterate({
    enter(ref) {
      const node = ref.node as unknown as SyntaxNodeLike;
      const text = expression.slice(node.from, node.to);
      if (node.type.isError) syntaxError ??= `syntax error at position ${node.from}`;
      if (node.name === 'Name' && node.parent?.name === 'InExpression') bound.add(text);
      if (node.name !== 'VariableName') return;
      const parent = node.parent;
      // `count(x)`: the first child of an invocation names a function, not a variable.
      if (parent?.name === 'FunctionInvocation' && parent.firstChild?.from === node.from) {
        functions.add(text);
        return;
      }
      reads.add(text);
      // Inside a filter `list[...]` the item's own properties are in scope.
      if (insideFilter(node)) return;
      names.add(text);
    },
  });
  if (syntaxError) return { ok: false, error: syntaxError };
  return {
    ok: true,
    names: [...names].filter((name) => !bound.has(name)).sort(),
    reads: [...reads].sort(),
    functions: [...functions].sort(),
  };
}

function insideFilter(node: SyntaxNodeLike): boolean {
  for (let current = node; current.parent; current = current.parent) {
    const parent = current.parent;
    if (parent.name === 'FilterExpression' && parent.firstChild && current.from > parent.firstChild.from)
      return true;
  }
  return false;
}

export type FeelResult = { ok: true; value: unknown } | { ok: false; error: string };

/** Functions whose value depends on more than their arguments (and so on no variable). */
const CLOCK_FUNCTIONS = new Set(['now', 'today']);
/** Bounds each memo; when full it starts over, which only costs re-evaluations. */
const MEMO_LIMIT = 10_000;
/** Expressions over large values (long lists) are evaluated each time: their keys would fill memory. */
const MEMO_KEY_LIMIT = 2_048;
/** Per expression: the variables its value depends on, or null when the value cannot be memoised. */
const dependencies = new Map<string, string[] | null>();
const results = new Map<string, FeelResult>();

function dependenciesOf(expression: string): string[] | null {
  let names = dependencies.get(expression);
  if (names === undefined) {
    const check = checkFeel(expression);
    names = check.ok && !check.functions.some((fn) => CLOCK_FUNCTIONS.has(fn)) ? check.reads : null;
    if (dependencies.size >= MEMO_LIMIT) dependencies.clear();
    dependencies.set(expression, names);
  }
  return names;
}

function evaluateNow(expression: string, context: Record<string, unknown>): FeelResult {
  try {
    const { value } = evaluate(expression, context);
    return { ok: true, value: toPlain(value) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Evaluates a FEEL expression; temporal values are returned as ISO strings so state stays plain JSON.
 * feelin parses and builds the expression again on every call (tens of microseconds, most of a
 * step's time), so results are memoised by the expression and the values of the variables it
 * reads: a pure expression over the same values has the same value.
 */
export function evaluateFeel(expression: string, context: Record<string, unknown>): FeelResult {
  const names = dependenciesOf(expression);
  if (names === null) return evaluateNow(expression, context);
  const key = `${expression}\u0000${JSON.stringify(names.map((name) => context[name] ?? null))}`;
  if (key.length > MEMO_KEY_LIMIT) return evaluateNow(expression, context);
  let result = results.get(key);
  if (!result) {
    result = evaluateNow(expression, context);
    if (results.size >= MEMO_LIMIT) results.clear();
    results.set(key, result);
  }
  // Callers store values in the instance state; each gets its own copy of a list or context.
  return result.ok && typeof result.value === 'object' && result.value !== null
    ? { ok: true, value: structuredClone(result.value) }
    : result;
}

/** A gateway condition holds only when it evaluates to exactly `true` (null and errors do not). */
export function conditionHolds(expression: string, context: Record<string, unknown>): boolean {
  const result = evaluateFeel(expression, context);
  return result.ok && result.value === true;
}

function toPlain(value: unknown): unknown {
  if (value === undefined) return null;
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? null : value;
  if (Array.isArray(value)) return value.map(toPlain);
  // Plain objects may come from another realm (structuredClone under jest), so test the shape of
  // the prototype chain rather than identity with this realm's Object.prototype.
  const proto = Object.getPrototypeOf(value) as object | null;
  // FEEL temporal values (FeelDate, FeelDateTime …) print their ISO text through toString.
  if (proto !== null && Object.getPrototypeOf(proto) !== null)
    return (value as { toString(): string }).toString();
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toPlain(inner)]));
}
