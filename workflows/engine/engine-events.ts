// What comes into the interpreter (events, parsed with zod at the edge) and what goes out (effects).
import { z } from 'zod';
import type { FormField, RubricCriterion } from './definition-schema';
import type { ResolvedAssignee } from './instance-state';

/** One role the actor holds at one org unit (a role_assignment row). */
export const ZRoleAssignment = z.object({ role: z.string(), unitId: z.string() });
export type RoleAssignment = z.infer<typeof ZRoleAssignment>;

/**
 * Who acts. The host stamps it onto the event from the session, with the actor's role assignments
 * as the database holds them when the command is made; without assignments the actor holds no role.
 */
export const ZActor = z.object({
  userId: z.string().min(1),
  assignments: z.array(ZRoleAssignment).optional(),
});
export type Actor = z.infer<typeof ZActor>;

const scores = z.record(z.string(), z.number());

/** Someone a task is handed to: who, their name for the history, and the roles they hold. */
export const ZTaskHolder = z.object({
  userId: z.string().min(1),
  displayName: z.string().optional(),
  assignments: z.array(ZRoleAssignment).default([]),
});
export type TaskHolder = z.input<typeof ZTaskHolder>;

export const ZEngineEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('started'),
    input: z.record(z.string(), z.unknown()).default({}),
    actor: ZActor,
    /** The org unit the instance belongs to; role assignees are scoped to it. */
    unitId: z.string().optional(),
    /**
     * The units above `unitId`, nearest first, as the host's unit tree has them when the instance
     * starts: the engine decides "a role at the unit or its ancestors" from this, without I/O.
     */
    unitAncestors: z.array(z.string()).optional(),
    /** The heads of `unitId` and its ancestors that have one (unit id -> user id), for `unitHead` rules. */
    unitHeads: z.record(z.string(), z.string()).optional(),
  }),
  z.object({
    type: z.literal('taskCompleted'),
    taskId: z.string(),
    actor: ZActor,
    data: z.record(z.string(), z.unknown()).default({}),
  }),
  z.object({
    type: z.literal('approvalVoted'),
    taskId: z.string(),
    actor: ZActor,
    vote: z.enum(['approve', 'reject', 'return']),
    comment: z.string().optional(),
  }),
  z.object({
    type: z.literal('reviewSubmitted'),
    taskId: z.string(),
    actor: ZActor,
    /** Single-subject review: criterion id -> score. */
    scores: scores.optional(),
    /** Conflict of interest declared for the whole review. */
    recused: z.boolean().optional(),
    /** Multi-subject review: subject id -> scores or a recusal for that subject. */
    subjects: z
      .record(z.string(), z.object({ scores: scores.optional(), recused: z.boolean().optional() }))
      .optional(),
    comment: z.string().optional(),
  }),
  z.object({ type: z.literal('timerFired'), timerId: z.string() }),
  /**
   * The host gives up on a timer the engine refused to fire (e.g. its path failed to evaluate):
   * the timer leaves the state, so no runtime fires it again; `reason` is the refusal's code.
   */
  z.object({ type: z.literal('timerDropped'), timerId: z.string(), reason: z.string() }),
  z.object({ type: z.literal('actionCompleted'), actionId: z.string(), result: z.unknown() }),
  z.object({
    type: z.literal('actionFailed'),
    actionId: z.string(),
    error: z.string(),
    /** How many times the host ran the action before giving up, its own retries included; absent: once. */
    attempts: z.number().int().min(1).optional(),
  }),
  z.object({
    type: z.literal('childCompleted'),
    childId: z.string(),
    outcome: z.string().optional(),
    variables: z.record(z.string(), z.unknown()).optional(),
  }),
  z.object({ type: z.literal('external'), name: z.string().min(1), payload: z.unknown().optional() }),
  z.object({ type: z.literal('cancelled'), actor: ZActor, reason: z.string().optional() }),
  /** An operator corrects variables (e.g. before retrying an incident); checked against their types. */
  z.object({
    type: z.literal('variablesUpdated'),
    actor: ZActor,
    variables: z.record(z.string(), z.unknown()),
  }),
  /**
   * Task hand-overs (docs/task-actions.md). `to` is the person taking the task, with the role
   * assignments the host's database holds for them (the engine decides eligibility from these);
   * `fromTaskId` is the open task handed over: it closes and a new task opens for `to`.
   */
  z.object({
    type: z.literal('taskReassigned'),
    fromTaskId: z.string(),
    actor: ZActor,
    to: ZTaskHolder,
    reason: z.string().min(1),
  }),
  z.object({
    type: z.literal('taskDelegated'),
    fromTaskId: z.string(),
    actor: ZActor,
    to: ZTaskHolder,
    comment: z.string().optional(),
  }),
  z.object({
    type: z.literal('taskTransferred'),
    fromTaskId: z.string(),
    actor: ZActor,
    to: ZTaskHolder,
    comment: z.string().optional(),
  }),
  /** The delegate hands a delegated task back to its owner (as Flowable's resolveTask). */
  z.object({
    type: z.literal('taskResolved'),
    taskId: z.string(),
    actor: ZActor,
    comment: z.string().optional(),
  }),
  /**
   * 退回: the holder sends the work back to an earlier task node the instance has passed through,
   * one the task's node lists in `returnTo`; the node's open tasks close and the target opens again.
   */
  z.object({
    type: z.literal('taskReturned'),
    taskId: z.string(),
    actor: ZActor,
    toNodeId: z.string().min(1),
    comment: z.string().optional(),
  }),
  /** 拿回: the person who completed a form task takes it back before the next person has acted. */
  z.object({ type: z.literal('taskTakenBack'), taskId: z.string(), actor: ZActor }),
  /**
   * 加签: the holder of an approval seat adds a seat at the node for `to`. `before` (前加签) holds
   * the holder's own seat until the added signer has voted; `after` (后加签) leaves it free.
   */
  z.object({
    type: z.literal('signerAdded'),
    taskId: z.string(),
    actor: ZActor,
    to: ZTaskHolder,
    position: z.enum(['before', 'after']),
    comment: z.string().optional(),
  }),
  /**
   * 抄送: whoever may act on an open task copies it to people (`to`, each once); each is notified
   * and takes part in the project read-only. The task itself is unchanged.
   */
  z.object({
    type: z.literal('taskCopied'),
    taskId: z.string(),
    actor: ZActor,
    to: z.array(ZTaskHolder).min(1).max(20),
    note: z.string().optional(),
  }),
  /** A remark on an open task; it changes nothing but the history. */
  z.object({
    type: z.literal('taskCommented'),
    taskId: z.string(),
    actor: ZActor,
    comment: z.string().min(1),
  }),
  /**
   * 代理: the host moves a task of someone away to their proxy for a period (docs/proxies.md). A
   * system event, like a timer: no actor; the host decides which tasks the period covers (the
   * principal's own, and role tasks they claimed), the engine checks the task and the proxy's roles.
   */
  z.object({
    type: z.literal('taskProxied'),
    fromTaskId: z.string(),
    /** The person away, whose task this is. */
    from: z.object({ userId: z.string().min(1), displayName: z.string().optional() }),
    to: ZTaskHolder,
    /** The proxy period (proxy_period.id) that moves the task. */
    proxyId: z.string().min(1),
  }),
  /**
   * An admin changed the head (负责人) of a unit on the instance's unit line while it runs: steps
   * with a `unitHead` rule that open from now on go to `headId` (null: the unit has no head, so its
   * supervisors). Open tasks stay where they are. A system event, like `taskProxied`: the host sends
   * it to every running instance whose line holds the unit; the names are for the history.
   */
  z.object({
    type: z.literal('unitHeadChanged'),
    unitId: z.string().min(1),
    headId: z.string().min(1).nullable(),
    unitName: z.string().optional(),
    headName: z.string().optional(),
  }),
  /**
   * An operator re-evaluates the node an open incident holds its token at, after correcting the
   * `variables` given (checked as `variablesUpdated` checks them) in the same step.
   */
  z.object({
    type: z.literal('incidentRetried'),
    actor: ZActor,
    incidentId: z.string().min(1),
    variables: z.record(z.string(), z.unknown()).optional(),
  }),
  /**
   * An operator resolves an open incident by hand, with a note: a failed action's path continues
   * without a result; a gateway's token takes the edge the operator chose (`edgeId`); a timer
   * whose `until` failed ends its cycle (docs/incidents-and-events.md).
   */
  z.object({
    type: z.literal('incidentResolved'),
    actor: ZActor,
    incidentId: z.string().min(1),
    note: z.string().trim().min(1),
    edgeId: z.string().min(1).optional(),
  }),
]);
export type EngineEvent = z.input<typeof ZEngineEvent>;
export type ParsedEngineEvent = z.output<typeof ZEngineEvent>;
export type EngineEventType = EngineEvent['type'];

export type TaskKind = 'userTask' | 'approval' | 'review';

/** 抄送: one copy of a task; `by` is absent when the node's definition sent it on completion. */
export type CarbonCopy = { id: string; by?: string; note?: string };

export type Effect =
  | {
      type: 'createTask';
      taskId: string;
      nodeId: string;
      name: string;
      kind: TaskKind;
      assignee: ResolvedAssignee;
      dueAt?: string;
      form?: FormField[];
      /** approval: the votes this task accepts. */
      votes?: Array<'approve' | 'reject' | 'return'>;
      rubric?: RubricCriterion[];
      /** review with subjects: the ids to score. */
      subjects?: string[];
    }
  | { type: 'cancelTask'; taskId: string }
  | { type: 'scheduleTimer'; timerId: string; fireAt: string }
  | { type: 'cancelTimer'; timerId: string }
  | { type: 'runAction'; actionId: string; nodeId: string; action: string; params: Record<string, unknown> }
  | {
      type: 'startChild';
      childId: string;
      nodeId: string;
      definitionKey: string;
      input: Record<string, unknown>;
      /** The node's `childTitle` rendered over `input` (child-title.ts); blank or absent: the fallback title. */
      title?: string;
    }
  | {
      type: 'notify';
      to: ResolvedAssignee;
      template: 'task.reminder' | 'task.escalated' | 'task.proxiedAway' | 'task.proxiedToYou' | 'task.copied';
      taskId: string;
      nodeId: string;
      dueAt?: string;
      /** 抄送: the copy this notice belongs to (one copy, one notice per recipient). */
      copy?: CarbonCopy;
    }
  /** The instance was cancelled while this child still ran: the host cancels the child instance. */
  | { type: 'cancelChild'; childId: string; actor: { userId: string }; reason?: string }
  | { type: 'completed'; outcome?: string };
