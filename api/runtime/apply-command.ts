// One command: take the instance's state, run the pure engine, then write event, state, tasks,
// timers and effects all or nothing, guarded by the revision the decision was made on (optimistic
// concurrency). If a concurrent command got there first, nothing was written: read again and
// decide again. Nothing of a rejected command is written. Autocommit commands skip the read when
// this process knows the instance's latest state (the instance cache), and their writes go through
// the transition writer, which lets concurrent commands share one call and one commit.
import type { Pool, PoolClient } from 'pg';
import {
  instanceStatus,
  writeTransition,
  type InstanceMeta,
  type TransitionWrite,
} from '../../activities/projection';
import type { Sql } from '../../activities/sql';
export { inTransaction } from '../../activities/sql';
import { calendarOf, withCalendarRevision } from '../../activities/working-day-calendar';
import type { CalendarRevisions } from '../../activities/calendar-revisions';
import { initialState, step, type EngineEvent } from '../../workflows/engine';
import { unitPath } from '../orchestrator/command-events';
import { OrchestratorError, type CommandResult } from '../orchestrator/orchestrator';
import type { DefinitionStore } from './definition-store';
import { deepFreeze, type InstanceCache, type KnownInstance } from './instance-cache';
import { runtimeRowsFor } from './runtime-rows';
import type { TransitionWriter } from './transition-writer';

export interface CommandInput {
  instanceId: string;
  event: EngineEvent;
  actorId: string | null;
  idempotencyKey: string;
  /** Only for the `started` event: the instance row to create. */
  meta?: InstanceMeta;
}

interface CurrentInstance extends KnownInstance {
  logged: number | null;
}

export interface CommandDeps {
  definitions: DefinitionStore;
  clock: () => Date;
  /** States this process wrote or read last; used only by autocommit commands (see applyCommand). */
  instances: InstanceCache;
  /** Writes autocommit commands' transitions, batching concurrent ones. */
  writer: TransitionWriter;
  /** The admins' holiday additions: each transition counts over the latest and records its revision. */
  calendars: CalendarRevisions;
}

/** Where one command reads and writes: autocommit through the pool, or inside a caller's transaction. */
interface CommandPath {
  sql: Sql;
  write: (write: TransitionWrite) => Promise<boolean>;
  cache: InstanceCache | undefined;
}

/** How often a command re-reads after losing a race before it reports a conflict. */
const MAX_ATTEMPTS = 20;

async function readInstance(sql: Sql, instanceId: string, key: string): Promise<CurrentInstance | undefined> {
  const { rows } = await sql.query<CurrentInstance>({
    name: 'sgf_read_instance',
    text: `SELECT i.state, i.revision, i.version_id, i.unit_id, i.parent_id, i.business_key,
            (SELECT e.sequence FROM instance_event e WHERE e.instance_id = i.id AND e.idempotency_key = $2) AS logged
     FROM process_instance i WHERE i.id = $1`,
    values: [instanceId, key],
  });
  return rows[0];
}

/**
 * Applies a command through the pool: each write commits on its own, so what it wrote (or read) is
 * committed and may seed the instance cache, and a cached state may stand in for the first read.
 */
export async function applyCommand(pool: Pool, deps: CommandDeps, cmd: CommandInput): Promise<CommandResult> {
  const write = (w: TransitionWrite) => deps.writer.write(w);
  return decideAndWrite({ sql: pool, write, cache: deps.instances }, deps, await withUnitPath(pool, cmd));
}

/**
 * Applies a command inside the caller's transaction. The cache stays out of it: the transaction may
 * still roll back, and a cached state that never committed could match a revision reached later
 * by a different path.
 */
export async function applyCommandInTransaction(
  client: PoolClient,
  deps: CommandDeps,
  cmd: CommandInput,
): Promise<CommandResult> {
  deps.instances.delete(cmd.instanceId);
  const write = (w: TransitionWrite) => writeTransition(client, w.transition, w.runtime);
  return decideAndWrite({ sql: client, write, cache: undefined }, deps, await withUnitPath(client, cmd));
}

/** A `started` event gets its unit's ancestor path and heads here, for starts by the port and by a parent alike. */
async function withUnitPath(sql: Sql, cmd: CommandInput): Promise<CommandInput> {
  const event = cmd.event;
  if (event.type !== 'started' || event.unitId === undefined || event.unitAncestors !== undefined) return cmd;
  return { ...cmd, event: { ...event, ...(await unitPath(sql, event.unitId)) } };
}

async function decideAndWrite(
  path: CommandPath,
  deps: CommandDeps,
  cmd: CommandInput,
): Promise<CommandResult> {
  const { sql, cache } = path;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    // First attempt of an autocommit command: assume what this process knows (no instance yet for a
    // start, the cached state otherwise) and let the write's guard check it, including whether the
    // idempotency key is logged already. Any doubt is settled by reading the database.
    const optimistic =
      attempt === 0 && cache !== undefined && (cmd.meta !== undefined || cache.has(cmd.instanceId));
    const known = optimistic && !cmd.meta ? cache.get(cmd.instanceId) : undefined;
    const current: CurrentInstance | undefined = optimistic
      ? known && { ...known, logged: null }
      : await readInstance(sql, cmd.instanceId, cmd.idempotencyKey);
    if (!current && !cmd.meta)
      throw new OrchestratorError('INSTANCE_NOT_FOUND', {
        zh: `流程实例 ${cmd.instanceId} 不存在`,
        en: `instance ${cmd.instanceId} does not exist`,
      });
    if (current && current.logged !== null) {
      return {
        instanceId: cmd.instanceId,
        revision: current.logged,
        status: instanceStatus(current.state),
        duplicate: true,
        state: current.state,
      };
    }
    if (current && cmd.meta)
      throw new OrchestratorError('INSTANCE_EXISTS', {
        zh: `流程实例 ${cmd.instanceId} 已由另一次启动创建`,
        en: `instance ${cmd.instanceId} was started with another key`,
      });
    const definition = await deps.definitions.byVersion(current?.version_id ?? cmd.meta!.versionId);
    const at = deps.clock();
    const calendar = await deps.calendars.current();
    const outcome = step(definition, current?.state ?? initialState(), cmd.event, at.toISOString(), {
      calendar: calendarOf(calendar),
    });
    if (!outcome.ok) {
      // Only final when decided on the stored state: the command may have been logged already.
      if (optimistic) continue;
      throw OrchestratorError.fromRejection(outcome.rejection);
    }
    const links = {
      parentId: current?.parent_id ?? cmd.meta?.parentId ?? null,
      businessKey: current?.business_key ?? cmd.meta?.businessKey ?? null,
      unitId: current?.unit_id ?? cmd.meta!.unitId,
    };
    const written = await path.write({
      transition: {
        instanceId: cmd.instanceId,
        event: withCalendarRevision(cmd.event, calendar.revision),
        actorId: cmd.actorId,
        idempotencyKey: cmd.idempotencyKey,
        at,
        state: outcome.state,
        effects: outcome.effects,
        expectedRevision: current?.revision ?? 0,
        ...(cmd.meta && !current ? { meta: cmd.meta } : {}),
      },
      runtime: runtimeRowsFor({
        instanceId: cmd.instanceId,
        effects: outcome.effects,
        state: outcome.state,
        links,
      }),
    });
    if (!written) {
      cache?.delete(cmd.instanceId);
      continue;
    }
    cache?.set(cmd.instanceId, {
      state: deepFreeze(outcome.state),
      revision: outcome.state.revision,
      version_id: current?.version_id ?? cmd.meta!.versionId,
      unit_id: links.unitId,
      parent_id: links.parentId,
      business_key: links.businessKey,
    });
    return {
      instanceId: cmd.instanceId,
      revision: outcome.state.revision,
      status: instanceStatus(outcome.state),
      duplicate: false,
      state: outcome.state,
    };
  }
  throw new OrchestratorError('CONFLICT', {
    zh: `流程实例 ${cmd.instanceId} 在处理期间不断变化，请重试`,
    en: `instance ${cmd.instanceId} kept changing under the command; try again`,
  });
}
