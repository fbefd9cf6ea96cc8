// The messages of the process workflow: shared by the workflow (handlers) and the client adapter
// (callers), so both sides name the same update, signal and query.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CalendarStamp } from '../../activities/working-day-calendar';
import type { EngineEvent, InstanceState, MigrationReason, ProcessDefinition } from '../engine';
import type { InstanceMeta } from './process-activities';

export interface CommandInput {
  event: EngineEvent;
  /** Null for system events (timers, action results, child completions). */
  actorId: string | null;
  idempotencyKey: string;
  /**
   * The admins' holiday calendar as the sender found it (commands from the API); without it the
   * workflow asks an activity, so either way the calendar a step used is in the history.
   */
  calendar?: CalendarStamp;
}

export interface CommandOutcome {
  revision: number;
  status: InstanceState['status'];
  /** True when the idempotency key had been seen: nothing was applied, the first outcome is returned. */
  duplicate: boolean;
}

/** Moving the instance to another published version of its definition (the API checked the version). */
export interface MigrationInput {
  versionId: string;
  definition: ProcessDefinition;
  /** Old node id -> new node id. */
  mapping: Record<string, string>;
  actorId: string;
  idempotencyKey: string;
}

/** Moved (at its new revision), or refused with the engine's reasons: nothing changed then. */
export type MigrationAnswer =
  { migrated: true; revision: number; duplicate: boolean } | { migrated: false; reasons: MigrationReason[] };

/** The published definition a child starts on: the latest version when the child starts. */
export interface PublishedDefinition {
  versionId: string;
  definition: ProcessDefinition;
}

export interface ProcessWorkflowArgs {
  instanceId: string;
  definition: ProcessDefinition;
  meta: InstanceMeta;
  input: Record<string, unknown>;
  actor: { userId: string };
  idempotencyKey: string;
  /** The units above meta.unitId, nearest first (the `started` event carries them to the engine). */
  unitAncestors?: string[];
  /** The admins' holiday calendar when the API started the instance (children ask an activity). */
  calendar?: CalendarStamp;
  /** The heads of meta.unitId and its ancestors (unit id -> user id), for `unitHead` rules. */
  unitHeads?: Record<string, string>;
  /** Present after continue-as-new: the state, the idempotency keys seen so far and the children's workflow ids. */
  carried?: {
    state: InstanceState;
    seenKeys: Record<string, CommandOutcome>;
    childInstances?: Record<string, string>;
  };
}

export interface ProcessResult {
  outcome?: string | undefined;
  state: InstanceState;
}

/** Commands with an answer: the validator dry-runs the engine, so a rejection reaches the caller synchronously. */
export const commandUpdate = defineUpdate<CommandOutcome, [CommandInput]>('command');
/** Fire-and-forget events (system events, child completions); a rejected one is logged and dropped. */
export const eventSignal = defineSignal<[CommandInput]>('event');
/** Swaps the definition version the instance runs on, after the engine's migrateState accepted its state. */
export const migrateUpdate = defineUpdate<MigrationAnswer, [MigrationInput]>('migrate');
/** Resolves once every accepted transition is recorded in Postgres (read-your-writes after a start). */
export const settledUpdate = defineUpdate<CommandOutcome>('settled');
export const stateQuery = defineQuery<{ state: InstanceState; revision: number }>('state');
