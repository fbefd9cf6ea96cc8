// Per-test-file databases on the run's PostgreSQL server: either a clone of the migrated
// template or an empty one (for the migration tests).
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createPrismaClient, type Db } from '../../api/db/prisma-client';
import { TEMPLATE_DATABASE, testEnv } from './test-env';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env[testEnv.adminUrl];
  if (!url)
    throw new Error(
      'no test database server: run the suites through jest (npm test), whose global setup starts one',
    );
  return url;
}

async function withAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function urlForDatabase(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `sgf_test_${randomBytes(6).toString('hex')}`;
  // CREATE DATABASE … TEMPLATE needs the template to have no other sessions; retry briefly if a
  // parallel worker is cloning it at the same moment.
  await withAdmin(async (client) => {
    const sql = options.empty
      ? `CREATE DATABASE "${name}"`
      : `CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"`;
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(sql);
        return;
      } catch (error) {
        if (attempt >= 20 || !String(error).includes('is being accessed by other users')) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  });
  return {
    name,
    url: urlForDatabase(name),
    drop: () =>
      withAdmin(
        async (client) => void (await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
      ),
  };
}

/** A migrated database with a Prisma client; disconnects and drops it in `close`. */
export async function createTestPrisma(): Promise<{ db: TestDatabase; prisma: Db; close(): Promise<void> }> {
  const db = await createTestDatabase();
  const prisma = createPrismaClient(db.url, 4);
  return {
    db,
    prisma,
    close: async () => {
      await prisma.$disconnect();
      await db.drop();
    },
  };
}
