// The Orchestrator port served by the embedded runtime: commands are Postgres transactions and a
// scheduler in the same process fires timers and runs effects.
import { Pool } from 'pg';
import { createActivities } from '../../activities/create-activities';
import { instanceStatus } from '../../activities/projection';
import type { InstanceState } from '../../workflows/engine';
import { applyCommand, type CommandDeps } from '../runtime/apply-command';
import { createDefinitionStore } from '../runtime/definition-store';
import { createScheduler, type SchedulerOptions } from '../runtime/scheduler';
import { instanceIdForStart, type InstanceView, type OpenTask, type Orchestrator } from './orchestrator';

export interface EmbeddedOptions {
  databaseUrl: string;
  clock?: () => Date;
  /** Start the background scheduler loop (off in tests that drive it by hand). */
  runScheduler?: boolean;
  poolSize?: number;
  scheduler?: Omit<SchedulerOptions, 'pool' | 'deps' | 'activities'>;
  fetch?: typeof fetch;
}

export function createEmbeddedOrchestrator(options: EmbeddedOptions) {
  const pool = new Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
  // An idle connection dropped by the server (restart, failover) must not take the process down;
  // the pool replaces it on next use.
  pool.on('error', (error) => console.error(`[runtime] idle database connection lost: ${error.message}`));
  const deps: CommandDeps = {
    definitions: createDefinitionStore(pool),
    clock: options.clock ?? (() => new Date()),
  };
  const activities = createActivities({ pool, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const scheduler = createScheduler({ pool, deps, activities, ...options.scheduler });
  if (options.runScheduler) scheduler.start();

  const orchestrator: Orchestrator = {
    kind: 'embedded',
    async start(command) {
      const instanceId = instanceIdForStart(command);
      const result = await applyCommand(pool, deps, {
        instanceId,
        actorId: command.actor.userId,
        idempotencyKey: command.idempotencyKey,
        event: { type: 'started', input: command.input, actor: command.actor, unitId: command.unitId },
        meta: {
          versionId: command.versionId,
          unitId: command.unitId,
          title: command.title,
          businessKey: command.businessKey,
          parentId: command.parentId,
        },
      });
      scheduler.poke();
      return result;
    },
    async send(instanceId, event, actor, idempotencyKey) {
      const result = await applyCommand(pool, deps, {
        instanceId,
        event,
        actorId: actor?.userId ?? null,
        idempotencyKey,
      });
      scheduler.poke();
      return result;
    },
    async cancel(instanceId, actor, reason, idempotencyKey) {
      return orchestrator.send(instanceId, { type: 'cancelled', actor, reason }, actor, idempotencyKey);
    },
    async get(instanceId): Promise<InstanceView | null> {
      const { rows } = await pool.query<{
        id: string;
        version_id: string;
        unit_id: string;
        title: string;
        revision: number;
        state: InstanceState;
      }>('SELECT id, version_id, unit_id, title, revision, state FROM process_instance WHERE id = $1', [
        instanceId,
      ]);
      const row = rows[0];
      if (!row) return null;
      return {
        id: row.id,
        versionId: row.version_id,
        unitId: row.unit_id,
        title: row.title,
        status: instanceStatus(row.state),
        revision: row.revision,
        state: row.state,
      };
    },
    async listOpenTasks(filter): Promise<OpenTask[]> {
      const { rows } = await pool.query<OpenTask>(
        `SELECT id, instance_id AS "instanceId", engine_task_id AS "engineTaskId", node_id AS "nodeId", kind, name,
                assignee_id AS "assigneeId", candidate_role AS "candidateRole", candidate_unit_id AS "candidateUnitId",
                due_at AS "dueAt"
         FROM task WHERE status = 'open' AND ($1::uuid IS NULL OR instance_id = $1) AND ($2::uuid IS NULL OR assignee_id = $2)
         ORDER BY created_at, engine_task_id`,
        [filter.instanceId ?? null, filter.assigneeId ?? null],
      );
      return rows;
    },
    async close() {
      await scheduler.stop();
      await pool.end();
    },
  };
  return { orchestrator, scheduler, pool };
}
