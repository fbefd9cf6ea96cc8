// Moves the tasks of people who are away to their proxies (代理). Runs in every product process on
// either runtime: it finds open tasks held by the principal of an active period and sends each
// instance a `taskProxied` system event through the Orchestrator port. The event's idempotency
// key names the period and the task, so a restart, or two processes sweeping at once, never moves
// a task twice. A move the engine refuses is recorded once (proxy_refusal) and both the person away
// and who set the period are told, rather than the task sitting unnoticed. Which tasks count and
// why: docs/proxies.md.
import { Prisma } from '../../prisma/generated/client';
import type { Db } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import type { Orchestrator } from '../orchestrator/orchestrator';
import { OrchestratorError } from '../orchestrator/orchestrator';
import type { Clock } from '../runtime/clock';
import { createPollingLoop } from '../runtime/polling-loop';
import { holderFor } from '../work/task-handovers';
import { movableTasksOf } from './proxy-eligibility';

/** The template of the notice that a task could not go to the proxy. */
export const MOVE_REFUSED_TEMPLATE = 'proxy.moveRefused';

interface DueMove {
  period_id: string;
  principal_id: string;
  principal_name: string;
  proxy_id: string;
  proxy_name: string;
  created_by_id: string;
  instance_id: string;
  engine_task_id: string;
}

export interface SweepResult {
  moved: number;
  /** Moves the engine (or the proxy's account) refused: recorded, told, never tried again. */
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
 * Open tasks held by the principal of a period active now (movableTasksOf), except those whose
 * move was refused already (so refusals never fill the batch and hold back later moves).
 */
function dueMoves(prisma: Db, now: Date, batchSize: number): Promise<DueMove[]> {
  return prisma.$queryRaw<DueMove[]>(Prisma.sql`
    SELECT p.id::text AS period_id, p.principal_id::text AS principal_id, pu.display_name AS principal_name,
           p.proxy_id::text AS proxy_id, xu.display_name AS proxy_name, p.created_by_id::text AS created_by_id,
           t.instance_id::text AS instance_id, t.engine_task_id
    FROM proxy_period p
    JOIN app_user pu ON pu.id = p.principal_id
    JOIN app_user xu ON xu.id = p.proxy_id
    CROSS JOIN task t CROSS JOIN process_instance i
    WHERE p.cancelled_at IS NULL AND p.starts_at <= ${now} AND p.ends_at > ${now}
      AND ${movableTasksOf(Prisma.sql`p.principal_id`)}
      AND NOT EXISTS (SELECT 1 FROM proxy_refusal r
        WHERE r.period_id = p.id AND r.instance_id = t.instance_id AND r.engine_task_id = t.engine_task_id)
    ORDER BY p.starts_at, t.created_at
    LIMIT ${batchSize}`);
}

/** Why a move was refused, in both languages: the engine's message, or the proxy's account's. */
function refusalReason(error: AppError | OrchestratorError): { zh: string; en: string } {
  if (error instanceof OrchestratorError) return error.messages;
  return { zh: error.errors[0]?.reasonZh ?? error.message, en: error.errors[0]?.reason ?? error.message };
}

/**
 * Records a refused move and tells the person away and whoever set the period, once per period
 * and task (the refusal's key; the notices' keys too, should two processes refuse at once).
 */
async function recordRefusal(prisma: Db, due: DueMove, reason: { zh: string; en: string }): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`
      INSERT INTO proxy_refusal (period_id, instance_id, engine_task_id, reason_zh, reason_en)
      VALUES (${due.period_id}::uuid, ${due.instance_id}::uuid, ${due.engine_task_id}, ${reason.zh}, ${reason.en})
      ON CONFLICT DO NOTHING`;
    if (inserted === 0) return;
    const payload = JSON.stringify({
      taskId: due.engine_task_id,
      periodId: due.period_id,
      principalName: due.principal_name,
      proxyName: due.proxy_name,
      reasonZh: reason.zh,
      reasonEn: reason.en,
    });
    for (const recipient of new Set([due.principal_id, due.created_by_id]))
      await tx.$executeRaw`
        INSERT INTO notification (id, idempotency_key, instance_id, recipient_user_id, template, payload)
        VALUES (gen_random_uuid(), ${`proxy-refused/${due.period_id}/${due.instance_id}/${due.engine_task_id}/${recipient}`},
          ${due.instance_id}::uuid, ${recipient}::uuid, ${MOVE_REFUSED_TEMPLATE}, ${payload}::jsonb)
        ON CONFLICT (idempotency_key) DO NOTHING`;
  });
}

export function createProxySweeper(options: ProxySweeperOptions): ProxySweeper {
  const { prisma, orchestrator } = options;
  const clock = options.clock ?? (() => new Date());
  const intervalMs = options.intervalMs ?? 5000;
  const batchSize = options.batchSize ?? 200;
  const log = options.log ?? ((line: string) => console.error(`[proxy-sweeper] ${line}`));
  async function move(due: DueMove): Promise<'moved' | 'refused' | 'skipped'> {
    const key = `proxy/${due.period_id}/${due.engine_task_id}`;
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
      const refused =
        error instanceof AppError || (error instanceof OrchestratorError && error.rejected) ? error : null;
      const message = error instanceof Error ? error.message : String(error);
      if (!refused) {
        // A conflict or a lost connection is worth another try at the next pass.
        log(`moving ${key} failed, will retry: ${message}`);
        return 'skipped';
      }
      // A refusal does not change by itself (the proxy lacks the task's role, their account is
      // disabled): recorded, so no pass asks again, and the two people are told.
      await recordRefusal(prisma, due, refusalReason(refused));
      log(`moving ${key} refused: ${message}`);
      return 'refused';
    }
  }

  async function sweep(): Promise<SweepResult> {
    const result: SweepResult = { moved: 0, refused: 0 };
    for (const due of await dueMoves(prisma, clock(), batchSize)) {
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
