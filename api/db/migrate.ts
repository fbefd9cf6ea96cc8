// Applies prisma/migrations/*/migration.sql without Prisma's native schema engine, recording each
// in Prisma's own `_prisma_migrations` table so `prisma migrate deploy` on a connected machine
// sees the same history. One transaction per migration; Prisma's advisory lock serialises appliers.
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

/** The advisory lock key Prisma Migrate itself takes, so our applier and Prisma's exclude each other. */
const PRISMA_MIGRATE_LOCK_KEY = 72707369;

export const defaultMigrationsDir = resolve(__dirname, '..', '..', 'prisma', 'migrations');

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migration: string,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

export interface MigrationFile {
  name: string;
  path: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
  /** Recorded in the database but absent from the folder (e.g. a newer release ran here). */
  unknownToThisRelease: string[];
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

const CREATE_HISTORY_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Prisma's checksum: SHA-256 (hex) of the migration file's bytes. */
export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

export async function readMigrations(dir = defaultMigrationsDir): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const folders = entries.filter((e) => e.isDirectory()).map((e) => e.name);
  folders.sort();
  return Promise.all(
    folders.map(async (name) => {
      const path = join(dir, name, 'migration.sql');
      const sql = await readFile(path, 'utf8');
      return { name, path, sql, checksum: checksumOf(sql) };
    }),
  );
}

function checkHistory(files: MigrationFile[], rows: AppliedRow[]): Set<string> {
  const done = new Set<string>();
  for (const row of rows) {
    if (row.rolled_back_at) continue;
    const file = files.find((f) => f.name === row.migration_name);
    if (!row.finished_at) {
      throw new MigrationError(
        `migration ${row.migration_name} started but never finished; resolve it by hand before migrating again`,
        row.migration_name,
      );
    }
    if (file && file.checksum !== row.checksum) {
      throw new MigrationError(
        `migration file ${file.path} was changed after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ${file.checksum.slice(0, 12)}… on disk); add a new migration instead of editing an applied one`,
        row.migration_name,
      );
    }
    done.add(row.migration_name);
  }
  return done;
}

export async function applyMigrations(options: {
  databaseUrl: string;
  migrationsDir?: string;
  log?: (line: string) => void;
}): Promise<MigrateResult> {
  const files = await readMigrations(options.migrationsDir);
  const log = options.log ?? (() => undefined);
  const client = new Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK_KEY]);
    try {
      await client.query(CREATE_HISTORY_TABLE);
      const { rows } = await client.query<AppliedRow>(
        'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
      );
      const done = checkHistory(files, rows);
      const result: MigrateResult = {
        applied: [],
        alreadyApplied: files.filter((f) => done.has(f.name)).map((f) => f.name),
        unknownToThisRelease: [...done].filter((name) => !files.some((f) => f.name === name)),
      };
      for (const file of files.filter((f) => !done.has(f.name))) {
        await applyOne(client, file);
        log(`applied migration ${file.name}`);
        result.applied.push(file.name);
      }
      return result;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

async function applyOne(client: Client, file: MigrationFile): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(file.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, now(), $3, now(), 1)`,
      [randomUUID(), file.checksum, file.name],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`migration ${file.path} failed and was rolled back: ${reason}`, file.name);
  }
}
