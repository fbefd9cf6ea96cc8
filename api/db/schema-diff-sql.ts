// Renders the SQL that turns one Prisma datamodel into another, offline. Prisma 7's CLI needs a
// native schema engine that cannot be downloaded here; Prisma 6.19 (installed as `prisma6`) ships
// the same engine as WebAssembly and uses it when its config selects the `js` engine with a
// driver adapter. That adapter must reach some Postgres, even though a datamodel diff reads none.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const projectRoot = resolve(__dirname, '..', '..');
const prisma6Cli = join(projectRoot, 'node_modules', 'prisma6', 'build', 'index.js');

/** Prisma 6 wants a datasource url and knows only the `prisma-client-js` generator. */
export function toPrisma6Datamodel(schema: string): string {
  return schema
    .replace(/provider\s*=\s*"postgresql"/, 'provider = "postgresql"\n  url      = env("DATABASE_URL")')
    .replace(/^\s*moduleFormat\s*=.*$/m, '')
    .replace(/provider\s*=\s*"prisma-client"/, 'provider = "prisma-client-js"');
}

export interface DiffOptions {
  /** Prisma schema text to start from, or null for an empty database. */
  from: string | null;
  to: string;
  /** Any reachable Postgres; the adapter connects to it but nothing is read or written. */
  databaseUrl: string;
}

export async function renderSchemaDiffSql({ from, to, databaseUrl }: DiffOptions): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sgf-diff-'));
  try {
    await writeFile(join(dir, 'to.prisma'), toPrisma6Datamodel(to));
    if (from !== null) await writeFile(join(dir, 'from.prisma'), toPrisma6Datamodel(from));
    const adapterModule = require.resolve('@prisma/adapter-pg');
    await writeFile(
      join(dir, 'prisma.config.ts'),
      `const { PrismaPg } = require(${JSON.stringify(adapterModule)});
export default {
  experimental: { adapter: true },
  engine: 'js',
  schema: 'to.prisma',
  adapter: async () => new PrismaPg({ connectionString: ${JSON.stringify(databaseUrl)} }),
};
`,
    );
    const fromArgs = from === null ? ['--from-empty'] : ['--from-schema-datamodel', 'from.prisma'];
    const { stdout } = await run(
      process.execPath,
      [prisma6Cli, 'migrate', 'diff', ...fromArgs, '--to-schema-datamodel', 'to.prisma', '--script'],
      {
        cwd: dir,
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          // The CLI checks for a query-engine library it never loads for a diff; point it at any file.
          PRISMA_QUERY_ENGINE_LIBRARY: prisma6Cli,
          PRISMA_HIDE_UPDATE_MESSAGE: '1',
        },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function readSchema(): Promise<string> {
  return readFile(join(projectRoot, 'prisma', 'schema.prisma'), 'utf8');
}
