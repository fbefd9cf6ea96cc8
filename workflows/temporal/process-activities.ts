// The activity contract the process workflow schedules, stated structurally so the workflow never
// imports activities/ (lint forbids it here); activities/temporal-activities.ts is checked against it.
import type { CalendarStamp } from '../../activities/working-day-calendar';
import type {
  Effect,
  EngineEvent,
  FormField,
  InstanceState,
  ProcessDefinition,
  ResolvedAssignee,
} from '../engine';

/** The instance row's fixed facts, written with the `started` transition. */
export interface InstanceMeta {
  versionId: string;
  unitId: string;
  title: string;
  businessKey?: string | undefined;
  parentId?: string | undefined;
}

/** One accepted engine step for the projection; `at` is the ISO instant the engine stepped with. */
export interface TransitionRecord {
  instanceId: string;
  event: EngineEvent;
  actorId: string | null;
  idempotencyKey: string;
  at: string;
  state: InstanceState;
  effects: Effect[];
  meta?: InstanceMeta;
}

/**
 * A migration of the instance to another version of its definition, for the projection: the
 * instance row moves to the new version with the migrated state, the log gets a `migrated` event and
 * the open task rows take their new nodes.
 */
export interface MigrationRecord {
  instanceId: string;
  fromVersionId: string;
  toVersionId: string;
  /** The admin's node mapping (old id -> new id) the state was migrated with. */
  mapping: Record<string, string>;
  actorId: string | null;
  idempotencyKey: string;
  at: string;
  /** The migrated state (its revision is the one before plus one). */
  state: InstanceState;
  /** The open tasks as the new version names them (form tasks with the new node's form). */
  tasks: Array<{ engineTaskId: string; nodeId: string; name: string; form?: FormField[] }>;
}

export interface ActionCall {
  instanceId: string;
  actionId: string;
  action: string;
  params: Record<string, unknown>;
  idempotencyKey: string;
  context: Pick<InstanceState, 'startedBy' | 'unitId'>;
}

export interface NotificationCall {
  idempotencyKey: string;
  instanceId: string;
  to: ResolvedAssignee;
  template: string;
  payload: Record<string, unknown>;
}

export interface ProcessActivities {
  /**
   * True once the transition is in Postgres (a retry of an attempt that committed included); false
   * when the projection holds another revision. Either way false means "not recorded".
   */
  recordTransition: (input: TransitionRecord) => Promise<boolean>;
  /** Like recordTransition, for a migration to another version (true once it is in Postgres). */
  recordMigration: (input: MigrationRecord) => Promise<boolean>;
  /** The latest published version of a definition key (a child starts on it). */
  loadPublishedDefinition: (key: string) => Promise<{ versionId: string; definition: ProcessDefinition }>;
  runAction: (request: ActionCall) => Promise<unknown>;
  /** The admins' holiday calendar as it stands, for a step no command brought one to. */
  currentCalendar: () => Promise<CalendarStamp>;
  deliverNotification: (input: NotificationCall) => Promise<{ delivered: boolean }>;
}

/** Error type of an action failure that retrying cannot fix (see activities/temporal-activities.ts). */
export const NON_RETRYABLE_ACTION_ERROR = 'NonRetryableActionError';

/** Error type of a definition key without a published version (retrying cannot fix it). */
export const DEFINITION_NOT_PUBLISHED = 'DefinitionNotPublished';
/** A retryable action failure, with the attempt it ended as its detail (`{ attempt }`). */
export const ACTION_FAILED = 'ActionFailed';
