// Jest global setup: one PostgreSQL server for the whole run (embedded unless DATABASE_URL is set)
// and a template database with every migration applied; each test file clones its own database
// from the template, so files run in parallel without seeing each other's rows. When the run
// selects a Temporal live suite, also one Temporal dev server (or the developer's TEMPORAL_ADDRESS).
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '@jest/types';
import { bundleWorkflowCode } from '@temporalio/worker';
import { Client } from 'pg';
import { applyMigrations } from '../../api/db/migrate';
import { startEmbeddedPostgres } from '../../api/db/embedded-postgres';
import { findTemporalCli, startTemporalDevServer, type TemporalDevServer } from './temporal-dev-server';
import { liveSuitesSelected, temporalTestEnv } from './temporal-live-env';
import { TEMPLATE_DATABASE, testEnv } from './test-env';

const workflowsPath = join(__dirname, '..', '..', 'workflows', 'temporal', 'process.workflow.ts');

type Handles = { __sgfTestPostgres?: { stop(): Promise<void> }; __sgfTestTemporal?: TemporalDevServer };

async function preparePostgres(): Promise<void> {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    // Under the system temp folder: when tests run as root, PostgreSQL runs as the `postgres` user,
    // which may not be able to enter the checkout (e.g. a clone under /root).
    const dataDir = join(tmpdir(), `sgf-test-postgres-${process.pid}`);
    const server = await startEmbeddedPostgres({ dataDir, ephemeral: true });
    (globalThis as Handles).__sgfTestPostgres = server;
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

/** The developer's server (TEMPORAL_ADDRESS), else a dev server of this run, else nothing (suites skip). */
async function prepareTemporal(globalConfig: Config.GlobalConfig): Promise<void> {
  const cli = findTemporalCli();
  if (cli) process.env[temporalTestEnv.cli] = cli;
  if (!liveSuitesSelected(globalConfig)) return;
  const silent = () => undefined;
  const { code } = await bundleWorkflowCode({
    workflowsPath,
    logger: { log: silent, trace: silent, debug: silent, info: silent, warn: silent, error: silent },
  });
  const bundlePath = join(tmpdir(), `sgf-test-workflows-${process.pid}.js`);
  writeFileSync(bundlePath, code);
  process.env[temporalTestEnv.bundle] = bundlePath;
  if (process.env.TEMPORAL_ADDRESS) {
    process.env[temporalTestEnv.address] = process.env.TEMPORAL_ADDRESS;
    return;
  }
  if (!cli) return;
  const server = await startTemporalDevServer({ cli });
  (globalThis as Handles).__sgfTestTemporal = server;
  process.env[temporalTestEnv.address] = server.address;
}

export default async function globalSetup(globalConfig: Config.GlobalConfig): Promise<void> {
  // Side by side: the dev server's ~1 s start hides behind PostgreSQL's.
  await Promise.all([preparePostgres(), prepareTemporal(globalConfig)]);
}
