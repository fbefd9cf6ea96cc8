// Reads a definition for editing, from an imported JSON file or from the server. A draft saved or
// exported mid-work may break the engine's rules, so only the overall shape is required here (nodes
// with an id and a known kind, edges with their ends); the validator reports everything else once
// the graph is open. The schema's defaults are filled in wherever a node already fits the schema,
// so the panels meet the same shape the engine reads (a stored draft is JSON as it was sent).
import { ZNode, type ProcessDefinition } from '../../../workflows/engine/definition-schema.js';
import { NODE_KINDS } from './store/node-kinds.js';

export type ImportResult = { ok: true; definition: ProcessDefinition } | { ok: false; reason: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const hasStrings = (value: Record<string, unknown>, keys: string[]) =>
  keys.every((key) => typeof value[key] === 'string');

export function readImportedDefinition(text: string): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : 'JSON' };
  }
  return readDefinition(json);
}

export function readDefinition(json: unknown): ImportResult {
  if (!isRecord(json)) return { ok: false, reason: 'not an object' };
  const { nodes, edges = [] } = json;
  if (!Array.isArray(nodes) || !Array.isArray(edges))
    return { ok: false, reason: 'nodes and edges must be lists' };
  const badNode = nodes.findIndex(
    (node) =>
      !isRecord(node) ||
      !hasStrings(node, ['id', 'kind']) ||
      !(NODE_KINDS as readonly unknown[]).includes(node.kind),
  );
  if (badNode >= 0) return { ok: false, reason: `nodes[${badNode}]: needs an id and a known kind` };
  const badEdge = edges.findIndex((edge) => !isRecord(edge) || !hasStrings(edge, ['id', 'from', 'to']));
  if (badEdge >= 0) return { ok: false, reason: `edges[${badEdge}]: needs an id, from and to` };
  // The shape is checked above; the node contents are the validator's to judge.
  const definition = {
    variables: [],
    stages: [],
    eventHandlers: [],
    version: 1,
    ...json,
    nodes: nodes.map((node: unknown) => {
      const parsed = ZNode.safeParse(node);
      return parsed.success ? parsed.data : node;
    }),
    edges,
    key: typeof json.key === 'string' ? json.key : '',
    name: typeof json.name === 'string' ? json.name : '',
  } as unknown as ProcessDefinition;
  return { ok: true, definition };
}
