import { appendFile, cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  applyMigrations,
  checksumOf,
  defaultMigrationsDir,
  MigrationError,
  readMigrations,
} from '../../api/db/migrate';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

async function query<T extends object>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('migration applier', () => {
  let db: TestDatabase;
  let dir: string;

  beforeEach(async () => {
    db = await createTestDatabase({ empty: true });
    dir = await mkdtemp(join(tmpdir(), 'sgf-migrations-'));
    await cp(defaultMigrationsDir, dir, { recursive: true });
  });
  afterEach(async () => {
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('applies every migration to a fresh database and records it the way Prisma Migrate does', async () => {
    const files = await readMigrations(dir);
    const result = await applyMigrations({ databaseUrl: db.url, migrationsDir: dir });
    expect(result.applied).toEqual(files.map((f) => f.name));
    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
    }>(
      db.url,
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(files[i]!.checksum);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
    const tables = await query<{ table_name: string }>(
      db.url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(['org_unit', 'app_user', 'instance_event', 'task']),
    );
  });

  it('uses the SHA-256 of the file bytes as checksum, like Prisma', () => {
    expect(checksumOf('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('does nothing when run again', async () => {
    await applyMigrations({ databaseUrl: db.url, migrationsDir: dir });
    const again = await applyMigrations({ databaseUrl: db.url, migrationsDir: dir });
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toHaveLength((await readMigrations(dir)).length);
    const [count] = await query<{ n: string }>(db.url, 'SELECT count(*) AS n FROM "_prisma_migrations"');
    expect(Number(count!.n)).toBe(again.alreadyApplied.length);
  });

  it('rejects a migration file changed after it was applied, naming the file', async () => {
    await applyMigrations({ databaseUrl: db.url, migrationsDir: dir });
    const [first] = await readMigrations(dir);
    await appendFile(first!.path, '\n-- edited afterwards\n');
    const attempt = applyMigrations({ databaseUrl: db.url, migrationsDir: dir });
    await expect(attempt).rejects.toThrow(MigrationError);
    await expect(applyMigrations({ databaseUrl: db.url, migrationsDir: dir })).rejects.toThrow(first!.path);
  });

  it('rolls back a failing migration completely and records nothing for it', async () => {
    const bad = join(dir, '99990101000000_broken');
    await cp(join(dir, (await readMigrations(dir))[0]!.name), bad, { recursive: true });
    await writeFile(
      join(bad, 'migration.sql'),
      'CREATE TABLE half_done (id int);\nSELECT no_such_function();\n',
    );
    await expect(applyMigrations({ databaseUrl: db.url, migrationsDir: dir })).rejects.toThrow(
      /99990101000000_broken.*rolled back/,
    );
    const tables = await query<{ n: string }>(
      db.url,
      "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'half_done'",
    );
    expect(Number(tables[0]!.n)).toBe(0);
    const history = await query<{ migration_name: string }>(
      db.url,
      'SELECT migration_name FROM "_prisma_migrations"',
    );
    expect(history.map((h) => h.migration_name)).not.toContain('99990101000000_broken');
    // The migrations before the broken one were committed, each in its own transaction.
    expect(history.length).toBe((await readMigrations(dir)).length - 1);
  });

  it('serialises concurrent appliers so each migration runs exactly once', async () => {
    const results = await Promise.all(
      Array.from({ length: 4 }, () => applyMigrations({ databaseUrl: db.url, migrationsDir: dir })),
    );
    const files = await readMigrations(dir);
    const appliedCounts = files.map((f) => results.filter((r) => r.applied.includes(f.name)).length);
    expect(appliedCounts).toEqual(files.map(() => 1));
    const rows = await query<{ migration_name: string; n: string }>(
      db.url,
      'SELECT migration_name, count(*) AS n FROM "_prisma_migrations" GROUP BY migration_name',
    );
    expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
    expect(rows).toHaveLength(files.length);
  });

  it('makes the event and audit logs append-only', async () => {
    await applyMigrations({ databaseUrl: db.url, migrationsDir: dir });
    await query(db.url, "INSERT INTO audit_log (action) VALUES ('test.append')");
    await expect(query(db.url, "UPDATE audit_log SET action = 'rewritten'")).rejects.toThrow(/append-only/);
    await expect(query(db.url, 'DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(query(db.url, 'TRUNCATE instance_event')).rejects.toThrow(/append-only/);
  });
});
