// The state of one running instance: plain JSON, ids drawn from counters, no wall clock inside.
import type { Role } from './definition-schema';
import type { TaskKind } from './engine-events';

export type ResolvedAssignee =
  | { type: 'user'; userId: string }
  | { type: 'role'; role: Role; unitId: string | null; scope: 'unit' | 'ancestors' | 'unitOrAncestors' };

export type Vote = {
  taskId: string;
  seat: number;
  userId: string;
  vote: 'approve' | 'reject' | 'return';
  comment?: string;
  /** The vote of a signer someone added (加签), counted apart from the node's policy. */
  added?: true;
};

/** One reviewer's response; `totals` maps subject id (or 'subject') to a 0-100 weighted score, null when recused. */
export type ReviewResponse = {
  taskId: string;
  seat: number;
  userId: string;
  totals: Record<string, number | null>;
};

export type TokenWait =
  | { kind: 'userTask'; taskId: string }
  /** `added`: how many of `taskIds` are seats added by 加签 (absent: none). */
  | { kind: 'approval'; taskIds: string[]; votes: Vote[]; added?: number }
  | { kind: 'review'; taskIds: string[]; subjects: string[] | null; responses: ReviewResponse[] }
  | { kind: 'timer'; timerId: string }
  | { kind: 'action'; actionId: string }
  | { kind: 'children'; childIds: string[] }
  | { kind: 'join'; arrivedVia: string }
  /** Held at a node whose condition failed, until an operator retries (see `incidents`). */
  | { kind: 'incident'; incidentId: string };

/** Progress of a cycle timer along one path: how many firings so far since `anchor`. */
export type CycleProgress = { fired: number; anchor: string };

export type Token = { id: string; nodeId: string; wait?: TokenWait; cycles?: Record<string, CycleProgress> };

export type OpenTask = {
  id: string;
  nodeId: string;
  tokenId: string;
  kind: TaskKind;
  seat: number;
  assignee: ResolvedAssignee;
  createdAt: string;
  dueAt?: string;
  timerIds: string[];
  escalated?: boolean;
  /** While delegated (委派): the owner the task returns to when the delegate resolves it. */
  delegatedBy?: string;
  /** 加签: the holder who added this seat for its signer. */
  addedBy?: string;
  /** While 前加签: the added signer's task; this seat is not answered until that one is. */
  heldFor?: string;
  /** The tasks this one took over from by hand-overs, oldest first (their comments belong to it). */
  handedFrom?: string[];
  /** Moved here by a proxy period (代理): the person away, whose task it was (named for the task's badge). */
  proxiedFor?: { userId: string; displayName?: string };
};

export type OpenTimer = {
  id: string;
  nodeId: string;
  fireAt: string;
  purpose: 'timer' | 'reminder' | 'escalation';
  tokenId?: string;
  taskId?: string;
};

export type PendingAction = {
  id: string;
  nodeId: string;
  tokenId: string;
  action: string;
  params: Record<string, unknown>;
  status: 'running' | 'failed';
  error?: string;
};

export type ChildRecord = {
  id: string;
  nodeId: string;
  tokenId: string | null;
  definitionKey: string;
  item: unknown;
  status: 'running' | 'completed';
  outcome?: string;
  variables?: Record<string, unknown>;
};

/**
 * Something an operator must look at: a condition that could not decide a route (it threw, or gave
 * something other than a boolean), or an action that failed with no `error` edge to take. The token
 * waits at the node; a retry re-evaluates the node (an action runs again, under a new action id),
 * and resolving by hand moves the token on (docs/incidents-and-events.md). Resolved incidents stay
 * as history.
 */
export type Incident = {
  id: string;
  /** Absent for a condition (states from before action incidents have only those). */
  kind?: 'action';
  /** `retrying` lasts only within the step that retries; a step never ends with it. */
  status: 'open' | 'retrying' | 'resolved';
  nodeId: string;
  tokenId: string;
  /** The failing condition; absent for an action incident. */
  expression?: string;
  /** The gateway edge whose condition failed; absent for a timer's `until`. */
  edgeId?: string;
  /** Action incidents: the pending action that failed, or that a retry runs again. */
  actionId?: string;
  error: string;
  /** The variables the expression read, as they were when it failed (empty for an action). */
  values: Record<string, unknown>;
  raisedAt: string;
  /** Failed evaluations (or action runs) so far: 1 when raised, one more per failed retry. */
  attempts: number;
  lastRetry?: { at: string; by: string };
  resolvedAt?: string;
  /**
   * retried: a retry routed on (or the retried action succeeded); withdrawn: the token was
   * withdrawn (cancel, interrupt, terminate); resolved: an operator moved the token on by hand.
   */
  resolution?: 'retried' | 'withdrawn' | 'resolved';
  /** Resolved by hand: who, and the note they gave. */
  resolvedBy?: string;
  note?: string;
};

export type Counters = {
  token: number;
  task: number;
  timer: number;
  action: number;
  child: number;
  /** 抄送 copies; absent in states from before copies existed. */
  copy?: number;
};

export type InstanceState = {
  revision: number;
  /** 'created' until the `started` event; then running until completed or cancelled. */
  status: 'created' | 'running' | 'completed' | 'cancelled';
  variables: Record<string, unknown>;
  tokens: Record<string, Token>;
  tasks: Record<string, OpenTask>;
  timers: Record<string, OpenTimer>;
  pendingActions: Record<string, PendingAction>;
  children: Record<string, ChildRecord>;
  counters: Counters;
  /** How often each node was entered; useful for dashboards and loop diagnostics. */
  visits: Record<string, number>;
  /** Incidents by id, open and resolved; absent until the first one (states from before keep loading). */
  incidents?: Record<string, Incident>;
  /**
   * The last form task completed and the tasks its completion opened: 拿回 (take back) is possible
   * while those are all still open, untouched by the next person.
   */
  lastCompletion?: { taskId: string; nodeId: string; tokenId: string; userId: string; opened: string[] };
  startedBy?: string;
  unitId?: string;
  /** The units above `unitId`, nearest first, fixed when the instance started. */
  unitAncestors?: string[];
  /** The heads of those units when the instance started (unit id -> user id). */
  unitHeads?: Record<string, string>;
  startedAt?: string;
  endedAt?: string;
  outcome?: string;
  cancelReason?: string;
};

export function initialState(): InstanceState {
  return {
    revision: 0,
    status: 'created',
    variables: {},
    tokens: {},
    tasks: {},
    timers: {},
    pendingActions: {},
    children: {},
    counters: { token: 0, task: 0, timer: 0, action: 0, child: 0 },
    visits: {},
  };
}

export function nextId(state: InstanceState, kind: keyof Counters): string {
  const n = (state.counters[kind] ?? 0) + 1;
  state.counters[kind] = n;
  return `${kind}-${n}`;
}
