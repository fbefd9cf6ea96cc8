// Moves the tasks of people who are away to their proxies (代理). Runs in every product process on
// either runtime: it finds open tasks held by the principal of an active period and sends each
// instance a `taskProxied` system event through the Orchestrator port. The event's idempotency
// key names the period and the task, so a restart, or two processes sweeping at once, never moves
// a task twice. Which tasks count and why: docs/proxies.md.
import { Prisma } from '../../prisma/generated/client';
import type { Db } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import type { Orchestrator } from '../orchestrator/orchestrator';
import { OrchestratorError } from '../orchestrator/orchestrator';
import type { Clock } from '../runtime/clock';
import { createPollingLoop } from '../runtime/polling-loop';
import { holderFor } from '../work/task-handovers';

interface DueMove {
  period_id: string;
  principal_id: string;
  principal_name: string;
  proxy_id: string;
  instance_id: string;
  engine_task_id: string;
}

export interface SweepResult {
  moved: number;
  /** Moves the engine (or the proxy's account) refused; not tried again by this process. */
  refused: number;
}

export interface ProxySweeper {
  /** One pass over every active period. */
  sweep(): Promise<SweepResult>;
  /** Asks for a pass as soon as the one in flight ends (a period was just set). */
  sweepSoon(): void;
  start(): void;
  stop(): Promise<void>;
}

export interface ProxySweeperOptions {
  prisma: Db;
  orchestrator: Orchestrator;
  clock?: Clock;
  intervalMs?: number;
  /** Moves asked for per pass (the rest wait for the next pass). */
  batchSize?: number;
  log?: (line: string) => void;
}

/**
 * Open tasks held by the principal of a period active now: their own tasks and role tasks they
 * claimed (both have the principal as the row's assignee); not those delegated (委派), either way,
 * nor those already refused (so refusals never fill the batch and hold back later moves).
 */
function dueMoves(prisma: Db, now: Date, refused: readonly string[], batchSize: number): Promise<DueMove[]> {
  return prisma.$queryRaw<DueMove[]>(Prisma.sql`
    SELECT p.id::text AS period_id, p.principal_id::text AS principal_id, pu.display_name AS principal_name,
           p.proxy_id::text AS proxy_id, t.instance_id::text AS instance_id, t.engine_task_id
    FROM proxy_period p
    JOIN app_user pu ON pu.id = p.principal_id
    JOIN task t ON t.status = 'open' AND t.assignee_id = p.principal_id
    JOIN process_instance i ON i.id = t.instance_id AND i.status = 'running'
    WHERE p.cancelled_at IS NULL AND p.starts_at <= ${now} AND p.ends_at > ${now}
      AND i.state -> 'tasks' -> t.engine_task_id ->> 'delegatedBy' IS NULL
      AND NOT ('proxy/' || p.id::text || '/' || t.engine_task_id) = ANY(${refused}::text[])
    ORDER BY p.starts_at, t.created_at
    LIMIT ${batchSize}`);
}

export function createProxySweeper(options: ProxySweeperOptions): ProxySweeper {
  const { prisma, orchestrator } = options;
  const clock = options.clock ?? (() => new Date());
  const intervalMs = options.intervalMs ?? 5000;
  const batchSize = options.batchSize ?? 200;
  const log = options.log ?? ((line: string) => console.error(`[proxy-sweeper] ${line}`));
  // A refusal does not change by itself (the proxy lacks the task's role, their account is
  // disabled): kept per process so the sweep does not ask again every few seconds.
  const refusedKeys = new Set<string>();

  async function move(due: DueMove): Promise<'moved' | 'refused' | 'skipped'> {
    const key = `proxy/${due.period_id}/${due.engine_task_id}`;
    if (refusedKeys.has(key)) return 'skipped';
    try {
      await orchestrator.send(
        due.instance_id,
        {
          type: 'taskProxied',
          fromTaskId: due.engine_task_id,
          from: { userId: due.principal_id, displayName: due.principal_name },
          to: await holderFor(prisma, due.proxy_id),
          proxyId: due.period_id,
        },
        null,
        key,
      );
      return 'moved';
    } catch (error) {
      // Refused: by the engine, or because the proxy is no longer an active person (holderFor).
      const refused = error instanceof AppError || (error instanceof OrchestratorError && error.rejected);
      const message = error instanceof Error ? error.message : String(error);
      if (!refused) {
        // A conflict or a lost connection is worth another try at the next pass.
        log(`moving ${key} failed, will retry: ${message}`);
        return 'skipped';
      }
      refusedKeys.add(key);
      log(`moving ${key} refused: ${message}`);
      return 'refused';
    }
  }

  async function sweep(): Promise<SweepResult> {
    const result: SweepResult = { moved: 0, refused: 0 };
    for (const due of await dueMoves(prisma, clock(), [...refusedKeys], batchSize)) {
      const outcome = await move(due);
      if (outcome !== 'skipped') result[outcome] += 1;
    }
    return result;
  }

  // One pass in flight at most; a request during a pass asks for another right after it.
  const loop = createPollingLoop(sweep, intervalMs, (message) => log(`sweep failed: ${message}`));

  return {
    sweep,
    sweepSoon: loop.poke,
    start: loop.start,
    stop: loop.stop,
  };
}
