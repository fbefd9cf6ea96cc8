// Jest global setup: one PostgreSQL server for the whole run (embedded unless DATABASE_URL is set)
// and a template database with every migration applied; each test file clones its own database
// from the template, so files run in parallel without seeing each other's rows.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { applyMigrations } from '../../api/db/migrate';
import { startEmbeddedPostgres } from '../../api/db/embedded-postgres';
import { TEMPLATE_DATABASE, testEnv } from './test-env';

export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    // Under the system temp folder: when tests run as root, PostgreSQL runs as the `postgres` user,
    // which may not be able to enter the checkout (e.g. a clone under /root).
    const dataDir = join(tmpdir(), `sgf-test-postgres-${process.pid}`);
    const server = await startEmbeddedPostgres({ dataDir, ephemeral: true });
    (globalThis as { __sgfTestPostgres?: typeof server }).__sgfTestPostgres = server;
    adminUrl = server.adminUrl;
  }
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}"`);
    await admin.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
  } finally {
    await admin.end();
  }
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE_DATABASE}`;
  await applyMigrations({ databaseUrl: templateUrl.toString() });
  process.env[testEnv.adminUrl] = adminUrl;
}
