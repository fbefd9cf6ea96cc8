// One command: read the instance, run the pure engine, then write event, state, tasks, timers and
// effects in ONE statement guarded by the revision that was read (optimistic concurrency). If a
// concurrent command got there first, nothing was written: read again and decide again. Nothing
// of a rejected command is written. A single-statement write is its own transaction, so the hot
// path costs two round trips and one commit.
import type { Pool, PoolClient } from 'pg';
import { instanceStatus, writeTransition, type InstanceMeta } from '../../activities/projection';
import type { Sql } from '../../activities/sql';
import { initialState, step, type EngineEvent, type InstanceState } from '../../workflows/engine';
import { OrchestratorError, type CommandResult } from '../orchestrator/orchestrator';
import type { DefinitionStore } from './definition-store';
import { runtimeRowsFor } from './runtime-rows';

export interface CommandInput {
  instanceId: string;
  event: EngineEvent;
  actorId: string | null;
  idempotencyKey: string;
  /** Only for the `started` event: the instance row to create. */
  meta?: InstanceMeta;
}

interface CurrentInstance {
  state: InstanceState;
  revision: number;
  version_id: string;
  unit_id: string;
  parent_id: string | null;
  business_key: string | null;
  logged: number | null;
}

export interface CommandDeps {
  definitions: DefinitionStore;
  clock: () => Date;
}

/** How often a command re-reads after losing a race before it reports a conflict. */
const MAX_ATTEMPTS = 20;

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

async function readInstance(sql: Sql, instanceId: string, key: string): Promise<CurrentInstance | undefined> {
  const { rows } = await sql.query<CurrentInstance>(
    `SELECT i.state, i.revision, i.version_id, i.unit_id, i.parent_id, i.business_key,
            (SELECT e.sequence FROM instance_event e WHERE e.instance_id = i.id AND e.idempotency_key = $2) AS logged
     FROM process_instance i WHERE i.id = $1`,
    [instanceId, key],
  );
  return rows[0];
}

/** Applies a command through `sql`: a pool (autocommit) or a client inside the caller's transaction. */
export async function applyCommand(sql: Sql, deps: CommandDeps, cmd: CommandInput): Promise<CommandResult> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await readInstance(sql, cmd.instanceId, cmd.idempotencyKey);
    if (!current && !cmd.meta)
      throw new OrchestratorError('INSTANCE_NOT_FOUND', `instance ${cmd.instanceId} does not exist`);
    if (current && current.logged !== null) {
      return {
        instanceId: cmd.instanceId,
        revision: current.logged,
        status: instanceStatus(current.state),
        duplicate: true,
      };
    }
    if (current && cmd.meta)
      throw new OrchestratorError('CONFLICT', `instance ${cmd.instanceId} was started with another key`);
    const definition = await deps.definitions.byVersion(current?.version_id ?? cmd.meta!.versionId);
    const at = deps.clock();
    const outcome = step(definition, current?.state ?? initialState(), cmd.event, at.toISOString());
    if (!outcome.ok)
      throw new OrchestratorError('COMMAND_REJECTED', outcome.rejection.message.en, outcome.rejection.code);
    const links = {
      parentId: current?.parent_id ?? cmd.meta?.parentId ?? null,
      businessKey: current?.business_key ?? cmd.meta?.businessKey ?? null,
      unitId: current?.unit_id ?? cmd.meta!.unitId,
    };
    const written = await writeTransition(
      sql,
      {
        instanceId: cmd.instanceId,
        event: cmd.event,
        actorId: cmd.actorId,
        idempotencyKey: cmd.idempotencyKey,
        at,
        state: outcome.state,
        effects: outcome.effects,
        expectedRevision: current?.revision ?? 0,
        ...(cmd.meta && !current ? { meta: cmd.meta } : {}),
      },
      runtimeRowsFor({
        instanceId: cmd.instanceId,
        event: cmd.event,
        effects: outcome.effects,
        state: outcome.state,
        links,
      }),
    );
    if (written) {
      return {
        instanceId: cmd.instanceId,
        revision: outcome.state.revision,
        status: instanceStatus(outcome.state),
        duplicate: false,
      };
    }
  }
  throw new OrchestratorError(
    'CONFLICT',
    `instance ${cmd.instanceId} kept changing under the command; try again`,
  );
}
