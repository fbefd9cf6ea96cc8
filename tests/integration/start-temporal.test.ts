// `npm run start:temporal` as a developer runs it: the Temporal dev server with its web UI, the
// embedded database, the app on Temporal and a polling worker come up and print their URLs; Ctrl-C
// (SIGINT to the terminal's whole process group) or SIGTERM (to the script alone, as npm or a
// supervisor sends it) stops every process it started, the database's included.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { findFreePort } from '../../api/db/embedded-postgres';
import { describeWithTemporalCli } from '../support/temporal-live-env';

// Bundling the workflow in the worker, the app's boot and a first initdb take a while on two cores.
jest.setTimeout(240_000);

const root = join(__dirname, '..', '..');

/** The pids below `pid` in the process tree, read from /proc. */
function descendantsOf(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // After the parenthesised command name come the state, then the parent's pid.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(parent, [...(parents.get(parent) ?? []), Number(name)]);
    } catch {
      // Ended while the folder was read.
    }
  }
  const below = (of: number): number[] =>
    (parents.get(of) ?? []).flatMap((child) => [child, ...below(child)]);
  return below(pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The processes still running `seconds` after the script exited. Under Ctrl-C the whole group gets
 * the signal at once, and a database or Temporal worker process may still be on its way out when
 * the script is done; one that outlives the wait was left behind.
 */
async function survivors(pids: readonly number[], seconds = 10): Promise<number[]> {
  const deadline = Date.now() + seconds * 1000;
  while (pids.some(isAlive) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 200));
  return pids.filter(isAlive);
}

interface Launched {
  script: ChildProcess;
  output: () => string;
  urls: { app: string; ui: string; temporal: string };
}

/** Resolves with the output once it contains `text`; rejects if the process exits first or time runs out. */
function outputUntil(script: ChildProcess, output: () => string, text: string, timeoutMs: number) {
  return new Promise<string>((resolve, reject) => {
    const onExit = (code: number | null) => finish(new Error(`exited (${code}) before printing ${text}`));
    const check = setInterval(() => {
      if (output().includes(text)) finish();
    }, 200);
    const timeout = setTimeout(
      () => finish(new Error(`did not print ${text} in ${timeoutMs} ms`)),
      timeoutMs,
    );
    function finish(error?: Error) {
      clearInterval(check);
      clearTimeout(timeout);
      script.off('exit', onExit);
      if (error) reject(new Error(`start:temporal ${error.message}:\n${output()}`));
      else resolve(output());
    }
    script.once('exit', onExit);
  });
}

/** Starts the script in a process group of its own, as a terminal would, and waits for its URLs. */
async function launch(dataDir: string, port: number): Promise<Launched> {
  const env: NodeJS.ProcessEnv = { ...process.env, SGF_DATA_DIR: dataDir, PORT: String(port) };
  // The embedded database and the defaults a developer starts with.
  for (const name of [
    'DATABASE_URL',
    'TEMPORAL_ADDRESS',
    'SGF_DEMO',
    'TEMPORAL_TASK_QUEUE',
    'TEMPORAL_NAMESPACE',
  ])
    delete env[name];
  const script = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'start-temporal.mjs')], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  let output = '';
  for (const stream of [script.stdout, script.stderr])
    stream.on('data', (chunk) => (output += String(chunk)));
  const ready = await outputUntil(script, () => output, 'Ctrl-C stops all of it.', 200_000);
  const url = (label: string) => {
    const match = new RegExp(`^${label}:\\s+(\\S+)`, 'm').exec(ready);
    if (!match) throw new Error(`no ${label} line in:\n${ready}`);
    return match[1]!;
  };
  return {
    script,
    output: () => output,
    urls: { app: url('App'), ui: url('Temporal UI'), temporal: url('Temporal') },
  };
}

/**
 * The workflow pollers Temporal knows on the task queue, asked again for up to `seconds` while it
 * knows none: the worker's first poll can reach the server a moment after the script says it is up.
 */
async function pollersOf(address: string, seconds = 20): Promise<number> {
  const connection = await Connection.connect({ address });
  const deadline = Date.now() + seconds * 1000;
  try {
    for (;;) {
      const { pollers } = await connection.workflowService.describeTaskQueue({
        namespace: 'default',
        taskQueue: { name: 'shegong-flow' },
        taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
      });
      const count = pollers?.length ?? 0;
      if (count > 0 || Date.now() > deadline) return count;
      await new Promise((done) => setTimeout(done, 250));
    }
  } finally {
    await connection.close();
  }
}

describeWithTemporalCli('npm run start:temporal', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sgf-start-temporal-'));
  // Run as root, the embedded PostgreSQL runs as `postgres`, which must enter the folder.
  chmodSync(dataDir, 0o755);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // The second run finds the first one's data folder: the database and Temporal's SQLite file.
  it.each([
    ['Ctrl-C', 'SIGINT', (pid: number): void => void process.kill(-pid, 'SIGINT')],
    ['SIGTERM', 'SIGTERM', (pid: number): void => void process.kill(pid, 'SIGTERM')],
  ] as const)(
    'serves the app on Temporal with the web UI and a polling worker, and %s stops every process it started',
    async (_how, signal, stop) => {
      const launched = await launch(dataDir, await findFreePort());
      const { script, urls } = launched;
      const exited = new Promise<number | null>((resolve) => script.once('exit', (code) => resolve(code)));
      const started = descendantsOf(script.pid!);
      let health: Response;
      let uiStatus: number;
      let pollers: number;
      try {
        health = await fetch(`${urls.app}/api/health`);
        uiStatus = (await fetch(urls.ui)).status;
        pollers = await pollersOf(urls.temporal);
      } finally {
        stop(script.pid!);
      }
      expect(await exited).toBe(0);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', runtime: 'temporal', database: 'up' });
      expect(uiStatus).toBe(200);
      expect(pollers).toBeGreaterThan(0);
      // The script in its own group, the app, the worker, Temporal and PostgreSQL (with its workers).
      expect(started.length).toBeGreaterThanOrEqual(6);
      expect(launched.output()).toContain(`${signal} received: stopping`);
      expect(launched.output()).toContain('Stopped.');
      expect(await survivors(started)).toEqual([]);
    },
  );
});
