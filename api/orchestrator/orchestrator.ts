// The one port the API uses to run processes. Which host serves it (embedded on Postgres or
// Temporal) is configuration; both leave the same projection rows behind.
import { createHash } from 'node:crypto';
import type {
  EngineEvent,
  InstanceState,
  LocalizedMessage,
  MigrationReason,
  Rejection,
  RejectionCode,
} from '../../workflows/engine';

/** Who makes a command, as the session knows them. The port stamps it onto the event itself. */
export interface Actor {
  userId: string;
}

export interface StartCommand {
  /** A published definition version (process_definition_version.id). */
  versionId: string;
  unitId: string;
  title: string;
  input: Record<string, unknown>;
  actor: Actor;
  idempotencyKey: string;
  businessKey?: string;
  parentId?: string;
  /** Given by a parent that starts children, so retries of the start address the same instance. */
  instanceId?: string;
}

export interface CommandResult {
  instanceId: string;
  revision: number;
  status: InstanceState['status'];
  /** True when the idempotency key had been used: nothing was appended, the first result is returned. */
  duplicate: boolean;
  /**
   * The instance's state after the command (for a duplicate: its state now), so a caller that acts
   * on the result, like a form showing the next task, needs no read after its own write. Read-only:
   * the embedded runtime shares it with its instance cache (it is frozen there).
   */
  state: InstanceState;
}

export interface InstanceView {
  id: string;
  versionId: string;
  unitId: string;
  title: string;
  status: string;
  revision: number;
  state: InstanceState;
}

export interface OpenTask {
  id: string;
  instanceId: string;
  engineTaskId: string;
  nodeId: string;
  kind: string;
  name: string;
  assigneeId: string | null;
  candidateRole: string | null;
  candidateUnitId: string | null;
  dueAt: Date | null;
}

/** An engine event without its actor: the port stamps the actor it was given (callers cannot). */
type WithoutActor<E> = E extends unknown ? Omit<E, 'actor'> & { actor?: never } : never;

/**
 * What `send` takes: any engine event except `started` (use `start`) and `cancelled` (use
 * `cancel`), never carrying an actor. Task actions (complete, vote, review) need an actor.
 */
export type CommandEvent = WithoutActor<Exclude<EngineEvent, { type: 'started' | 'cancelled' }>>;

/**
 * How moving an instance to another version came out: moved, at its new revision (`duplicate`: the
 * key had moved it already), or refused with the reasons, in which case nothing changed.
 */
export type MigrationOutcome =
  { migrated: true; revision: number; duplicate: boolean } | { migrated: false; reasons: MigrationReason[] };

export interface Orchestrator {
  readonly kind: 'embedded' | 'temporal';
  /** Idempotent per caller: the same actor and key give the first result, another actor a new instance. */
  start(command: StartCommand): Promise<CommandResult>;
  /**
   * Applies one event as `actor` (null for system events: timers, action results). The key is
   * scoped to the actor and the instance. Task actions are decided on the actor's role assignments
   * as the database holds them now.
   */
  send(
    instanceId: string,
    event: CommandEvent,
    actor: Actor | null,
    idempotencyKey: string,
  ): Promise<CommandResult>;
  cancel(instanceId: string, actor: Actor, reason: string, idempotencyKey: string): Promise<CommandResult>;
  /**
   * Moves a running instance to another published version of its definition (`mapping` renames old
   * node ids), all or nothing, guarded by the instance's revision; it keeps running on the new
   * version. The key is scoped to the actor and the instance (a fresh one when absent).
   */
  migrate(
    instanceId: string,
    targetVersionId: string,
    mapping: Record<string, string>,
    actor: Actor,
    idempotencyKey?: string,
  ): Promise<MigrationOutcome>;
  get(instanceId: string): Promise<InstanceView | null>;
  listOpenTasks(filter: { instanceId?: string; assigneeId?: string }): Promise<OpenTask[]>;
  close(): Promise<void>;
}

/** Problems of the port itself; every other code is the engine's rejection code, passed through. */
const portErrorCodes = [
  'INSTANCE_NOT_FOUND',
  'VERSION_NOT_FOUND',
  'UNIT_NOT_FOUND',
  /** A start named an instance id that another start created. */
  'INSTANCE_EXISTS',
  /** The instance kept changing under the command (optimistic concurrency); retrying may succeed. */
  'CONFLICT',
  /** A task action was sent without an actor. */
  'ACTOR_REQUIRED',
  /** Temporal: the transition could not be written to Postgres, so the command was not applied. */
  'TRANSITION_NOT_RECORDED',
] as const;
export type PortErrorCode = (typeof portErrorCodes)[number];
export type OrchestratorErrorCode = PortErrorCode | RejectionCode;

/** One problem with one input field (`field` is a dotted path; '(form)' for the form as a whole). */
export interface FieldError {
  field: string;
  reason: string;
  /** The engine's Chinese reason, where it gave one (start input, variable corrections). */
  reasonZh?: string;
}

/**
 * The one error out of the port: a code (the engine's rejection code when the engine refused the
 * command), the message in Chinese and English, field errors, and any other detail the engine gave
 * (e.g. the FEEL library's error text). `message` is the English text.
 */
export class OrchestratorError extends Error {
  readonly messages: LocalizedMessage;
  readonly details: FieldError[];
  readonly detail: string | undefined;

  constructor(
    readonly code: OrchestratorErrorCode,
    messages: LocalizedMessage,
    options: { details?: FieldError[]; detail?: string; cause?: unknown } = {},
  ) {
    super(messages.en, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'OrchestratorError';
    this.messages = messages;
    this.details = options.details ?? [];
    this.detail = options.detail;
  }

  /** True when the engine refused the command as not fitting the instance's state or rules. */
  get rejected(): boolean {
    return !(portErrorCodes as readonly string[]).includes(this.code);
  }

  static fromRejection(rejection: Rejection): OrchestratorError {
    return new OrchestratorError(rejection.code, rejection.message, fieldErrorsOf(rejection.details));
  }
}

/**
 * The engine's rejection details as field errors: form issues ({ field, message }), start input
 * and variable issues ({ field, message, messageZh }), malformed-event issues (zod's { path,
 * message }) and "name: reason" texts; anything else is kept as text.
 */
function fieldErrorsOf(details: unknown): { details?: FieldError[]; detail?: string } {
  if (details === undefined) return {};
  if (typeof details === 'string') return { detail: details };
  if (!Array.isArray(details)) return { detail: JSON.stringify(details) };
  return {
    details: details.map((item: unknown): FieldError => {
      if (typeof item === 'string') {
        const colon = item.indexOf(': ');
        return colon < 0
          ? { field: '', reason: item }
          : { field: item.slice(0, colon), reason: item.slice(colon + 2) };
      }
      const issue = item as { field?: string; path?: unknown; message?: string; messageZh?: string };
      const field = Array.isArray(issue.path) ? issue.path.join('.') : (issue.field ?? '');
      return {
        field,
        reason: issue.message ?? '',
        ...(issue.messageZh === undefined ? {} : { reasonZh: issue.messageZh }),
      };
    }),
  };
}

/** A caller's idempotency key as stored: scoped to the caller, so callers never share keys. System keys stay as they are. */
export function scopedKey(actor: Actor | null, idempotencyKey: string): string {
  return actor ? `user:${encodeURIComponent(actor.userId)}/${idempotencyKey}` : idempotencyKey;
}

/**
 * The instance a start command addresses: the given id, or one derived from the caller and the
 * idempotency key, so a retried start (on either runtime) finds the instance its first attempt
 * created, and another caller using the same key gets an instance of its own.
 */
export function instanceIdForStart(
  command: Pick<StartCommand, 'instanceId' | 'idempotencyKey'> & { actor?: Actor },
): string {
  if (command.instanceId) return command.instanceId;
  const key = scopedKey(command.actor ?? null, command.idempotencyKey);
  const hex = createHash('sha256').update(`start:${key}`).digest('hex');
  // Shaped as an RFC 4122 version-5-style UUID so it fits the uuid columns.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
