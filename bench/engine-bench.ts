// `npm run bench:engine`: drives N concurrent project-lifecycle instances through every stage on
// the embedded runtime and compares its transition rate with the physical baseline measured in the
// same run on the same database: plain single-row UPDATE commits from a pg loop at the same
// concurrency, measured before and after the engine run (the mean is the baseline, so drift of a
// shared machine weighs on both sides). A warm-up of a few instances per lane runs first and is not
// counted. Then opens many instances at once and reports the runtime process's peak memory.
// Settings: BENCH_CONCURRENCY (8), BENCH_INSTANCES (1600), BENCH_OPEN_INSTANCES (10000),
// DATABASE_URL (else an embedded PostgreSQL is started and removed afterwards).
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../api/db/embedded-postgres';
import { applyMigrations } from '../api/db/migrate';
import { ensureDatabase } from '../api/db/open-database';
import { createPrismaClient } from '../api/db/prisma-client';
import { createEmbeddedOrchestrator } from '../api/orchestrator/embedded-orchestrator';
import {
  type CommandEvent,
  OrchestratorError,
  type CommandResult,
  type Orchestrator,
} from '../api/orchestrator/orchestrator';
import { seedBuiltInDefinitions } from '../prisma/seed/seed-definitions';
import { seedDemo } from '../prisma/seed/seed-demo';
import { lifecycleReviewScores, lifecycleTaskDataFor } from '../tests/fixtures/project-lifecycle-data';

const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const instances = Number(process.env.BENCH_INSTANCES ?? 1600);
const warmUpPerLane = 8;
const openInstances = Number(process.env.BENCH_OPEN_INSTANCES ?? 10_000);
const baselineSeconds = 5;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Peak resident memory of this process (the runtime runs in it; PostgreSQL runs in its own). */
function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

async function baselineCommitsPerSecond(url: string): Promise<number> {
  const setup = new Client({ connectionString: url });
  await setup.connect();
  await setup.query('CREATE TABLE IF NOT EXISTS bench_counter (id int PRIMARY KEY, n bigint NOT NULL)');
  await setup.query('TRUNCATE bench_counter');
  await setup.query('INSERT INTO bench_counter SELECT g, 0 FROM generate_series(1, $1::int) g', [
    concurrency,
  ]);
  await setup.end();
  const deadline = Date.now() + baselineSeconds * 1000;
  const counts = await Promise.all(
    Array.from({ length: concurrency }, async (_, lane) => {
      const client = new Client({ connectionString: url });
      await client.connect();
      let n = 0;
      while (Date.now() < deadline) {
        await client.query('UPDATE bench_counter SET n = n + 1 WHERE id = $1', [lane + 1]);
        n += 1;
      }
      await client.end();
      return n;
    }),
  );
  return counts.reduce((a, b) => a + b, 0) / baselineSeconds;
}

async function main(): Promise<void> {
  const dataDir = join(tmpdir(), `sgf-bench-${process.pid}`);
  const server = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir, ephemeral: true });
  const database = `sgf_bench_${Date.now()}`;
  const adminUrl = process.env.DATABASE_URL ?? server!.adminUrl;
  await ensureDatabase(adminUrl, database);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();
  try {
    await applyMigrations({ databaseUrl });
    const prisma = createPrismaClient(databaseUrl);
    await seedDemo(prisma);
    const versionIds = await seedBuiltInDefinitions(prisma);
    const unit = await prisma.orgUnit.findUniqueOrThrow({ where: { code: 'LC-HJL' } });
    const officer = await prisma.user.findUniqueOrThrow({ where: { username: 'shegong' } });
    await prisma.$disconnect();

    console.log(
      `concurrency ${concurrency}, ${instances} lifecycle instances, ${openInstances} open instances`,
    );
    const baselineBefore = await baselineCommitsPerSecond(databaseUrl);

    // The clock runs ten days per reading so monthly monitoring timers come due during the run.
    let fakeNow = Date.parse('2025-03-01T01:00:00Z');
    const clock = () => new Date((fakeNow += 10 * 86_400_000));
    const runtime = createEmbeddedOrchestrator({ databaseUrl, clock, poolSize: concurrency + 2 });
    const { orchestrator } = runtime;
    const latencies: number[] = [];
    const timed = async <T>(fn: () => Promise<T>): Promise<T> => {
      const started = process.hrtime.bigint();
      const result = await fn();
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      return result;
    };
    const actor = { userId: officer.id };
    let started = 0;
    const start = () =>
      orchestrator.start({
        versionId: versionIds['project-lifecycle']!,
        unitId: unit.id,
        title: 'bench',
        input: { projectName: `压测项目 ${++started}` },
        actor,
        idempotencyKey: randomUUID(),
      });

    const driveLanes = async (count: number, time: Timed): Promise<number> => {
      let transitions = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async (_, lane) => {
          for (let i = lane; i < count; i += concurrency) {
            const first = await time(start);
            const accepted = await driveToEnd(orchestrator, first, actor.userId, time);
            transitions += 1 + accepted;
          }
        }),
      );
      return transitions;
    };
    await driveLanes(concurrency * warmUpPerLane, (fn) => fn());
    const runStarted = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    const transitions = await driveLanes(instances, timed);
    const seconds = Number(process.hrtime.bigint() - runStarted) / 1e9;
    const cpu = process.cpuUsage(cpuBefore);
    const rate = transitions / seconds;
    latencies.sort((a, b) => a - b);
    const baselineAfter = await baselineCommitsPerSecond(databaseUrl);
    const baseline = (baselineBefore + baselineAfter) / 2;
    console.log(
      `baseline: ${baseline.toFixed(0)} single-row UPDATE commits/s (pg loop, ${concurrency} connections; ${baselineBefore.toFixed(0)} before, ${baselineAfter.toFixed(0)} after the engine run)`,
    );
    console.log(
      `engine: ${transitions} transitions in ${seconds.toFixed(1)} s = ${rate.toFixed(0)} transitions/s`,
    );
    console.log(
      `latency per command: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
    );
    console.log(`ratio to baseline: ${(rate / baseline).toFixed(3)} (target ≥ 0.25)`);
    console.log(
      `runtime process CPU per transition: ${((cpu.user + cpu.system) / transitions).toFixed(0)} µs (the database's is not counted)`,
    );
    console.log(`peak resident memory after the lifecycle run: ${peakRssMb().toFixed(0)} MB`);

    const openStarted = process.hrtime.bigint();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < openInstances) {
          next += 1;
          await start();
        }
      }),
    );
    const openSeconds = Number(process.hrtime.bigint() - openStarted) / 1e9;
    // Let the in-process scheduler sweep the open instances' timers and effects once.
    await runtime.scheduler.tick();
    console.log(
      `${openInstances} open instances started in ${openSeconds.toFixed(1)} s; peak resident memory ${peakRssMb().toFixed(0)} MB (target < 400 MB)`,
    );
    await orchestrator.close();
  } finally {
    if (server) {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }
}

type Timed = <T>(fn: () => Promise<T>) => Promise<T>;

/**
 * Completes whatever the instance waits for until it ends; returns the accepted commands. Each
 * command's result carries the state it produced, which tells the driver what comes next.
 */
async function driveToEnd(
  orchestrator: Orchestrator,
  first: CommandResult,
  userId: string,
  timed: Timed,
): Promise<number> {
  const { instanceId } = first;
  let { state } = first;
  let accepted = 0;
  for (let guard = 0; guard < 200; guard++) {
    if (state.status !== 'running') {
      if (state.outcome !== 'completed')
        throw new Error(`instance ${instanceId} ended as ${state.status}/${state.outcome}`);
      return accepted;
    }
    const task = Object.values(state.tasks).sort((a, b) =>
      a.id.localeCompare(b.id, 'en', { numeric: true }),
    )[0];
    const assignee = task?.assignee.type === 'user' ? task.assignee.userId : undefined;
    const key = randomUUID();
    const actor = { userId: assignee ?? userId };
    const send = (event: CommandEvent, by: typeof actor | null) =>
      timed(() => orchestrator.send(instanceId, event, by, key));
    try {
      if (!task) {
        const due = Object.values(state.timers).sort((a, b) => a.fireAt.localeCompare(b.fireAt))[0];
        if (!due) throw new Error(`instance ${instanceId} waits for nothing`);
        ({ state } = await send({ type: 'timerFired', timerId: due.id }, null));
      } else if (task.kind === 'approval') {
        ({ state } = await send({ type: 'approvalVoted', taskId: task.id, vote: 'approve' }, actor));
      } else if (task.kind === 'review') {
        const reviewer = { userId: randomUUID() };
        ({ state } = await send(
          { type: 'reviewSubmitted', taskId: task.id, scores: lifecycleReviewScores },
          reviewer,
        ));
      } else {
        const data = lifecycleTaskDataFor(task.nodeId);
        ({ state } = await send({ type: 'taskCompleted', taskId: task.id, data }, actor));
      }
      accepted += 1;
    } catch (error) {
      if (!(error instanceof OrchestratorError) || !error.rejected) throw error;
      // The bench clock moves on with every reading; the next attempt finds the timer due.
      if (error.code === 'TIMER_NOT_DUE') continue;
      throw new Error(`instance ${instanceId}: ${error.code} ${error.message}`, { cause: error });
    }
  }
  throw new Error(`instance ${instanceId} did not finish`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
