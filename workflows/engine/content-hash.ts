// A stable content hash of a definition: FNV-1a/64 over canonical JSON (sorted keys), pure JS.
// Layout positions are left out: moving boxes in the designer does not change what a process does.
import type { ProcessDefinition } from './definition-schema';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, inner]) => inner !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
}

const OFFSET = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

export function fnv1a64(text: string): string {
  let hash = OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * PRIME) & MASK;
  }
  return hash.toString(16).padStart(16, '0');
}

function withoutLayout(def: ProcessDefinition): unknown {
  // No stages hashes as the format did before stages existed, so existing versions keep their hash.
  const { $schema: _schema, stages, ...rest } = def;
  return {
    ...rest,
    ...(stages.length > 0 ? { stages } : {}),
    nodes: def.nodes.map(({ position: _position, ...node }) => node),
  };
}

export function contentHash(def: ProcessDefinition): string {
  return `fnv1a64:${fnv1a64(canonicalJson(withoutLayout(def)))}`;
}
