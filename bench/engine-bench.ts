// `npm run bench:engine`: drives project-lifecycle instances through every stage and prints one
// table of transition rates beside the physical baseline measured in the same run on the same
// database: plain single-row UPDATE commits from a pg loop at the same concurrency, measured before
// and after the runtimes (the mean is the baseline, so drift of a shared machine weighs on both).
// Variants, each on a fresh runtime:
//   whole lifecycle, warm   today's figure: the embedded runtime, each lane driving one instance
//                           straight through (its instance cache always hits), scheduler off, the
//                           driver firing timers on a clock that races ahead;
//   start + N commands      a pair on the same commands: warm (a lane finishes one instance's
//   warm / cold             commands before the next) and cold (a lane visits its share of more
//                           instances than the cache holds in turn, so every command misses it);
//                           the runtime offers no switch to turn the cache off;
//   scheduler + effects     the embedded runtime with its scheduler on the wall clock: it fires the
//                           (one-second) monitoring timer and settles a webhook to a loopback
//                           receiver and a notification per instance, which the instance waits for;
//   temporal                (BENCH_RUNTIME=temporal) the same effects load through the Temporal
//                           runtime: a dev server, a worker in this process, the Temporal adapter.
// Every variant counts transitions as event-log rows and database commits as transaction ids
// (bench/commit-counter.ts). Then opens many instances at once and reports peak memory.
// Settings: BENCH_CONCURRENCY (8 lanes), BENCH_INSTANCES (320), BENCH_CACHE_INSTANCES (cache size
// + 20 %), BENCH_CACHE_STEPS (2), BENCH_EFFECTS_INSTANCES (96), BENCH_EFFECTS_WINDOW (16 per lane),
// BENCH_OPEN_INSTANCES (10000), BENCH_BASELINE_SECONDS (3), BENCH_RUNTIME (embedded | temporal),
// DATABASE_URL (else an embedded PostgreSQL is started and removed afterwards), TEMPORAL_ADDRESS
// (else a Temporal dev server is started when BENCH_RUNTIME=temporal).
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
import type { Orchestrator } from '../api/orchestrator/orchestrator';
import { createInstanceCache } from '../api/runtime/instance-cache';
import { seedBuiltInDefinitions } from '../prisma/seed/seed-definitions';
import { seedDemo } from '../prisma/seed/seed-demo';
import { publishDefinition } from '../tests/support/runtime-fixtures';
import { baselineCommits, nextTransactionId } from './commit-counter';
import { EFFECTS_PER_INSTANCE, effectsLifecycle } from './effects-lifecycle';
import {
  type Candidates,
  type DriveResult,
  driveLifecycles,
  openLifecycles,
  type Timed,
} from './lifecycle-driver';
import { countStateReads } from './state-reads';
import { startTemporalRuntime } from './temporal-runtime';
import { startWebhookReceiver } from './webhook-receiver';

const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const lanes = setting('BENCH_CONCURRENCY', 8);
const warmInstances = setting('BENCH_INSTANCES', 320);
const warmUpPerLane = 8;
/** The runtime's cache size, read from the runtime itself so the cold window always exceeds it. */
const cacheSize = createInstanceCache().max;
const cacheInstances = setting('BENCH_CACHE_INSTANCES', Math.ceil(cacheSize * 1.2));
const cacheSteps = setting('BENCH_CACHE_STEPS', 2);
const effectsInstances = setting('BENCH_EFFECTS_INSTANCES', 96);
const effectsWindow = setting('BENCH_EFFECTS_WINDOW', 16);
const openInstances = setting('BENCH_OPEN_INSTANCES', 10_000);
const baselineSeconds = setting('BENCH_BASELINE_SECONDS', 3);
const runtimeChoice = process.env.BENCH_RUNTIME ?? 'embedded';
if (runtimeChoice !== 'embedded' && runtimeChoice !== 'temporal')
  throw new Error(`BENCH_RUNTIME is embedded or temporal, not ${runtimeChoice}`);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Peak resident memory of this process (the runtime runs in it; PostgreSQL runs in its own). */
function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

interface Row {
  variant: string;
  transitions: number;
  seconds: number;
  latencies: number[];
  commits: number;
  effects?: number;
  /** Reads of instance state ahead of commands (embedded runtime without its scheduler). */
  stateReads?: number;
  cpuMicros: number;
  drive: DriveResult;
}

interface Bench {
  databaseUrl: string;
  versionIds: Record<string, string>;
  unitId: string;
  officerId: string;
  candidates: Candidates;
  webhook: Awaited<ReturnType<typeof startWebhookReceiver>>;
}

async function scalar(url: string, sql: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(sql);
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}

/** Transitions (event-log rows), writing commits and settled effects around one measured drive. */
async function measure(
  bench: Bench,
  variant: string,
  drive: (timed: Timed) => Promise<DriveResult>,
  stateReads?: () => number,
): Promise<Row> {
  const { databaseUrl: url } = bench;
  const transitionsBefore = await scalar(url, 'SELECT count(*) AS n FROM instance_event');
  const notificationsBefore = await scalar(url, 'SELECT count(*) AS n FROM notification');
  const deliveriesBefore = bench.webhook.counts().deliveries;
  const latencies: number[] = [];
  const timed: Timed = async (fn) => {
    const started = process.hrtime.bigint();
    const result = await fn();
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    return result;
  };
  const readsBefore = stateReads?.();
  const commitsBefore = await nextTransactionId(url);
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const result = await drive(timed);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const commits = (await nextTransactionId(url)) - commitsBefore;
  const transitions = (await scalar(url, 'SELECT count(*) AS n FROM instance_event')) - transitionsBefore;
  const effects =
    (await scalar(url, 'SELECT count(*) AS n FROM notification')) -
    notificationsBefore +
    bench.webhook.counts().deliveries -
    deliveriesBefore;
  latencies.sort((a, b) => a - b);
  return {
    variant,
    transitions,
    seconds,
    latencies,
    commits,
    effects,
    ...(stateReads ? { stateReads: stateReads() - readsBefore! } : {}),
    cpuMicros: (cpu.user + cpu.system) / transitions,
    drive: result,
  };
}

function starter(bench: Bench, orchestrator: Orchestrator, definitionKey: string) {
  let started = 0;
  return () =>
    orchestrator.start({
      versionId: bench.versionIds[definitionKey]!,
      unitId: bench.unitId,
      title: 'bench',
      input: { projectName: `压测项目 ${++started}` },
      actor: { userId: bench.officerId },
      idempotencyKey: randomUUID(),
    });
}

/** The clock of the scheduler-less variants runs ten days per reading, so timers come due at once. */
function racingClock() {
  let fakeNow = Date.parse('2025-03-01T01:00:00Z');
  return () => new Date((fakeNow += 10 * 86_400_000));
}

/** An embedded runtime without its scheduler, on the racing clock; its state reads are counted. */
function bareRuntime(bench: Bench) {
  const { orchestrator, pool } = createEmbeddedOrchestrator({
    databaseUrl: bench.databaseUrl,
    clock: racingClock(),
    poolSize: lanes + 2,
  });
  return { orchestrator, stateReads: countStateReads(pool) };
}

/** Today's figure: each lane drives one instance straight through, so the cache always hits. */
async function warmLifecycleVariant(bench: Bench): Promise<Row> {
  const { orchestrator, stateReads } = bareRuntime(bench);
  const load = {
    orchestrator,
    start: starter(bench, orchestrator, 'project-lifecycle'),
    candidates: bench.candidates,
    lanes,
    window: 1,
    timers: 'send' as const,
  };
  // A few instances per lane first, not counted: JIT, prepared statements, the definition store.
  await driveLifecycles({ ...load, instances: lanes * warmUpPerLane, timed: (fn) => fn() });
  const row = await measure(
    bench,
    'embedded, whole lifecycle, warm',
    (timed) => driveLifecycles({ ...load, instances: warmInstances, timed }),
    stateReads,
  );
  await orchestrator.close();
  return row;
}

/**
 * The first commands of many instances, once with each lane finishing one instance's commands
 * before the next (the cache hits), once with each lane visiting its share of all instances in turn,
 * all of them more than the cache holds, so each command finds its instance evicted.
 */
async function cacheVariant(bench: Bench, cache: 'warm' | 'cold'): Promise<Row> {
  const { orchestrator, stateReads } = bareRuntime(bench);
  const row = await measure(
    bench,
    `embedded, start + ${cacheSteps} commands, ${cache}`,
    (timed) =>
      driveLifecycles({
        orchestrator,
        start: starter(bench, orchestrator, 'project-lifecycle'),
        candidates: bench.candidates,
        lanes,
        instances: cacheInstances,
        window: cache === 'warm' ? 1 : Math.ceil(cacheInstances / lanes),
        stepsPerInstance: cacheSteps,
        timers: 'send',
        timed,
      }),
    stateReads,
  );
  await orchestrator.close();
  return row;
}

async function effectsLoad(bench: Bench, orchestrator: Orchestrator, variant: string): Promise<Row> {
  const load = {
    orchestrator,
    start: starter(bench, orchestrator, 'project-lifecycle-bench'),
    candidates: bench.candidates,
    lanes,
    window: effectsWindow,
    timers: 'runtime' as const,
  };
  await driveLifecycles({ ...load, instances: lanes, timed: (fn) => fn() });
  return measure(bench, variant, (timed) => driveLifecycles({ ...load, instances: effectsInstances, timed }));
}

async function effectsVariant(bench: Bench): Promise<Row> {
  const { orchestrator } = createEmbeddedOrchestrator({
    databaseUrl: bench.databaseUrl,
    runScheduler: true,
    poolSize: lanes + 2,
  });
  const row = await effectsLoad(bench, orchestrator, 'embedded, scheduler + effects');
  await orchestrator.close();
  return row;
}

async function temporalVariant(bench: Bench): Promise<Row> {
  const runtime = await startTemporalRuntime(bench.databaseUrl, lanes + 4);
  try {
    return await effectsLoad(bench, runtime.orchestrator, 'temporal, timer + effects');
  } finally {
    await runtime.close();
  }
}

/**
 * Many instances started at once and left open, on the wall clock: their deadlines lie days ahead,
 * so no scheduler sweep is due (on the racing clock one would fire every open instance's reminder
 * and escalation one transaction at a time, minutes of work the effects variant samples already).
 */
async function openManyInstances(bench: Bench) {
  const { orchestrator } = createEmbeddedOrchestrator({
    databaseUrl: bench.databaseUrl,
    poolSize: lanes + 2,
  });
  const started = process.hrtime.bigint();
  await openLifecycles(starter(bench, orchestrator, 'project-lifecycle'), openInstances, lanes);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await orchestrator.close();
  return { seconds, peakRssMb: peakRssMb() };
}

async function setUp(databaseUrl: string, webhookUrl: string) {
  await applyMigrations({ databaseUrl });
  const prisma = createPrismaClient(databaseUrl);
  try {
    await seedDemo(prisma);
    const versionIds = await seedBuiltInDefinitions(prisma);
    versionIds['project-lifecycle-bench'] = await publishDefinition(
      databaseUrl,
      effectsLifecycle(webhookUrl),
    );
    const unit = await prisma.orgUnit.findUniqueOrThrow({ where: { code: 'LC-HJL' } });
    const centre = await prisma.orgUnit.findUniqueOrThrow({ where: { code: 'LC' } });
    const user = (username: string) => prisma.user.findUniqueOrThrow({ where: { username } });
    // The lifecycle's centre tasks go to supervisors at the county centre, three review seats.
    const centreSupervisors = await Promise.all(
      [1, 2, 3].map(async (n) => {
        const created = await prisma.user.create({
          data: {
            username: `bench-centre-supervisor-${n}`,
            displayName: `中心督导 ${n}`,
            passwordHash: 'not-used',
            roles: { create: { role: 'supervisor', unitId: centre.id } },
          },
        });
        return created.id;
      }),
    );
    return {
      versionIds,
      unitId: unit.id,
      officerId: (await user('shegong')).id,
      candidates: { stationSupervisor: (await user('zhanzhang')).id, centreSupervisors },
    };
  } finally {
    await prisma.$disconnect();
  }
}

const fixed = (n: number, digits = 0) => n.toFixed(digits);

function printTable(rows: Row[], baseline: number): void {
  const header = [
    'variant',
    'transitions',
    's',
    'transitions/s',
    'ratio',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'commits/s',
    'commits/transition',
    'effects/s',
    'state reads/command after start',
    'CPU µs/transition',
  ];
  const lines = [
    header,
    ['baseline: UPDATE loop', '', '', '', '', '', '', '', fixed(baseline), '1', '', '', ''],
    ...rows.map((row) => [
      row.variant,
      String(row.transitions),
      fixed(row.seconds, 1),
      fixed(row.transitions / row.seconds),
      fixed(row.transitions / row.seconds / baseline, 3),
      fixed(percentile(row.latencies, 50), 1),
      fixed(percentile(row.latencies, 95), 1),
      fixed(percentile(row.latencies, 99), 1),
      fixed(row.commits / row.seconds),
      fixed(row.commits / row.transitions, 2),
      row.effects ? fixed(row.effects / row.seconds) : '',
      row.stateReads === undefined ? '' : fixed(row.stateReads / (row.drive.accepted - row.drive.starts), 2),
      fixed(row.cpuMicros),
    ]),
  ];
  const widths = header.map((_, column) => Math.max(...lines.map((line) => line[column]!.length)));
  for (const line of lines)
    console.log(
      line
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
        .join('  '),
    );
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
  const webhook = await startWebhookReceiver();
  try {
    const bench: Bench = { databaseUrl, webhook, ...(await setUp(databaseUrl, webhook.url)) };
    console.log(
      `${lanes} lanes; whole lifecycle: ${warmInstances} instances straight through; cache pair: ${cacheInstances} instances (the cache holds ${cacheSize}), a start and ${cacheSteps} commands each; effects: ${effectsInstances} instances, ${effectsWindow} in flight per lane; runtime ${runtimeChoice}`,
    );
    const before = await baselineCommits(databaseUrl, lanes, baselineSeconds);
    const rows = [
      await warmLifecycleVariant(bench),
      await cacheVariant(bench, 'warm'),
      await cacheVariant(bench, 'cold'),
      await effectsVariant(bench),
    ];
    const embeddedRss = peakRssMb();
    const open = await openManyInstances(bench);
    if (runtimeChoice === 'temporal') rows.push(await temporalVariant(bench));
    const after = await baselineCommits(databaseUrl, lanes, baselineSeconds);
    const baseline = (before.perSecond + after.perSecond) / 2;

    printTable(rows, baseline);
    console.log(
      `baseline: ${lanes} connections, ${fixed(before.perSecond)} commits/s before and ${fixed(after.perSecond)} after the runtimes (the transaction-id counter saw ${before.counted + after.counted} for ${before.commits + after.commits} UPDATE commits)`,
    );
    console.log(
      "commits: writing transactions (transaction ids assigned), the runtime's and its scheduler's or worker's; read-only statements are not counted. ratio: transitions/s over the baseline's commits/s (today's target for the warm figure: ≥ 0.25)",
    );
    for (const row of rows.filter((r) => Object.keys(r.drive.refused).length > 0))
      console.log(
        `${row.variant}: commands refused and sent again ${JSON.stringify(row.drive.refused)}: the runtime had moved the instance on since the driver read it, or had not yet taken up a transition it had recorded`,
      );
    const { deliveries, repeated } = webhook.counts();
    console.log(
      `effects: webhook deliveries to the loopback receiver plus notification rows, ${EFFECTS_PER_INSTANCE} per instance; ${deliveries} webhook deliveries, ${repeated} of them repeating a key`,
    );
    console.log(
      `CPU: this process only (runtime${runtimeChoice === 'temporal' ? ', Temporal worker and client' : ''}); PostgreSQL${runtimeChoice === 'temporal' ? ' and the Temporal server' : ''} not counted`,
    );
    console.log(`peak resident memory after the embedded lifecycle runs: ${fixed(embeddedRss)} MB`);
    console.log(
      `${openInstances} open instances started in ${fixed(open.seconds, 1)} s; peak resident memory ${fixed(open.peakRssMb)} MB (target < 400 MB)`,
    );
  } finally {
    await webhook.close();
    if (server) {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
