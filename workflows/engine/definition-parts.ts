// A definition parsed part by part, so that one broken node does not hide the rest: the envelope and
// each variable, stage, node, edge and event handler on its own. What parses is checked as a graph;
// a broken node or edge that still has its id and ends stays in the graph as a stand-in (so an edge
// into it is not dangling, nor what lies behind it unreachable), its own problems being the schema's.
import { z } from 'zod';
import {
  type EventHandler,
  type ProcessDefinition,
  type ProcessEdge,
  type ProcessNode,
  type Stage,
  type VariableDeclaration,
  ZEdge,
  ZEventHandler,
  ZNode,
  ZProcessDefinition,
  ZStage,
  ZVariableDeclaration,
} from './definition-schema';
import type { ValidationProblem } from './localized-message';
import { schemaProblemOf } from './schema-problems';
import { isRawObject, type RawObject } from './raw-values';

/** The lists the graph checks read; the envelope's other properties (key, name …) they do not. */
export type DefinitionLists = Pick<
  ProcessDefinition,
  'variables' | 'stages' | 'nodes' | 'edges' | 'eventHandlers'
>;

export type DefinitionParts = {
  /** The items that parsed, in their order (and stages that lost their name, by their id). */
  sound: DefinitionLists;
  /** The sound nodes and edges with the stand-ins of broken ones, in their order. */
  drawn: { nodes: ProcessNode[]; edges: ProcessEdge[] };
  /** The stand-ins: in the graph, but reported on by the schema alone. */
  standIns: ReadonlySet<ProcessNode | ProcessEdge>;
  /** Targets of broken event handlers, where paths may still open. */
  brokenHandlerTargets: string[];
  /** False when a broken item may declare or write variables: names are then not checked. */
  variablesKnown: boolean;
};

const lists = {
  variables: z.array(z.unknown()).default([]),
  stages: z.array(z.unknown()).default([]),
  nodes: z.array(z.unknown()).min(1),
  edges: z.array(z.unknown()).default([]),
  eventHandlers: z.array(z.unknown()).default([]),
};
/** Each list's item schema: the parts parsed one by one. */
const PART_SCHEMAS = {
  variables: ZVariableDeclaration,
  stages: ZStage,
  nodes: ZNode,
  edges: ZEdge,
  eventHandlers: ZEventHandler,
} as const satisfies Record<keyof typeof lists, z.ZodType>;
/** The definition with its lists taken as they come: the key, name, version and unknown properties. */
const ZEnvelope = ZProcessDefinition.extend(lists);
const ZLists = z.object(lists);

const stringOf = (item: RawObject, property: string): string | undefined =>
  typeof item[property] === 'string' ? item[property] : undefined;

/** Kinds that declare or write no variables, so that a broken one leaves the names known. */
const SILENT_KINDS = new Set(['start', 'end', 'gateway', 'parallel', 'timer']);

/**
 * A broken node as the graph checks see it: starts, ends and parallels keep their kind, since they
 * shape the graph (roots, ends, joins); any other is a gateway, which only its own checks (skipped
 * for a stand-in) look into, so paths just pass through it.
 */
function nodeStandIn(raw: RawObject): ProcessNode | undefined {
  const id = stringOf(raw, 'id');
  if (id === undefined) return undefined;
  const name = stringOf(raw, 'name') || id;
  switch (raw.kind) {
    case 'start':
      return { id, name, kind: 'start' };
    case 'end':
      return { id, name, kind: 'end', terminate: raw.terminate === true };
    case 'parallel':
      return { id, name, kind: 'parallel' };
    default:
      return { id, name, kind: 'gateway' };
  }
}

function edgeStandIn(raw: RawObject): ProcessEdge | undefined {
  const [id, from, to] = [stringOf(raw, 'id'), stringOf(raw, 'from'), stringOf(raw, 'to')];
  if (id === undefined || from === undefined || to === undefined) return undefined;
  const outcome = stringOf(raw, 'outcome');
  const condition = stringOf(raw, 'condition');
  return {
    id,
    from,
    to,
    ...(outcome === undefined ? {} : { outcome }),
    ...(condition === undefined ? {} : { condition }),
    ...(typeof raw.default === 'boolean' ? { default: raw.default } : {}),
  };
}

/** Parses a definition part by part: its schema problems and, unless its lists are broken, its parts. */
export function parseDefinitionParts(input: unknown): {
  problems: ValidationProblem[];
  parts?: DefinitionParts;
} {
  const problems: ValidationProblem[] = [];
  const report = (issues: readonly z.core.$ZodIssue[], prefix: Array<string | number>) =>
    problems.push(
      ...issues.map((issue) => schemaProblemOf(input, { ...issue, path: [...prefix, ...issue.path] })),
    );
  const envelope = ZEnvelope.safeParse(input);
  if (!envelope.success) report(envelope.error.issues, []);
  const listed = ZLists.safeParse(input);
  // Without a list of nodes (or with a list that is not one) there is no graph to check.
  if (!listed.success) return { problems };

  /** Each item parsed on its own: the sound ones, and those with the stand-ins of broken ones. */
  const parse = <T>(
    list: keyof typeof lists,
    schema: z.ZodType<T>,
    standInOf: (raw: RawObject) => T | undefined,
  ): { sound: T[]; drawn: T[] } => {
    const parsed = { sound: [] as T[], drawn: [] as T[] };
    listed.data[list].forEach((raw, index) => {
      const result = schema.safeParse(raw);
      if (result.success) {
        parsed.sound.push(result.data);
        parsed.drawn.push(result.data);
        return;
      }
      report(result.error.issues, [list, index]);
      const standIn = standInOf(isRawObject(raw) ? raw : {});
      if (standIn !== undefined) parsed.drawn.push(standIn);
    });
    return parsed;
  };

  let variablesKnown = true;
  const brokenHandlerTargets: string[] = [];
  const standIns = new Set<ProcessNode | ProcessEdge>();
  const variables = parse<VariableDeclaration>('variables', PART_SCHEMAS.variables, () => {
    variablesKnown = false;
    return undefined;
  });
  // A stage that lost its name is still declared: nodes naming it are not in an unknown stage.
  const stages = parse<Stage>('stages', PART_SCHEMAS.stages, (raw) => {
    const id = stringOf(raw, 'id');
    return id === undefined ? undefined : { id, name: id };
  });
  const nodes = parse<ProcessNode>('nodes', PART_SCHEMAS.nodes, (raw) => {
    if (!SILENT_KINDS.has(stringOf(raw, 'kind') ?? '')) variablesKnown = false;
    const standIn = nodeStandIn(raw);
    if (standIn) standIns.add(standIn);
    return standIn;
  });
  const edges = parse<ProcessEdge>('edges', PART_SCHEMAS.edges, (raw) => {
    const standIn = edgeStandIn(raw);
    if (standIn) standIns.add(standIn);
    return standIn;
  });
  const eventHandlers = parse<EventHandler>('eventHandlers', PART_SCHEMAS.eventHandlers, (raw) => {
    variablesKnown = false;
    const target = stringOf(raw, 'target');
    if (target !== undefined) brokenHandlerTargets.push(target);
    return undefined;
  });
  return {
    problems,
    parts: {
      sound: {
        variables: variables.sound,
        stages: stages.drawn,
        nodes: nodes.sound,
        edges: edges.sound,
        eventHandlers: eventHandlers.sound,
      },
      drawn: { nodes: nodes.drawn, edges: edges.drawn },
      standIns,
      brokenHandlerTargets,
      variablesKnown,
    },
  };
}

/**
 * The graph with the format's defaults filled in for each variable, stage, node, edge and handler
 * that parses, the others as they are: a stored version has them filled in, a draft being edited
 * need not, and a default left out is no change (必填 否 → — was not one).
 */
export function withDefaults(graph: unknown): unknown {
  if (!isRawObject(graph)) return graph;
  const filled: RawObject = { ...graph };
  for (const [list, schema] of Object.entries(PART_SCHEMAS)) {
    const items = graph[list];
    if (Array.isArray(items))
      filled[list] = items.map((item: unknown) => {
        const parsed = schema.safeParse(item);
        return parsed.success ? parsed.data : item;
      });
  }
  return filled;
}
