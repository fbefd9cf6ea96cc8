// The one port the API uses to run processes. Which host serves it (embedded on Postgres or
// Temporal) is configuration; both leave the same projection rows behind.
import { createHash } from 'node:crypto';
import type { EngineEvent, InstanceState } from '../../workflows/engine';

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

export interface Orchestrator {
  readonly kind: 'embedded' | 'temporal';
  start(command: StartCommand): Promise<CommandResult>;
  /** Applies one event; `actor` is null for system events (timers, action results). */
  send(
    instanceId: string,
    event: EngineEvent,
    actor: Actor | null,
    idempotencyKey: string,
  ): Promise<CommandResult>;
  cancel(instanceId: string, actor: Actor, reason: string, idempotencyKey: string): Promise<CommandResult>;
  get(instanceId: string): Promise<InstanceView | null>;
  listOpenTasks(filter: { instanceId?: string; assigneeId?: string }): Promise<OpenTask[]>;
  close(): Promise<void>;
}

export type OrchestratorErrorCode =
  'INSTANCE_NOT_FOUND' | 'VERSION_NOT_FOUND' | 'COMMAND_REJECTED' | 'CONFLICT';

export class OrchestratorError extends Error {
  constructor(
    readonly code: OrchestratorErrorCode,
    message: string,
    /** For COMMAND_REJECTED: the engine's rejection code (e.g. TASK_NOT_OPEN). */
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'OrchestratorError';
  }
}

/**
 * The instance a start command addresses: the given id, or one derived from the idempotency key,
 * so a retried start (on either runtime) finds the instance its first attempt created.
 */
export function instanceIdForStart(command: Pick<StartCommand, 'instanceId' | 'idempotencyKey'>): string {
  if (command.instanceId) return command.instanceId;
  const hex = createHash('sha256').update(`start:${command.idempotencyKey}`).digest('hex');
  // Shaped as an RFC 4122 version-5-style UUID so it fits the uuid columns.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
