// The node kinds an admin can place, in palette order, and the content a freshly placed node gets:
// enough that it passes the definition schema (so the validator reports graph problems rather than
// one schema error that hides all others), except where only the admin can know the value: a
// sub-process starts without a process key and is reported until one is chosen.
import type { NodeKind, ProcessNode } from '../../../../workflows/engine/definition-schema.js';

export const NODE_KINDS = [
  'start',
  'userTask',
  'approval',
  'review',
  'gateway',
  'parallel',
  'timer',
  'action',
  'subprocess',
  'end',
] as const satisfies readonly NodeKind[];

type Position = { x: number; y: number };

/** A new node of `kind`; `name` comes from the caller in the interface language. */
export function newNode(kind: NodeKind, id: string, name: string, position: Position): ProcessNode {
  const common = { id, name, position };
  switch (kind) {
    case 'start':
      return { ...common, kind };
    case 'end':
      return { ...common, kind, terminate: false };
    case 'userTask':
      return { ...common, kind, assignee: { type: 'role', role: 'officer', scope: 'unit' }, form: [] };
    case 'approval':
      return {
        ...common,
        kind,
        approvers: [{ assignee: { type: 'role', role: 'supervisor', scope: 'unitOrAncestors' }, seats: 1 }],
        policy: { type: 'any' },
      };
    case 'review':
      return {
        ...common,
        kind,
        reviewers: [
          { assignee: { type: 'role', role: 'committee_member', scope: 'unitOrAncestors' }, seats: 3 },
        ],
        rubric: [{ id: 'overall', label: name, weight: 100, max: 100 }],
        completion: { type: 'all' },
        resultVariable: `${id.replace(/[^A-Za-z0-9_]/g, '_')}_score`,
      };
    case 'gateway':
    case 'parallel':
      return { ...common, kind };
    case 'timer':
      return { ...common, kind, timer: { type: 'duration', duration: 'P1D' } };
    case 'action':
      return { ...common, kind, action: 'setVariables', params: { values: {} } };
    case 'subprocess':
      return { ...common, kind, definitionKey: '', input: {}, wait: true };
    default: {
      const unhandled: never = kind;
      throw new Error(`unknown node kind ${String(unhandled)}`);
    }
  }
}

/** The first `<prefix>_<n>` not in `taken`: ids stay readable (userTask_3) and unique. */
export function freshId(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n += 1) {
    const id = `${prefix}_${n}`;
    if (!taken.has(id)) return id;
  }
}

/**
 * Each kind's box on the canvas. Fixed sizes let React Flow draw a node before measuring it and give
 * the auto-layout the same boxes the canvas shows.
 */
export const NODE_SIZE: Record<NodeKind, { width: number; height: number }> = {
  start: { width: 120, height: 48 },
  end: { width: 120, height: 48 },
  userTask: { width: 180, height: 64 },
  approval: { width: 180, height: 64 },
  review: { width: 180, height: 64 },
  gateway: { width: 140, height: 56 },
  parallel: { width: 140, height: 56 },
  timer: { width: 160, height: 56 },
  action: { width: 180, height: 64 },
  subprocess: { width: 180, height: 64 },
};
