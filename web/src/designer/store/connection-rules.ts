// Which edges the canvas accepts, decided before an edge exists, and the outcome a new edge takes:
// an approval's edges name approve / reject / return in turn, a cycle timer's second edge is its
// `done` exit, an action's second its `error` exit, and a gateway's first edge is its default.
import {
  outcomesByKind,
  type ProcessDefinition,
  type ProcessEdge,
} from '../../../../workflows/engine/definition-schema.js';

export type ConnectionRefusal =
  'unknownNode' | 'intoStart' | 'outOfEnd' | 'selfLoop' | 'duplicate' | 'outcomesUsed';

/** What a new edge from → to carries besides its ends, or why it may not be drawn. */
export type ConnectionVerdict =
  { ok: true; outcome?: string; default?: true } | { ok: false; refusal: ConnectionRefusal };

export function judgeConnection(definition: ProcessDefinition, from: string, to: string): ConnectionVerdict {
  const source = definition.nodes.find((node) => node.id === from);
  const target = definition.nodes.find((node) => node.id === to);
  if (!source || !target) return { ok: false, refusal: 'unknownNode' };
  if (from === to) return { ok: false, refusal: 'selfLoop' };
  if (target.kind === 'start') return { ok: false, refusal: 'intoStart' };
  if (source.kind === 'end') return { ok: false, refusal: 'outOfEnd' };
  const outgoing = definition.edges.filter((edge) => edge.from === from);
  if (outgoing.some((edge) => edge.to === to)) return { ok: false, refusal: 'duplicate' };
  const used = new Set(outgoing.map((edge) => edge.outcome));
  const hasPlain = outgoing.some((edge) => edge.outcome === undefined);
  switch (source.kind) {
    case 'approval': {
      const outcome = (outcomesByKind.approval ?? []).find((candidate) => !used.has(candidate));
      return outcome === undefined ? { ok: false, refusal: 'outcomesUsed' } : { ok: true, outcome };
    }
    case 'timer':
      return source.timer.type === 'cycle' && hasPlain && !used.has('done')
        ? { ok: true, outcome: 'done' }
        : { ok: true };
    case 'action':
      return hasPlain && !used.has('error') ? { ok: true, outcome: 'error' } : { ok: true };
    case 'gateway':
      return outgoing.some((edge) => edge.default === true) ? { ok: true } : { ok: true, default: true };
    default:
      return { ok: true };
  }
}

/** The edge a verdict allows, with an id unique in the definition. */
export function edgeFor(
  definition: ProcessDefinition,
  from: string,
  to: string,
  verdict: Extract<ConnectionVerdict, { ok: true }>,
): ProcessEdge {
  const taken = new Set(definition.edges.map((edge) => edge.id));
  let id = `${from}-${to}`;
  for (let n = 2; taken.has(id); n += 1) id = `${from}-${to}-${n}`;
  return {
    id,
    from,
    to,
    ...(verdict.outcome === undefined ? {} : { outcome: verdict.outcome }),
    ...(verdict.default ? { default: true } : {}),
  };
}
