// FEEL through feelin (the bpmn.io implementation): syntax checks, the variables an expression
// names (for the validator) and evaluation over instance variables (for the interpreter).
import { date, dateAndTime, evaluate, parseExpression } from 'feelin';
import { parseInstant, ZONE } from './iso-durations';

/**
 * `names`: the free variables (what the validator checks); `reads`: every name that may resolve to a
 * context entry, a superset that includes names inside filters and bound names; `functions`: the
 * functions the expression invokes.
 */
export type FeelCheck =
  | { ok: true; names: string[]; reads: string[]; functions: string[] }
  /** `position`: where the first syntax error starts (0-based), when the parser located one. */
  | { ok: false; error: string; position?: number };

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
  let syntaxAt: number | undefined;
  tree.iterate({
    enter(ref) {
      const node = ref.node as unknown as SyntaxNodeLike;
      const text = expression.slice(node.from, node.to);
      if (node.type.isError) syntaxAt ??= node.from;
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
  if (syntaxAt !== undefined)
    return { ok: false, error: `syntax error at position ${syntaxAt}`, position: syntaxAt };
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

/**
 * The instant FEEL's `now()` and `today()` answer with: the `now` of the step being evaluated.
 * feelin's own built-ins read the wall clock, which would make `step` impure and let a replay
 * decide differently. The step's time reaches this module as a scope around the step (see
 * `withFeelClock`) rather than as an argument, so that every evaluation inside a step sees it,
 * including those made through helpers that only hand over the variables. Steps are synchronous,
 * so a scope cannot leak into another step.
 */
let clock: string | undefined;

/** Runs `body` with `now()` and `today()` bound to `now` (an ISO instant). */
export function withFeelClock<T>(now: string, body: () => T): T {
  const outer = clock;
  clock = now;
  try {
    return body();
  } finally {
    clock = outer;
  }
}

/** Functions whose value depends on the step's time rather than on variables. */
const CLOCK_FUNCTIONS = new Set(['now', 'today']);

/**
 * `now()` is the step's instant and `today()` its date, both in the engine's fixed UTC+8 zone (the
 * zone durations and dates use). A context entry shadows feelin's built-in of the same name.
 */
function clockFunctions(): Record<string, () => unknown> | undefined {
  const instant = clock === undefined ? undefined : parseInstant(clock)?.setZone(ZONE);
  if (!instant) return undefined;
  const dateTime = dateAndTime(instant.toISO() ?? '');
  const day = date(instant.toISODate() ?? '');
  return { now: () => dateTime, today: () => day };
}

/** Bounds each memo; when full it starts over, which only costs re-evaluations. */
const MEMO_LIMIT = 10_000;
/** Expressions over large values (long lists) are evaluated each time: their keys would fill memory. */
const MEMO_KEY_LIMIT = 2_048;
type Dependencies = { reads: string[]; clock: boolean };
/** Per expression: what its value depends on, or null when it does not parse. */
const dependencies = new Map<string, Dependencies | null>();
const results = new Map<string, FeelResult>();

function dependenciesOf(expression: string): Dependencies | null {
  let found = dependencies.get(expression);
  if (found === undefined) {
    const check = checkFeel(expression);
    found = check.ok
      ? { reads: check.reads, clock: check.functions.some((fn) => CLOCK_FUNCTIONS.has(fn)) }
      : null;
    if (dependencies.size >= MEMO_LIMIT) dependencies.clear();
    dependencies.set(expression, found);
  }
  return found;
}

function evaluateNow(expression: string, context: Record<string, unknown>, usesClock: boolean): FeelResult {
  let scope = context;
  if (usesClock) {
    const bound = clockFunctions();
    if (!bound)
      return { ok: false, error: 'now() and today() are only available while the engine takes a step' };
    // After the variables: inside a step, `now()` is always the step's time.
    scope = { ...context, ...bound };
  }
  try {
    const { value } = evaluate(expression, scope);
    return { ok: true, value: toPlain(value) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Evaluates a FEEL expression; temporal values are returned as ISO strings so state stays plain JSON.
 * feelin parses and builds the expression again on every call (tens of microseconds, most of a
 * step's time), so results are memoised by the expression and the values of the variables it
 * reads: a pure expression over the same values has the same value. Expressions that call `now()`
 * or `today()` are not memoised: their value changes with every step's time, so their entries
 * would almost never be hit again and would only push useful ones out.
 */
export function evaluateFeel(expression: string, context: Record<string, unknown>): FeelResult {
  const found = dependenciesOf(expression);
  if (found === null || found.clock) return evaluateNow(expression, context, found?.clock ?? false);
  const key = `${expression}\u0000${JSON.stringify(found.reads.map((name) => context[name] ?? null))}`;
  if (key.length > MEMO_KEY_LIMIT) return evaluateNow(expression, context, false);
  let result = results.get(key);
  if (!result) {
    result = evaluateNow(expression, context, false);
    if (results.size >= MEMO_LIMIT) results.clear();
    results.set(key, result);
  }
  // Callers store values in the instance state; each gets its own copy of a list or context.
  return result.ok && typeof result.value === 'object' && result.value !== null
    ? { ok: true, value: structuredClone(result.value) }
    : result;
}

/** `threw`: the expression threw; otherwise it gave a value that is not a boolean. */
export type ConditionResult = { ok: true; holds: boolean } | { ok: false; error: string; threw: boolean };

/**
 * A condition decides a route, so it must give a boolean: an expression that throws or gives
 * anything else (null for a missing value included) is a failure, never "false".
 */
export function evaluateCondition(expression: string, context: Record<string, unknown>): ConditionResult {
  const result = evaluateFeel(expression, context);
  if (!result.ok) return { ok: false, error: result.error, threw: true };
  if (typeof result.value === 'boolean') return { ok: true, holds: result.value };
  return {
    ok: false,
    error: `the condition gave ${describeValue(result.value)}, not a boolean`,
    threw: false,
  };
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** The free variables an expression reads with their values in `context` (null when unset). */
export function valuesRead(expression: string, context: Record<string, unknown>): Record<string, unknown> {
  const check = checkFeel(expression);
  if (!check.ok) return {};
  return Object.fromEntries(check.names.map((name) => [name, context[name] ?? null]));
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
