// An idle pooled connection the database server drops (restart, failover, an administrator) must
// not take the process down: pg reports it as an 'error' event on the pool, which without a
// listener is an uncaught exception. Checked on both runtimes' pools; the Temporal one needs a server.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createOrchestrator } from '../../api/orchestrator/create-orchestrator';
import type { Orchestrator } from '../../api/orchestrator/orchestrator';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { describeLive } from '../support/temporal-live-env';

jest.setTimeout(60_000);

/** Ends every other session on the database, as a server restart would. */
async function dropConnections(db: TestDatabase): Promise<number> {
  const admin = new Client({ connectionString: db.url });
  await admin.connect();
  try {
    const { rowCount } = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    return rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

async function survivesDroppedConnections(orchestrator: Orchestrator, db: TestDatabase): Promise<void> {
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);
  process.prependListener('uncaughtException', onUncaught);
  try {
    // A read leaves the pool holding an idle connection.
    await expect(orchestrator.get(randomUUID())).resolves.toBeNull();
    expect(await dropConnections(db)).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(uncaught).toEqual([]);
    // The pool replaces the lost connection on the next use.
    await expect(orchestrator.get(randomUUID())).resolves.toBeNull();
  } finally {
    process.removeListener('uncaughtException', onUncaught);
  }
}

describe('a dropped idle database connection', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(() => db.drop());

  it('leaves the embedded runtime running', async () => {
    const orchestrator = await createOrchestrator({ temporalAddress: undefined }, db.url);
    try {
      await survivesDroppedConnections(orchestrator, db);
    } finally {
      await orchestrator.close();
    }
  });
});

describeLive('a dropped idle database connection on Temporal', (address) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('leaves the Temporal runtime running', async () => {
    const orchestrator = await createOrchestrator({ temporalAddress: address }, db.url, {
      TEMPORAL_TASK_QUEUE: `lost-connections-${randomUUID()}`,
    });
    try {
      await survivesDroppedConnections(orchestrator, db);
    } finally {
      await orchestrator.close();
    }
  });
});
