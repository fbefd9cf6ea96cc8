// `npm run bench:api`: the product as people use it, over HTTP. N signed-in officers complete their
// assessment tasks concurrently (POST /api/tasks/:id/complete: session, CSRF, zod, the inbox's own
// checks, server-side form validation, the Orchestrator port, the audit row), printed beside the
// engine-only rate of the same completions sent straight to the port in the same run, on the same
// database and process, measured before and after the HTTP run (the mean is the baseline, so drift
// of a shared machine weighs on both). Then the server time of a supervisor's first inbox page
// (the candidates tab, with the three tab counts) with BENCH_INBOX_TASKS open tasks waiting for
// them, all made by the real engine (each a station head's approval of a started and assessed
// project), and of the project list over the same projects. Beside the HTTP run, the floor of any
// request on this machine: the same officers asking GET /api/auth/me, which runs no SQL.
// Settings: BENCH_OFFICERS (16 concurrent officers), BENCH_TASKS_PER_OFFICER (25),
// BENCH_INBOX_TASKS (10000), DATABASE_URL (else an embedded PostgreSQL, removed afterwards).
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../api/auth/password';
import { bootProduct } from '../api/boot';
import { loadConfig } from '../api/config';
import { startEmbeddedPostgres } from '../api/db/embedded-postgres';
import { ensureDatabase } from '../api/db/open-database';
import { createPrismaClient, type Db } from '../api/db/prisma-client';
import type { Orchestrator } from '../api/orchestrator/orchestrator';
import { lifecycleTaskDataFor } from '../tests/fixtures/project-lifecycle-data';

const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const officers = setting('BENCH_OFFICERS', 16);
const tasksPerOfficer = setting('BENCH_TASKS_PER_OFFICER', 25);
const inboxTasks = setting('BENCH_INBOX_TASKS', 10_000);
/** Lanes that fill the supervisor's inbox through the port (setup, not measured). */
const setupLanes = 8;

interface Officer {
  id: string;
  username: string;
  cookie: string;
}

interface AssessTask {
  id: string;
  instanceId: string;
  engineTaskId: string;
  officer: Officer;
}

const fixed = (value: number, digits = 0) => value.toFixed(digits);

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Runs `work` over the items on `lanes` concurrent lanes; returns the wall time in seconds. */
async function onLanes<T>(
  items: readonly T[],
  lanes: number,
  work: (item: T) => Promise<void>,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
  return (performance.now() - started) / 1000;
}

async function signIn(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'shegong-flow' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200)
    throw new Error(`sign-in of ${username}: ${response.status} ${await response.text()}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
}

async function makeOfficers(prisma: Db, url: string, unitId: string): Promise<Officer[]> {
  const password = `Bench-${randomUUID()}`;
  const passwordHash = await hashPassword(password);
  const made: Officer[] = [];
  for (let i = 0; i < officers; i++) {
    const user = await prisma.user.create({
      data: {
        username: `bench-officer-${i}`,
        displayName: `压测社工 ${i}`,
        passwordHash,
        roles: { create: { role: 'officer', unitId } },
      },
    });
    made.push({ id: user.id, username: user.username, cookie: await signIn(url, user.username, password) });
  }
  return made;
}

/** Starts `perOfficer` lifecycle projects for each officer through the port; returns their open assessments. */
async function startProjects(
  prisma: Db,
  orchestrator: Orchestrator,
  versionId: string,
  unitId: string,
  team: readonly Officer[],
  perOfficer: number,
): Promise<AssessTask[]> {
  const starts = team.flatMap((officer) => Array.from({ length: perOfficer }, () => officer));
  const tasks: AssessTask[] = [];
  await onLanes(starts, setupLanes, async (officer) => {
    const { instanceId } = await orchestrator.start({
      versionId,
      unitId,
      title: `压测项目 ${randomUUID().slice(0, 8)}`,
      input: { projectName: '压测项目' },
      actor: { userId: officer.id },
      idempotencyKey: randomUUID(),
    });
    const task = await prisma.task.findFirstOrThrow({
      where: { instanceId, nodeId: 'assess', status: 'open' },
    });
    tasks.push({ id: task.id, instanceId, engineTaskId: task.engineTaskId, officer });
  });
  return tasks;
}

/** Each officer completes their own assessments, one at a time per officer, all officers at once. */
function byOfficer(tasks: readonly AssessTask[]): AssessTask[][] {
  const lanes = new Map<string, AssessTask[]>();
  for (const task of tasks) lanes.set(task.officer.id, [...(lanes.get(task.officer.id) ?? []), task]);
  return [...lanes.values()];
}

async function engineOnly(orchestrator: Orchestrator, tasks: readonly AssessTask[]): Promise<number> {
  const data = lifecycleTaskDataFor('assess');
  const started = performance.now();
  await Promise.all(
    byOfficer(tasks).map(async (lane) => {
      for (const task of lane)
        await orchestrator.send(
          task.instanceId,
          { type: 'taskCompleted', taskId: task.engineTaskId, data },
          { userId: task.officer.id },
          randomUUID(),
        );
    }),
  );
  return tasks.length / ((performance.now() - started) / 1000);
}

async function overHttp(
  url: string,
  tasks: readonly AssessTask[],
): Promise<{ rate: number; latencies: number[] }> {
  const body = JSON.stringify({ data: lifecycleTaskDataFor('assess') });
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    byOfficer(tasks).map(async (lane) => {
      for (const task of lane) {
        const sent = performance.now();
        const response = await fetch(`${url}/api/tasks/${task.id}/complete`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-requested-with': 'shegong-flow',
            'idempotency-key': randomUUID(),
            cookie: task.officer.cookie,
          },
          body,
        });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`complete ${task.id}: ${response.status}`);
        latencies.push(performance.now() - sent);
      }
    }),
  );
  return {
    rate: tasks.length / ((performance.now() - started) / 1000),
    latencies: latencies.sort((a, b) => a - b),
  };
}

/**
 * The floor under any request: each officer asks GET /api/auth/me as often as they complete tasks,
 * all at once. Its caller comes from the session cache and it runs no SQL, so this is what the
 * HTTP client and server (parsing, middleware, routing, JSON) cost here, with nothing of the work.
 */
async function httpFloor(url: string, team: readonly Officer[], perOfficer: number): Promise<number> {
  const started = performance.now();
  await Promise.all(
    team.map(async (officer) => {
      for (let i = 0; i < perOfficer; i++) {
        const response = await fetch(`${url}/api/auth/me`, {
          headers: { cookie: officer.cookie, 'x-requested-with': 'shegong-flow' },
        });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`me: ${response.status}`);
      }
    }),
  );
  return (team.length * perOfficer) / ((performance.now() - started) / 1000);
}

/** Median and p95 of `rounds` sequential GETs after two warm-up requests. */
async function serverTime(url: string, path: string, cookie: string, rounds = 30) {
  const times: number[] = [];
  for (let i = 0; i < rounds + 2; i++) {
    const sent = performance.now();
    const response = await fetch(`${url}${path}`, {
      headers: { cookie, 'x-requested-with': 'shegong-flow' },
    });
    const json = (await response.json()) as { items?: unknown[]; counts?: Record<string, number> };
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    if (i >= 2) times.push(performance.now() - sent);
    if (i === 0)
      console.log(
        `  ${path}: ${json.items?.length ?? 0} items on the page; counts ${JSON.stringify(json.counts ?? {})}`,
      );
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function main(): Promise<void> {
  // Not a mkdtemp folder: the embedded PostgreSQL (run as 'postgres' under root) must enter it.
  const dataDir = join(tmpdir(), `sgf-api-bench-${process.pid}`);
  const postgres = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: join(dataDir, 'pg'), ephemeral: true });
  const adminUrl = process.env.DATABASE_URL ?? postgres!.adminUrl;
  const database = `sgf_api_bench_${Date.now()}`;
  await ensureDatabase(adminUrl, database);
  const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
  const product = await bootProduct(
    loadConfig({
      DATABASE_URL: databaseUrl,
      SGF_DEMO: 'true',
      SGF_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
    }),
  );
  const prisma = createPrismaClient(databaseUrl, 4);
  try {
    const station = await prisma.orgUnit.findUniqueOrThrow({ where: { code: 'LC-HJL' } });
    const lifecycle = await prisma.processDefinitionVersion.findFirstOrThrow({
      where: { status: 'published', definition: { key: 'project-lifecycle' } },
      orderBy: { version: 'desc' },
    });
    const team = await makeOfficers(prisma, product.url, station.id);
    const start = (perOfficer: number) =>
      startProjects(prisma, product.orchestrator, lifecycle.id, station.id, team, perOfficer);
    const completions = officers * tasksPerOfficer;
    console.log(
      `${officers} officers, each completing ${tasksPerOfficer} assessments one after another, all at once (${completions} completions per run); embedded runtime`,
    );

    // Warm-up (caches, JIT, connection pools), then engine-only, HTTP, engine-only.
    await engineOnly(product.orchestrator, await start(2));
    await overHttp(product.url, await start(2));
    const engineBefore = await engineOnly(product.orchestrator, await start(tasksPerOfficer));
    const http = await overHttp(product.url, await start(tasksPerOfficer));
    const floor = await httpFloor(product.url, team, tasksPerOfficer);
    const engineAfter = await engineOnly(product.orchestrator, await start(tasksPerOfficer));
    const baseline = (engineBefore + engineAfter) / 2;
    console.log(
      `engine only (Orchestrator port)   ${fixed(baseline, 1)} completions/s (before ${fixed(engineBefore, 1)}, after ${fixed(engineAfter, 1)})`,
    );
    console.log(
      `over HTTP (POST /api/tasks/:id/complete) ${fixed(http.rate, 1)} completions/s; latency p50 ${fixed(percentile(http.latencies, 50), 1)} ms, p95 ${fixed(percentile(http.latencies, 95), 1)} ms, p99 ${fixed(percentile(http.latencies, 99), 1)} ms`,
    );
    console.log(`ratio HTTP / engine only: ${fixed(http.rate / baseline, 2)} (target ≥ 0.5)`);
    console.log(
      `HTTP floor (GET /api/auth/me, same officers and lanes, no SQL) ${fixed(floor, 1)} requests/s: ${fixed(1000 / floor, 2)} ms per request against ${fixed(1000 / baseline, 2)} ms per engine-only completion and ${fixed(1000 / http.rate, 2)} ms per completion over HTTP`,
    );

    // The station head's inbox: every project assessed, each waiting for his approval.
    const fillStarted = performance.now();
    const perOfficer = Math.ceil(inboxTasks / officers);
    const assessed = await start(perOfficer);
    await onLanes(assessed, setupLanes, async (task) => {
      await product.orchestrator.send(
        task.instanceId,
        { type: 'taskCompleted', taskId: task.engineTaskId, data: lifecycleTaskDataFor('assess') },
        { userId: task.officer.id },
        randomUUID(),
      );
    });
    const waiting = await prisma.task.count({ where: { nodeId: 'headApproval', status: 'open' } });
    console.log(
      `inbox: ${waiting} open approvals waiting for the station head (${assessed.length} projects started and assessed through the port in ${fixed((performance.now() - fillStarted) / 1000, 1)} s)`,
    );
    const head = product.demoLogins.find((login) => login.username === 'zhanzhang')!;
    const cookie = await signIn(product.url, head.username, head.password);
    const inbox = await serverTime(product.url, '/api/tasks?view=candidates&sort=due&limit=20', cookie);
    const projects = await serverTime(product.url, '/api/projects?limit=20', cookie);
    console.log(
      `first inbox page (candidates, 20 rows + 3 tab counts): p50 ${fixed(inbox.p50, 1)} ms, p95 ${fixed(inbox.p95, 1)} ms (target ≤ 100 ms); first project-list page: p50 ${fixed(projects.p50, 1)} ms, p95 ${fixed(projects.p95, 1)} ms`,
    );
    console.log('times are HTTP round trips on loopback, so they include the server time and a little more');
  } finally {
    await prisma.$disconnect();
    await product.close();
    await postgres?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
