// `npm run bench:api`: the product as people use it, over HTTP. The server runs as its own process,
// booted as `npm start` boots it (bench/api-bench-server.ts), on the same embedded PostgreSQL; the
// officers' HTTP clients run here, in the bench's process, so their CPU is not charged to the
// server (in production the browsers are elsewhere; on this machine they still share its cores).
// N signed-in officers complete their assessment tasks concurrently (POST /api/tasks/:id/complete:
// session, CSRF, zod, the inbox's own checks, server-side form validation, the Orchestrator port,
// the audit row), printed beside the engine-only rate of the same completions sent straight to the
// port inside the server process, in the same run, before and after the HTTP run (the mean is the
// baseline, so drift of a shared machine weighs on both). Each phase is also charged the server
// process's CPU time. Beside the HTTP run, the floor of any request on this machine: the same
// officers asking GET /api/auth/me, which runs no SQL. Then the server time of a supervisor's first
// inbox page (the candidates tab, with the three tab counts) with BENCH_INBOX_TASKS open tasks
// waiting for them, all made by the real engine (each a station head's approval of a started and
// assessed project), of the project list over the same projects, and of one approval's task page.
// Settings: BENCH_OFFICERS (16 concurrent officers), BENCH_TASKS_PER_OFFICER (25),
// BENCH_INBOX_TASKS (10000), BENCH_PROFILE (a path: the server's CPU profile of the HTTP run is
// written there), DATABASE_URL (else an embedded PostgreSQL, removed afterwards); the server gets
// the bench's environment (SGF_LOG_LEVEL and the like) as `npm start` would.
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hashPassword } from '../api/auth/password';
import { startEmbeddedPostgres } from '../api/db/embedded-postgres';
import { ensureDatabase } from '../api/db/open-database';
import { createPrismaClient, type Db } from '../api/db/prisma-client';
import { lifecycleTaskDataFor } from '../tests/fixtures/project-lifecycle-data';
import { postgresCpuMs } from './process-cpu';
import { byOfficer } from './api-bench-protocol';
import type { AssessTask, BenchAnswer, BenchReady, BenchReply, BenchRequest } from './api-bench-protocol';

const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const officers = setting('BENCH_OFFICERS', 16);
const tasksPerOfficer = setting('BENCH_TASKS_PER_OFFICER', 25);
const inboxTasks = setting('BENCH_INBOX_TASKS', 10_000);
const profilePath = process.env.BENCH_PROFILE ? resolve(process.env.BENCH_PROFILE) : undefined;
/** The embedded PostgreSQL's cluster folder, whose processes' CPU time the bench reads. */
let pgDataDir: string | undefined;

interface Officer {
  id: string;
  username: string;
  cookie: string;
}

const fixed = (value: number, digits = 0) => value.toFixed(digits);

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The server process and the bench's requests to it over the IPC channel. */
class BenchServer {
  private seq = 0;
  private readonly waiting = new Map<number, (reply: BenchReply) => void>();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (reply: BenchReply) => this.waiting.get(reply.seq)?.(reply));
  }

  static async start(env: NodeJS.ProcessEnv): Promise<[BenchServer, BenchReady]> {
    // As scripts/start.mjs runs api/server.ts: node with tsx as its loader.
    const child = fork(join(__dirname, 'api-bench-server.ts'), {
      execArgv: ['--import', 'tsx'],
      env,
      // The request log goes nowhere, as to a terminal nobody reads; it is still written.
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const ready = await new Promise<BenchReady>((resolveReady, reject) => {
      child.once('message', (message: BenchReady) => resolveReady(message));
      child.once('exit', (code) =>
        reject(new Error(`the bench's server exited (${code}) before it was ready`)),
      );
    });
    return [new BenchServer(child), ready];
  }

  async ask<K extends BenchAnswer['kind']>(
    request: BenchRequest,
  ): Promise<Extract<BenchAnswer, { kind: K }>> {
    const seq = ++this.seq;
    const reply = await new Promise<BenchReply>((resolveReply) => {
      this.waiting.set(seq, resolveReply);
      this.child.send({ seq, request });
    });
    this.waiting.delete(seq);
    if (!reply.ok) throw new Error(`the bench's server failed: ${reply.error}`);
    return reply.answer as Extract<BenchAnswer, { kind: K }>;
  }

  async cpu(): Promise<{ userMs: number; systemMs: number }> {
    return this.ask<'cpu'>({ kind: 'cpu' });
  }

  /** Closes the channel: the server stops as `npm start` does on SIGTERM. */
  async stop(): Promise<void> {
    const exited = new Promise((done) => this.child.once('exit', done));
    this.child.disconnect();
    await exited;
  }
}

/** Browsers keep their connections open; so do the bench's officers (one socket each at a time). */
const agent = new Agent({ keepAlive: true, maxSockets: officers + 4 });

interface Answered {
  status: number;
  body: string;
  setCookie: string | undefined;
}

/** One HTTP request over node's own client (lighter than fetch: the clients share the server's cores). */
function call(
  url: string,
  path: string,
  {
    method = 'GET',
    headers = {},
    body,
  }: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<Answered> {
  return new Promise((resolveCall, reject) => {
    const sent = httpRequest(
      `${url}${path}`,
      { method, agent, headers: { 'x-requested-with': 'shegong-flow', ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolveCall({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            setCookie: response.headers['set-cookie']?.[0]?.split(';')[0],
          }),
        );
        response.on('error', reject);
      },
    );
    sent.on('error', reject);
    sent.end(body);
  });
}

async function signIn(url: string, username: string, password: string): Promise<string> {
  const answer = await call(url, '/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (answer.status !== 200 || !answer.setCookie)
    throw new Error(`sign-in of ${username}: ${answer.status} ${answer.body}`);
  return answer.setCookie;
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

/** Each officer completes their own assessments, one at a time per officer, all officers at once. */
async function overHttp(
  url: string,
  tasks: readonly AssessTask[],
  cookies: ReadonlyMap<string, string>,
): Promise<{ rate: number; latencies: number[] }> {
  const body = JSON.stringify({ data: lifecycleTaskDataFor('assess') });
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    byOfficer(tasks).map(async (lane) => {
      for (const task of lane) {
        const sent = performance.now();
        const answer = await call(url, `/api/tasks/${task.id}/complete`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': randomUUID(),
            cookie: cookies.get(task.officerId)!,
          },
          body,
        });
        if (answer.status !== 200) throw new Error(`complete ${task.id}: ${answer.status} ${answer.body}`);
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
 * all at once. Its caller comes from the session cache and it runs no SQL, so this is what HTTP
 * (parsing, middleware, routing, JSON, the request log) costs here, with nothing of the work.
 */
async function httpFloor(url: string, team: readonly Officer[], perOfficer: number): Promise<number> {
  const started = performance.now();
  await Promise.all(
    team.map(async (officer) => {
      for (let i = 0; i < perOfficer; i++) {
        const answer = await call(url, '/api/auth/me', { headers: { cookie: officer.cookie } });
        if (answer.status !== 200) throw new Error(`me: ${answer.status}`);
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
    const answer = await call(url, path, { headers: { cookie } });
    if (answer.status !== 200) throw new Error(`${path}: ${answer.status}`);
    if (i >= 2) times.push(performance.now() - sent);
    if (i === 0) {
      const json = JSON.parse(answer.body) as { items?: unknown[]; counts?: Record<string, number> };
      console.log(
        `  ${path}: ${json.items?.length ?? 0} items on the page; counts ${JSON.stringify(json.counts ?? {})}`,
      );
    }
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/**
 * CPU milliseconds per item: the server process's user time (JavaScript, parsing) and system time
 * (the kernel: sockets), and the embedded PostgreSQL's (NaN on an external DATABASE_URL).
 */
interface CpuEach {
  user: number;
  system: number;
  postgres: number;
  /** The bench's own process: the officers' HTTP clients. */
  clients: number;
}

const cpuText = ({ user, system, postgres, clients }: CpuEach) =>
  `server ${fixed(user + system, 2)} ms (user ${fixed(user, 2)}, system ${fixed(system, 2)}), PostgreSQL ${fixed(postgres, 2)} ms, clients ${fixed(clients, 2)} ms`;

/** Runs `phase` and charges it the CPU time of the server process and of PostgreSQL, per item of `count`. */
async function charged<T>(server: BenchServer, count: number, phase: () => Promise<T>) {
  const postgresNow = () => (pgDataDir ? postgresCpuMs(pgDataDir) : NaN);
  const [before, postgresBefore, clientsBefore] = [await server.cpu(), postgresNow(), process.cpuUsage()];
  const result = await phase();
  const clients = process.cpuUsage(clientsBefore);
  const [after, postgresAfter] = [await server.cpu(), postgresNow()];
  const cpuEach: CpuEach = {
    user: (after.userMs - before.userMs) / count,
    system: (after.systemMs - before.systemMs) / count,
    postgres: (postgresAfter - postgresBefore) / count,
    clients: (clients.user + clients.system) / 1000 / count,
  };
  return { result, cpuEach };
}

const mean = (a: CpuEach, b: CpuEach): CpuEach => ({
  user: (a.user + b.user) / 2,
  system: (a.system + b.system) / 2,
  postgres: (a.postgres + b.postgres) / 2,
  clients: (a.clients + b.clients) / 2,
});

async function main(): Promise<void> {
  // Not a mkdtemp folder: the embedded PostgreSQL (run as 'postgres' under root) must enter it.
  const dataDir = join(tmpdir(), `sgf-api-bench-${process.pid}`);
  const postgres = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: join(dataDir, 'pg'), ephemeral: true });
  pgDataDir = postgres ? join(dataDir, 'pg', 'cluster') : undefined;
  const adminUrl = process.env.DATABASE_URL ?? postgres!.adminUrl;
  const database = `sgf_api_bench_${Date.now()}`;
  await ensureDatabase(adminUrl, database);
  const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
  const [server, ready] = await BenchServer.start({
    ...process.env,
    DATABASE_URL: databaseUrl,
    SGF_DEMO: 'true',
    SGF_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
  });
  const url = ready.url;
  const prisma = createPrismaClient(databaseUrl, 2);
  try {
    const station = await prisma.orgUnit.findUniqueOrThrow({ where: { code: 'LC-HJL' } });
    const lifecycle = await prisma.processDefinitionVersion.findFirstOrThrow({
      where: { status: 'published', definition: { key: 'project-lifecycle' } },
      orderBy: { version: 'desc' },
    });
    const team = await makeOfficers(prisma, url, station.id);
    const cookies = new Map(team.map((officer) => [officer.id, officer.cookie]));
    const start = async (perOfficer: number) =>
      (
        await server.ask<'started'>({
          kind: 'start',
          versionId: lifecycle.id,
          unitId: station.id,
          officerIds: team.map((officer) => officer.id),
          perOfficer,
        })
      ).tasks;
    const throughPort = async (tasks: AssessTask[]) =>
      (await server.ask<'completed'>({ kind: 'completeThroughPort', tasks })).perSecond;
    const completions = officers * tasksPerOfficer;
    console.log(
      `${officers} officers, each completing ${tasksPerOfficer} assessments one after another, all at once (${completions} completions per run); embedded runtime; the server in its own process, the clients in the bench's`,
    );

    // Warm-up (caches, JIT, connection pools), then engine-only, HTTP, engine-only.
    await throughPort(await start(2));
    await overHttp(url, await start(2), cookies);
    const portRun = async () => {
      const tasks = await start(tasksPerOfficer);
      return charged(server, completions, () => throughPort(tasks));
    };
    const engineBefore = await portRun();
    const httpTasks = await start(tasksPerOfficer);
    if (profilePath) await server.ask({ kind: 'profileStart' });
    const http = await charged(server, completions, () => overHttp(url, httpTasks, cookies));
    if (profilePath) await server.ask({ kind: 'profileStop', path: profilePath });
    const floor = await charged(server, completions, () => httpFloor(url, team, tasksPerOfficer));
    const engineAfter = await portRun();
    const baseline = (engineBefore.result + engineAfter.result) / 2;
    const { rate, latencies } = http.result;
    console.log(
      `engine only (Orchestrator port, in the server process) ${fixed(baseline, 1)} completions/s (before ${fixed(engineBefore.result, 1)}, after ${fixed(engineAfter.result, 1)})`,
    );
    console.log(
      `over HTTP (POST /api/tasks/:id/complete) ${fixed(rate, 1)} completions/s; latency p50 ${fixed(percentile(latencies, 50), 1)} ms, p95 ${fixed(percentile(latencies, 95), 1)} ms, p99 ${fixed(percentile(latencies, 99), 1)} ms`,
    );
    console.log(`ratio HTTP / engine only: ${fixed(rate / baseline, 2)} (target ≥ 0.5)`);
    console.log(
      `HTTP floor (GET /api/auth/me, same officers and lanes, no SQL) ${fixed(floor.result, 1)} requests/s: ${fixed(1000 / floor.result, 2)} ms per request against ${fixed(1000 / baseline, 2)} ms per engine-only completion and ${fixed(1000 / rate, 2)} ms per completion over HTTP`,
    );
    console.log(
      `CPU per engine-only completion ${cpuText(mean(engineBefore.cpuEach, engineAfter.cpuEach))}, per completion over HTTP ${cpuText(http.cpuEach)}, per floor request ${cpuText(floor.cpuEach)}`,
    );
    if (profilePath) console.log(`server CPU profile of the HTTP run: ${profilePath}`);

    // The station head's inbox: every project assessed, each waiting for his approval.
    const fillStarted = performance.now();
    const assessed = await start(Math.ceil(inboxTasks / officers));
    await throughPort(assessed);
    const waiting = await prisma.task.count({ where: { nodeId: 'headApproval', status: 'open' } });
    console.log(
      `inbox: ${waiting} open approvals waiting for the station head (${assessed.length} projects started and assessed through the port in ${fixed((performance.now() - fillStarted) / 1000, 1)} s)`,
    );
    const head = ready.demoLogins.find((login) => login.username === 'zhanzhang')!;
    const cookie = await signIn(url, head.username, head.password);
    const inbox = await serverTime(url, '/api/tasks?view=candidates&sort=due&limit=20', cookie);
    const projects = await serverTime(url, '/api/projects?limit=20', cookie);
    const approval = await prisma.task.findFirstOrThrow({
      where: { nodeId: 'headApproval', status: 'open' },
    });
    const taskPage = await serverTime(url, `/api/tasks/${approval.id}`, cookie);
    console.log(
      `first inbox page (candidates, 20 rows + 3 tab counts): p50 ${fixed(inbox.p50, 1)} ms, p95 ${fixed(inbox.p95, 1)} ms (target ≤ 100 ms); first project-list page: p50 ${fixed(projects.p50, 1)} ms, p95 ${fixed(projects.p95, 1)} ms; one approval's task page: p50 ${fixed(taskPage.p50, 1)} ms, p95 ${fixed(taskPage.p95, 1)} ms`,
    );
    console.log('times are HTTP round trips on loopback, so they include the server time and a little more');
  } finally {
    await prisma.$disconnect();
    await server.stop();
    await postgres?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
