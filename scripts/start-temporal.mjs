// `npm run start:temporal`: the scale-out mode on one machine. Starts a Temporal dev server with
// its web UI (port 7233 and UI 8233 when free; its SQLite file in the data folder, so workflows
// survive a restart as the database rows do), the database (embedded unless DATABASE_URL is set,
// the same data folder as `npm start`), the app on PORT (default 3000) with TEMPORAL_ADDRESS set,
// and the Temporal worker; prints the URLs; Ctrl-C or SIGTERM stops all of it, in order.
// Run with node --import tsx (the package script does), so it can use the TypeScript modules below.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../api/db/open-database.ts';
import { loadConfig } from '../api/config.ts';
import { findFreePort } from '../api/db/embedded-postgres.ts';
import {
  findTemporalCli,
  INSTALL_HINT,
  startTemporalDevServer,
  stopProcess,
} from '../tests/support/temporal-dev-server.ts';
import { buildIfStale, root } from './build-if-stale.mjs';

const TEMPORAL_PORT = 7233;
/** Time the app and the worker get to finish what they are doing before SIGKILL. */
const GRACE_MS = 10_000;
/** Set on the copy of this script that runs in a process group of its own (see `relay`). */
const LEADER_ENV = 'SGF_START_TEMPORAL_LEADER';

const SIGNALS = ['SIGINT', 'SIGTERM'];

/**
 * A terminal's Ctrl-C signals its whole foreground process group: the embedded PostgreSQL would
 * stop at once, under the app and the worker. So this process only runs a copy of itself in a
 * group of its own and passes SIGINT and SIGTERM on; the copy stops everything in order.
 */
function relay() {
  const leader = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
    env: { ...process.env, [LEADER_ENV]: '1' },
  });
  for (const signal of SIGNALS) process.on(signal, () => leader.kill(signal));
  leader.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** Runs a TypeScript entry point with tsx, prefixing its output lines with `name`; resolves on `ready`. */
function run(name, entry, env, ready) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, entry)], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started = new Promise((resolve, reject) => {
    for (const stream of [child.stdout, child.stderr])
      createInterface({ input: stream }).on('line', (line) => {
        console.log(`[${name}] ${line}`);
        if (ready.test(line)) resolve(line);
      });
    child.once('exit', (code, signal) => reject(new Error(`${name} exited (${signal ?? code})`)));
  });
  return { child, started };
}

const children = [];
/** Temporal and the database while they start: a stop that comes meanwhile waits for them. */
let starting = Promise.resolve();
let temporal;
let database;
/** Set by the first stop; every later one waits for it. */
let stopped;

/** The worker first (it finishes its activities), then the app, then what they both use. */
function stopAll(reason) {
  stopped ??= (async () => {
    console.log(`${reason}: stopping the worker, the app, Temporal and the database…`);
    for (const child of [...children].reverse()) await stopProcess(child, GRACE_MS);
    await starting.catch(() => undefined);
    await temporal?.stop();
    await database?.stop();
    console.log('Stopped.');
  })();
  return stopped;
}

/**
 * This script's own handlers, alone: embedded-postgres hooks SIGINT and SIGTERM when it loads (on
 * the database's start) to stop the database and exit at once, which would leave the rest running.
 */
function takeOverSignals() {
  for (const signal of SIGNALS) {
    process.removeAllListeners(signal);
    process.on(signal, () => void stopAll(`${signal} received`).then(() => process.exit(0)));
  }
}

async function main() {
  const cli = findTemporalCli();
  if (!cli) {
    console.error(`No Temporal CLI found: ${INSTALL_HINT}.`);
    process.exit(1);
  }
  buildIfStale();
  const config = loadConfig();
  takeOverSignals();
  const port =
    (await portIsFree(TEMPORAL_PORT)) && (await portIsFree(TEMPORAL_PORT + 1000))
      ? TEMPORAL_PORT
      : await findFreePort();
  // Each kept as soon as it runs, so a failure of the other still stops it.
  starting = Promise.all([
    startTemporalDevServer({ cli, ui: true, port, dbFilename: join(config.dataDir, 'temporal.sqlite') }).then(
      (server) => (temporal = server),
    ),
    openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }).then(
      (handle) => (database = handle),
    ),
  ]);
  await starting;
  takeOverSignals();
  if (stopped) return;
  const env = {
    TEMPORAL_ADDRESS: temporal.address,
    DATABASE_URL: database.url,
    // The demo county as `npm start` seeds it, unless the database is the developer's own.
    SGF_DEMO: process.env.SGF_DEMO ?? String(database.kind === 'embedded'),
  };
  const app = run('app', 'api/server.ts', env, /is running at/);
  children.push(app.child);
  const appLine = await app.started;
  const worker = run('worker', 'api/worker.ts', env, /worker polling/);
  children.push(worker.child);
  await worker.started;
  const namespace = process.env.TEMPORAL_NAMESPACE || 'default';
  const taskQueue = process.env.TEMPORAL_TASK_QUEUE || 'shegong-flow';
  console.log('');
  console.log(`App:          ${appLine.replace(/.*is running at /, '')}`);
  console.log(`Temporal UI:  ${temporal.uiUrl}`);
  console.log(`Temporal:     ${temporal.address} (namespace ${namespace}, task queue ${taskQueue})`);
  console.log('Ctrl-C stops all of it.');
  for (const child of children)
    child.once('exit', () => {
      if (!stopped) void stopAll('a process exited').then(() => process.exit(1));
    });
}

if (process.env[LEADER_ENV] === '1')
  main().catch(async (error) => {
    // A process that ends because a signal is stopping everything is no error of its own.
    if (stopped) return;
    console.error(error instanceof Error ? error.message : error);
    await stopAll('error');
    process.exit(1);
  });
else relay();
