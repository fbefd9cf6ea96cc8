// `npm run db:diff -- <name> [--from <old schema file>]`: writes a new migration folder with the
// SQL that turns the old datamodel (default: schema.prisma as last committed) into the current one.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultMigrationsDir } from '../db/migrate';
import { readSchema, renderSchemaDiffSql } from '../db/schema-diff-sql';
import { startEmbeddedPostgres } from '../db/embedded-postgres';

function committedSchema(): string {
  return execFileSync('git', ['show', 'HEAD:prisma/schema.prisma'], { encoding: 'utf8' });
}

function timestamp(now: Date): string {
  return now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const fromIndex = args.indexOf('--from');
  const fromFile = fromIndex >= 0 ? args[fromIndex + 1] : undefined;
  const name = args.find((a, i) => !a.startsWith('--') && (fromIndex < 0 || i !== fromIndex + 1));
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    throw new Error('usage: npm run db:diff -- <snake_case_name> [--from <old schema.prisma>]');
  }
  const from = fromFile ? await readFile(fromFile, 'utf8') : committedSchema();
  const server = await startEmbeddedPostgres({ dataDir: '.data/diff-postgres', ephemeral: true });
  try {
    const sql = await renderSchemaDiffSql({ from, to: await readSchema(), databaseUrl: server.adminUrl });
    if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
      console.log('schema.prisma has no changes against the old schema: no migration written.');
      return;
    }
    const folder = join(defaultMigrationsDir, `${timestamp(new Date())}_${name}`);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'migration.sql'), sql);
    console.log(`wrote ${join(folder, 'migration.sql')}`);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
