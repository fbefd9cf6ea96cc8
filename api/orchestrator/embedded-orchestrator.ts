// The Orchestrator port served by the embedded runtime: commands are Postgres transactions and a
// scheduler in the same process fires timers and runs effects.
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { logLostConnections } from '../db/lost-connections';
import { createActivities } from '../../activities/create-activities';
import { createCalendarRevisions } from '../../activities/calendar-revisions';
import { applyCommand, type CommandDeps } from '../runtime/apply-command';
import { createDefinitionStore } from '../runtime/definition-store';
import { createInstanceCache } from '../runtime/instance-cache';
import { migrateInstance } from '../runtime/migrate-instance';
import { createTransitionWriter } from '../runtime/transition-writer';
import { createScheduler, type SchedulerOptions } from '../runtime/scheduler';
import { eventFor } from './command-events';
import { instanceIdForStart, type Orchestrator, scopedKey } from './orchestrator';
import { listOpenTaskRows, readInstanceView } from './projection-reads';

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
  logLostConnections(pool, '[runtime]');
  const deps: CommandDeps = {
    definitions: createDefinitionStore(pool),
    clock: options.clock ?? (() => new Date()),
    instances: createInstanceCache(),
    writer: createTransitionWriter(pool),
    calendars: createCalendarRevisions(pool),
  };
  const activities = createActivities({ pool, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const scheduler = createScheduler({ pool, deps, activities, ...options.scheduler });
  if (options.runScheduler) scheduler.start();

  const orchestrator: Orchestrator = {
    kind: 'embedded',
    async start(command) {
      const result = await applyCommand(pool, deps, {
        instanceId: instanceIdForStart(command),
        actorId: command.actor.userId,
        idempotencyKey: scopedKey(command.actor, command.idempotencyKey),
        // applyCommand adds the unit's ancestor path.
        event: {
          type: 'started',
          input: command.input,
          actor: { userId: command.actor.userId },
          unitId: command.unitId,
        },
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
        event: await eventFor(pool, event, actor),
        actorId: actor?.userId ?? null,
        idempotencyKey: scopedKey(actor, idempotencyKey),
      });
      scheduler.poke();
      return result;
    },
    async cancel(instanceId, actor, reason, idempotencyKey) {
      const result = await applyCommand(pool, deps, {
        instanceId,
        event: { type: 'cancelled', actor: { userId: actor.userId }, reason },
        actorId: actor.userId,
        idempotencyKey: scopedKey(actor, idempotencyKey),
      });
      scheduler.poke();
      return result;
    },
    // No poke: a migration opens no effects and keeps the timers' due times.
    migrate: (instanceId, targetVersionId, mapping, actor, idempotencyKey = randomUUID()) =>
      migrateInstance(pool, deps, {
        instanceId,
        targetVersionId,
        mapping,
        actorId: actor.userId,
        idempotencyKey: scopedKey(actor, idempotencyKey),
      }),
    get: (instanceId) => readInstanceView(pool, instanceId),
    listOpenTasks: (filter) => listOpenTaskRows(pool, filter),
    async close() {
      await scheduler.stop();
      await pool.end();
    },
  };
  return { orchestrator, scheduler, pool };
}
