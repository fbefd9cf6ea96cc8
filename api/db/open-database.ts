// Chooses the database: DATABASE_URL when set, otherwise an embedded PostgreSQL in the data folder.
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface DatabaseHandle {
  url: string;
  kind: 'embedded' | 'external';
  stop(): Promise<void>;
}

const EMBEDDED_DATABASE = 'shegong_flow';

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

export async function openDatabase(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
}): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    return { url: options.databaseUrl, kind: 'external', stop: () => Promise.resolve() };
  }
  const server = await startEmbeddedPostgres({
    dataDir: join(options.dataDir, 'postgres'),
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.log ? { log: options.log } : {}),
  });
  try {
    await ensureDatabase(server.adminUrl, EMBEDDED_DATABASE);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: server.urlFor(EMBEDDED_DATABASE), kind: 'embedded', stop: () => server.stop() };
}
