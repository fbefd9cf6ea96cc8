// Runs inside every server process: claims due timers and pending effects with
// FOR UPDATE SKIP LOCKED (so several processes share one database without double execution),
// fires timers through the engine, runs effects through the shared activity functions, retries
// failures with exponential backoff, and parks an effect that keeps failing as `failed`.
import type { Pool, PoolClient } from 'pg';
import type { Activities } from '../../activities/create-activities';
import { NonRetryableActionError } from '../../activities/run-action';
import type { ActionRequest } from '../../activities/run-action';
import {
  childInstanceTitle,
  type Effect,
  type EngineEvent,
  type InstanceState,
  notificationPayload,
  type ResolvedAssignee,
} from '../../workflows/engine';
import { OrchestratorError, instanceIdForStart } from '../orchestrator/orchestrator';
import { applyCommand, applyCommandInTransaction, inTransaction, type CommandDeps } from './apply-command';
import { earliestTimer } from './runtime-rows';
import { createPollingLoop } from './polling-loop';

export interface SchedulerOptions {
  pool: Pool;
  deps: CommandDeps;
  activities: Activities;
  /** Attempts before an effect is parked as failed. */
  maxAttempts?: number;
  /** First retry delay; doubles per attempt up to maxBackoffMs. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** How long a claimed effect is reserved before another process may take it over (crash recovery). */
  leaseMs?: number;
  batchSize?: number;
  pollMs?: number;
  log?: (line: string) => void;
}

interface EffectRow {
  id: string;
  instance_id: string;
  type: string;
  payload: Record<string, unknown>;
  idempotency_key: string;
  attempts: number;
}

export interface TickResult {
  timersFired: number;
  effectsRun: number;
}

export function backoffMs(attempt: number, base: number, max: number): number {
  return Math.min(max, base * 2 ** Math.max(0, attempt - 1));
}

export function createScheduler(options: SchedulerOptions) {
  const { pool, deps, activities } = options;
  const maxAttempts = options.maxAttempts ?? 5;
  const base = options.baseBackoffMs ?? 1000;
  const maxBackoff = options.maxBackoffMs ?? 5 * 60_000;
  const leaseMs = options.leaseMs ?? 60_000;
  const batchSize = options.batchSize ?? 20;
  const pollMs = options.pollMs ?? 250;
  // Failures must be seen: without a logger of the caller's, they go to stderr.
  const log = options.log ?? ((line: string) => console.error(`[scheduler] ${line}`));

  /**
   * Applies an event inside the caller's transaction, treating an engine rejection as "nothing to
   * do" (e.g. a timer whose task finished first). A rejection is decided before anything is written.
   */
  async function applySystemEvent(client: PoolClient, instanceId: string, event: EngineEvent, key: string) {
    try {
      await applyCommandInTransaction(client, deps, {
        instanceId,
        event,
        actorId: null,
        idempotencyKey: key,
      });
      return undefined;
    } catch (error) {
      if (!(error instanceof OrchestratorError) || !error.rejected) throw error;
      return error;
    }
  }

  /**
   * Fires the earliest due timer of one instance whose next due time has come. The instance row is
   * claimed with SKIP LOCKED, so several processes fire different instances' timers.
   */
  async function fireOneTimer(): Promise<boolean> {
    return inTransaction(pool, async (client) => {
      const now = deps.clock();
      const { rows } = await client.query<{ id: string; state: InstanceState }>(
        `SELECT id, state FROM process_instance WHERE next_due_at <= $1
         ORDER BY next_due_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [now],
      );
      const instance = rows[0];
      if (!instance) return false;
      const due = earliestTimer(instance.state);
      if (!due) {
        // No open timer (the wake-up was stale): nothing to wake the instance for.
        await client.query('UPDATE process_instance SET next_due_at = NULL WHERE id = $1', [instance.id]);
        return true;
      }
      const event: EngineEvent = { type: 'timerFired', timerId: due.id };
      const rejected = await applySystemEvent(client, instance.id, event, `timer/${due.id}`);
      if (rejected?.code === 'TIMER_NOT_DUE') {
        // Not due by its own time (the wake-up time ran ahead): look again at its fireAt.
        await client.query('UPDATE process_instance SET next_due_at = $2 WHERE id = $1', [
          instance.id,
          new Date(due.fireAt),
        ]);
      } else if (rejected) {
        // Refused for another reason (e.g. its path failed to evaluate): dropped, as on Temporal;
        // the event log keeps the timerDropped event with the refusal's code (docs/runtime.md).
        const kept = await applySystemEvent(
          client,
          instance.id,
          { type: 'timerDropped', timerId: due.id, reason: rejected.code },
          `timer/${due.id}/dropped`,
        );
        // An instance that no longer runs keeps no timers to wake it for.
        if (kept)
          await client.query('UPDATE process_instance SET next_due_at = NULL WHERE id = $1', [instance.id]);
        log(`timer ${due.id} of instance ${instance.id} dropped: ${rejected.code}: ${rejected.message}`);
      }
      return true;
    });
  }

  async function claimEffects(): Promise<EffectRow[]> {
    return inTransaction(pool, async (client) => {
      const now = deps.clock();
      const { rows } = await client.query<EffectRow>(
        `SELECT id, instance_id, type, payload, idempotency_key, attempts FROM pending_effect
         WHERE status IN ('pending', 'running') AND next_attempt_at <= $1
         ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [now, batchSize],
      );
      if (rows.length === 0) return [];
      await client.query(
        `UPDATE pending_effect SET status = 'running', attempts = attempts + 1, next_attempt_at = $2, updated_at = $3
         WHERE id = ANY($1::uuid[])`,
        [rows.map((r) => r.id), new Date(now.getTime() + leaseMs), now],
      );
      return rows.map((r) => ({ ...r, attempts: r.attempts + 1 }));
    });
  }

  /** Carries out an effect's outside work; returns the engine event that reports it, if any. */
  async function perform(
    effect: EffectRow,
  ): Promise<{ instanceId: string; event: EngineEvent; key: string } | undefined> {
    const p = effect.payload;
    switch (effect.type) {
      case 'runAction': {
        const result = await activities.runAction({
          instanceId: effect.instance_id,
          actionId: p.actionId as string,
          action: p.action as string,
          params: p.params as Record<string, unknown>,
          idempotencyKey: effect.idempotency_key,
          context: p.context as ActionRequest['context'],
        });
        return {
          instanceId: effect.instance_id,
          event: { type: 'actionCompleted', actionId: p.actionId as string, result },
          // The same key as on Temporal, so both runtimes log an action's result alike.
          key: `action/${p.actionId as string}/completed`,
        };
      }
      case 'notify':
        await activities.deliverNotification({
          idempotencyKey: effect.idempotency_key,
          instanceId: effect.instance_id,
          to: p.to as ResolvedAssignee,
          template: p.template as string,
          payload: notificationPayload(p as unknown as Extract<Effect, { type: 'notify' }>),
        });
        return undefined;
      case 'startChild':
        await startChild(effect);
        return undefined;
      case 'deliverEvent':
        // An event one instance sends another (e.g. a parent cancelling its child).
        return { instanceId: p.instanceId as string, event: p.event as EngineEvent, key: p.key as string };
      case 'notifyParent':
        return {
          instanceId: p.parentId as string,
          event: {
            type: 'childCompleted',
            childId: p.childId as string,
            ...(p.outcome === undefined ? {} : { outcome: p.outcome as string }),
            variables: p.variables as Record<string, unknown>,
          },
          key: `child/${effect.instance_id}`,
        };
      default:
        throw new NonRetryableActionError(`unknown effect type ${effect.type}`);
    }
  }

  async function startChild(effect: EffectRow): Promise<void> {
    const p = effect.payload;
    const versionId = await deps.definitions.latestPublishedVersionId(p.definitionKey as string);
    const child = await deps.definitions.byVersion(versionId);
    const parent = await pool.query<{ title: string }>('SELECT title FROM process_instance WHERE id = $1', [
      effect.instance_id,
    ]);
    const instanceId = instanceIdForStart({ idempotencyKey: effect.idempotency_key });
    const startedBy = (p.startedBy as string | undefined) ?? null;
    await applyCommand(pool, deps, {
      instanceId,
      actorId: startedBy,
      idempotencyKey: effect.idempotency_key,
      event: {
        type: 'started',
        input: p.input as Record<string, unknown>,
        actor: { userId: startedBy ?? 'system' },
        unitId: p.unitId as string,
      },
      meta: {
        versionId,
        unitId: p.unitId as string,
        title: childInstanceTitle({
          rendered: p.title as string | undefined,
          parentTitle: parent.rows[0]?.title ?? '',
          childDefinitionName: child.name,
        }),
        parentId: effect.instance_id,
        businessKey: p.childId as string,
      },
    });
  }

  async function settle(effect: EffectRow, report: Awaited<ReturnType<typeof perform>>): Promise<void> {
    await inTransaction(pool, async (client) => {
      const rejected = report
        ? await applySystemEvent(client, report.instanceId, report.event, report.key)
        : undefined;
      // E.g. a child finishing after its parent closed: nothing waits for it any more.
      if (rejected)
        log(
          `${report!.event.type} for instance ${report!.instanceId} ignored: ${rejected.code}: ${rejected.message}`,
        );
      await client.query(
        `UPDATE pending_effect SET status = 'done', last_error = $2, result = $3, updated_at = $4 WHERE id = $1`,
        [
          effect.id,
          rejected ? `result not applied: ${rejected.code}: ${rejected.message}` : null,
          report && 'result' in report.event ? JSON.stringify(report.event.result ?? null) : null,
          deps.clock(),
        ],
      );
    });
  }

  async function fail(effect: EffectRow, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const park = error instanceof NonRetryableActionError || effect.attempts >= maxAttempts;
    await inTransaction(pool, async (client) => {
      const now = deps.clock();
      if (!park) {
        const retryAt = new Date(now.getTime() + backoffMs(effect.attempts, base, maxBackoff));
        await client.query(
          `UPDATE pending_effect SET status = 'pending', next_attempt_at = $2, last_error = $3, updated_at = $4 WHERE id = $1`,
          [effect.id, retryAt, message, now],
        );
        return;
      }
      await client.query(
        `UPDATE pending_effect SET status = 'failed', last_error = $2, updated_at = $3 WHERE id = $1`,
        [effect.id, message, now],
      );
      // The process decides what a failed action means (an error edge, or an incident to resolve).
      if (effect.type === 'runAction') {
        await applySystemEvent(
          client,
          effect.instance_id,
          {
            type: 'actionFailed',
            actionId: effect.payload.actionId as string,
            error: message,
            attempts: effect.attempts,
          },
          `action/${effect.payload.actionId as string}/failed`,
        );
      }
    });
    log(`effect ${effect.idempotency_key} ${park ? 'parked as failed' : 'will be retried'}: ${message}`);
  }

  async function runEffect(effect: EffectRow): Promise<void> {
    let report: Awaited<ReturnType<typeof perform>>;
    try {
      report = await perform(effect);
    } catch (error) {
      await fail(effect, error);
      return;
    }
    await settle(effect, report);
  }

  /** One pass: every due timer, then one batch of due effects. */
  async function tick(): Promise<TickResult> {
    let timersFired = 0;
    while (await fireOneTimer()) timersFired += 1;
    const effects = await claimEffects();
    await Promise.all(effects.map(runEffect));
    return { timersFired, effectsRun: effects.length };
  }

  /** Ticks until nothing is due (tests and benchmarks). */
  async function drain(maxTicks = 1000): Promise<void> {
    for (let i = 0; i < maxTicks; i++) {
      const { timersFired, effectsRun } = await tick();
      if (timersFired === 0 && effectsRun === 0) return;
    }
    throw new Error(`scheduler did not settle within ${maxTicks} ticks`);
  }

  // One loop per scheduler: a poke during a tick only asks for another tick right after it.
  const loop = createPollingLoop(tick, pollMs, (message) => log(`scheduler tick failed: ${message}`));

  return {
    tick,
    drain,
    start: loop.start,
    /** Runs a tick soon, e.g. right after a command queued effects; during a tick, right after it. */
    poke: loop.poke,
    /** Stops the loop and waits for the tick in flight, if any. */
    stop: loop.stop,
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
