// One command = one transaction: lock the instance row, refuse a repeated idempotency key, run the
// pure engine, append the event, save the state, write task/timer/effect rows, commit. Nothing of
// a rejected command is written.
import type { Pool, PoolClient } from 'pg';
import { writeTransition, instanceStatus, type InstanceMeta } from '../../activities/projection';
import { initialState, step, type EngineEvent, type InstanceState } from '../../workflows/engine';
import { OrchestratorError, type CommandResult } from '../orchestrator/orchestrator';
import type { DefinitionStore } from './definition-store';
import { writeRuntimeRows } from './runtime-rows';

export interface CommandInput {
  instanceId: string;
  event: EngineEvent;
  actorId: string | null;
  idempotencyKey: string;
  /** Only for the `started` event: the instance row to create. */
  meta?: InstanceMeta;
}

interface LockedInstance {
  state: InstanceState;
  version_id: string;
  unit_id: string;
  parent_id: string | null;
  business_key: string | null;
  status: string;
}

export interface CommandDeps {
  definitions: DefinitionStore;
  clock: () => Date;
}

export async function inTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

async function findLogged(client: PoolClient, instanceId: string, key: string): Promise<number | undefined> {
  const { rows } = await client.query<{ sequence: number }>(
    'SELECT sequence FROM instance_event WHERE instance_id = $1 AND idempotency_key = $2',
    [instanceId, key],
  );
  return rows[0]?.sequence;
}

/** Applies a command inside the caller's transaction (the scheduler adds its own rows to it). */
export async function applyInTransaction(
  client: PoolClient,
  deps: CommandDeps,
  cmd: CommandInput,
): Promise<CommandResult> {
  if (cmd.meta) {
    // Serialises concurrent starts of the same instance id (a retried start).
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [cmd.instanceId]);
  }
  const { rows } = await client.query<LockedInstance>(
    `SELECT state, version_id, unit_id, parent_id, business_key, status FROM process_instance WHERE id = $1 FOR UPDATE`,
    [cmd.instanceId],
  );
  const locked = rows[0];
  if (!locked && !cmd.meta)
    throw new OrchestratorError('INSTANCE_NOT_FOUND', `instance ${cmd.instanceId} does not exist`);
  if (locked) {
    const sequence = await findLogged(client, cmd.instanceId, cmd.idempotencyKey);
    if (sequence !== undefined) {
      return {
        instanceId: cmd.instanceId,
        revision: sequence,
        status: instanceStatus(locked.state),
        duplicate: true,
      };
    }
    if (cmd.meta)
      throw new OrchestratorError('CONFLICT', `instance ${cmd.instanceId} was started with another key`);
  }
  const versionId = locked?.version_id ?? cmd.meta!.versionId;
  const definition = await deps.definitions.byVersion(versionId);
  const at = deps.clock();
  const outcome = step(definition, locked?.state ?? initialState(), cmd.event, at.toISOString());
  if (!outcome.ok) {
    throw new OrchestratorError('COMMAND_REJECTED', outcome.rejection.message.en, outcome.rejection.code);
  }
  await writeTransition(client, {
    instanceId: cmd.instanceId,
    event: cmd.event,
    actorId: cmd.actorId,
    idempotencyKey: cmd.idempotencyKey,
    at,
    state: outcome.state,
    effects: outcome.effects,
    ...(cmd.meta ? { meta: cmd.meta } : {}),
  });
  await writeRuntimeRows(client, {
    instanceId: cmd.instanceId,
    event: cmd.event,
    effects: outcome.effects,
    state: outcome.state,
    at,
    links: {
      parentId: locked?.parent_id ?? cmd.meta?.parentId ?? null,
      businessKey: locked?.business_key ?? cmd.meta?.businessKey ?? null,
      unitId: locked?.unit_id ?? cmd.meta!.unitId,
    },
  });
  return {
    instanceId: cmd.instanceId,
    revision: outcome.state.revision,
    status: instanceStatus(outcome.state),
    duplicate: false,
  };
}

export function applyCommand(pool: Pool, deps: CommandDeps, cmd: CommandInput): Promise<CommandResult> {
  return inTransaction(pool, (client) => applyInTransaction(client, deps, cmd));
}
