// Brings the product up from nothing: database (embedded unless DATABASE_URL), migrations,
// demo seed, HTTP server. Used by `npm start` and by the end-to-end tests alike.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seedBuiltInDefinitions } from '../prisma/seed/seed-definitions';
import { seedDemo, type DemoLogin } from '../prisma/seed/seed-demo';
import { seedDemoProjects } from '../prisma/seed/seed-demo-projects';
import { createApp } from './app';
import { createSessionCache, type SessionCache } from './auth/session-cache';
import type { AppConfig } from './config';
import { applyMigrations } from './db/migrate';
import { openDatabase } from './db/open-database';
import { attachKeyedReader, createKeyedReader, createPrismaClient } from './db/prisma-client';
import { loadDemoLogins, saveDemoLogins } from './demo-logins';
import { createNotificationHub } from './notifications/notification-stream';
import { createOrchestrator } from './orchestrator/create-orchestrator';
import type { Orchestrator } from './orchestrator/orchestrator';
import { createProxySweeper, type ProxySweeper } from './proxies/proxy-sweeper';
import { createUnitHeadSync, type UnitHeadSync } from './admin/unit-head-sync';
import type { Clock } from './runtime/clock';

export interface RunningProduct {
  url: string;
  databaseKind: 'embedded' | 'external';
  demoLogins: DemoLogin[];
  migrationsApplied: string[];
  orchestrator: Orchestrator;
  /** Moves the tasks of people away to their proxies (tests call `sweep` to pass at a moment of theirs). */
  proxySweeper: ProxySweeper;
  unitHeadSync: UnitHeadSync;
  close(): Promise<void>;
}

export interface BootOptions {
  log?: (line: string) => void;
  demoPasswords?: Record<string, string>;
  /** The embedded runtime's time (tests move it forward to make timers due); the system clock if unset. */
  clock?: Clock;
  /**
   * Start the demo's sample projects when the demo county is seeded (default true). The test
   * servers leave them out: their suites count the projects, tasks and incidents they make.
   */
  demoProjects?: boolean;
}

export async function bootProduct(config: AppConfig, options: BootOptions = {}): Promise<RunningProduct> {
  const log = options.log ?? (() => undefined);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const prisma = createPrismaClient(database.url);
  const keyedReads = createKeyedReader(database.url);
  attachKeyedReader(prisma, keyedReads);
  let sessions: SessionCache | undefined;
  let server: Server | undefined;
  let orchestrator: Orchestrator | undefined;
  let proxySweeper: ProxySweeper | undefined;
  // The live stream's poll, stopped (and awaited) before the database goes away.
  const notificationHub = createNotificationHub(prisma);
  let unitHeadSync: UnitHeadSync | undefined;
  const close = async () => {
    if (server) {
      const closed = new Promise<void>((done) => server?.close(() => done()));
      // Open event streams never end by themselves: end every connection, or shutdown waits for them.
      server.closeAllConnections();
      await closed;
    }
    await notificationHub.close();
    await proxySweeper?.stop();
    await unitHeadSync?.stop();
    await orchestrator?.close();
    await sessions?.close();
    await Promise.all([prisma.$disconnect(), keyedReads.$disconnect()]);
    await database.stop();
  };
  try {
    const migrations = await applyMigrations({ databaseUrl: database.url, log });
    let demoLogins: DemoLogin[] = [];
    let demoSeeded = false;
    if (config.demo) {
      const seed = await seedDemo(prisma, options.demoPasswords ? { passwords: options.demoPasswords } : {});
      if (seed.seeded) await saveDemoLogins(config.dataDir, seed.logins);
      demoSeeded = seed.seeded;
      demoLogins = seed.seeded ? seed.logins : await loadDemoLogins(config.dataDir);
    }
    // Built-in definitions are product data, published (as new versions when changed) on every boot.
    await seedBuiltInDefinitions(prisma);
    orchestrator = await createOrchestrator(config, database.url, process.env, { clock: options.clock });
    const runtime = orchestrator.kind;
    sessions = createSessionCache(database.url);
    proxySweeper = createProxySweeper({
      prisma,
      orchestrator,
      ...(options.clock ? { clock: options.clock } : {}),
    });
    proxySweeper.start();
    unitHeadSync = createUnitHeadSync({ prisma, orchestrator });
    unitHeadSync.start();
    const app = createApp({
      prisma,
      sessions,
      config,
      health: { runtime, version: config.version, databaseKind: database.kind },
      orchestrator,
      ...(options.clock ? { clock: options.clock } : {}),
      proxySweeper,
      notificationHub,
      unitHeadSync,
    });
    server = await new Promise<Server>((resolveServer, reject) => {
      const s = app.listen(config.port, config.host, (error?: Error) =>
        error ? reject(error) : resolveServer(s),
      );
    });
    // Not awaited: on Temporal the worker may start after the app (npm run start:temporal starts it
    // once the app listens), and the projects' commands wait for a worker.
    if (demoSeeded && options.demoProjects !== false)
      void seedDemoProjects(prisma, orchestrator).then(
        () => log('demo projects started'),
        (error: unknown) =>
          log(`demo projects not started: ${error instanceof Error ? error.message : String(error)}`),
      );
    const { port } = server.address() as AddressInfo;
    const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
    return {
      url: `http://${host}:${port}`,
      databaseKind: database.kind,
      demoLogins,
      migrationsApplied: migrations.applied,
      orchestrator,
      proxySweeper,
      unitHeadSync,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
