// Kills a process running the embedded runtime with SIGKILL at random moments, several times,
// then checks that nothing acknowledged was lost, nothing ran twice and every state is the fold of
// its events.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createEmbeddedOrchestrator } from '../../api/orchestrator/embedded-orchestrator';
import { createDefinitionStore } from '../../api/runtime/definition-store';
import { replayInstance } from '../../api/runtime/replay-instance';
import { crashDefinition } from '../support/crash-definition';
import { createRuntimeDatabase, publishDefinition } from '../support/runtime-fixtures';

jest.setTimeout(180_000);

const root = join(__dirname, '..', '..');
const KILLS = 5;

function runUntilKilled(
  env: Record<string, string>,
  aliveMs: number,
  acks: Array<[string, string]>,
): Promise<void> {
  return new Promise((resolve, reject) => {
    // node itself with tsx as a loader: killing a `tsx` wrapper would leave its node child running.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(root, 'tests', 'support', 'crash-worker.ts')],
      {
        cwd: root,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let buffer = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'READY') setTimeout(() => child.kill('SIGKILL'), aliveMs);
        const [tag, instanceId, key] = line.split(' ');
        if (tag === 'ACK' && instanceId && key) acks.push([instanceId, key]);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`worker exited: ${stderr}`)),
    );
  });
}

describe('crash recovery of the embedded runtime', () => {
  it(`loses nothing acknowledged and runs no effect twice across ${KILLS} SIGKILLs`, async () => {
    const db = await createRuntimeDatabase();
    try {
      const versionId = await publishDefinition(db.db.url, crashDefinition);
      const env = {
        DATABASE_URL: db.db.url,
        VERSION_ID: versionId,
        UNIT_ID: db.stationId,
        USER_ID: db.users.shegong!,
      };
      const acks: Array<[string, string]> = [];
      for (let i = 0; i < KILLS; i++) await runUntilKilled(env, 400 + Math.floor(Math.random() * 1200), acks);
      expect(acks.length).toBeGreaterThan(20);

      // Restart: a fresh runtime whose clock is past every lease the killed processes held.
      const recovery = createEmbeddedOrchestrator({
        databaseUrl: db.db.url,
        clock: () => new Date(Date.now() + 60_000),
      });
      try {
        const { pool } = recovery;
        // The killed processes' database sessions end when Postgres notices their sockets closed.
        for (let i = 0; i < 100; i++) {
          const others = await pool.query(
            'SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> $1',
            ['idle'],
          );
          if (others.rowCount === 0) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        await recovery.scheduler.drain();
        const logged = await pool.query<{ instance_id: string; idempotency_key: string; n: string }>(
          'SELECT instance_id, idempotency_key, count(*) AS n FROM instance_event GROUP BY 1, 2',
        );
        const byKey = new Map(logged.rows.map((r) => [`${r.instance_id} ${r.idempotency_key}`, Number(r.n)]));
        for (const [instanceId, key] of acks) expect(byKey.get(`${instanceId} ${key}`)).toBe(1);

        const effects = await pool.query<{ status: string; n: string }>(
          'SELECT status, count(*) AS n FROM pending_effect GROUP BY status',
        );
        expect(effects.rows.filter((r) => r.status !== 'done')).toEqual([]);
        const notifies = await pool.query<{ key: string; n: string }>(
          `SELECT e.idempotency_key AS key, count(n.id) AS n FROM pending_effect e
           LEFT JOIN notification n ON n.idempotency_key = e.idempotency_key
           JOIN process_instance i ON i.id = e.instance_id WHERE e.payload->>'action' = 'notify' GROUP BY 1`,
        );
        expect(notifies.rows.length).toBeGreaterThan(0);
        expect(notifies.rows.filter((r) => Number(r.n) !== 1)).toEqual([]);
        // Every action result reached its instance exactly once.
        const results = await pool.query<{ n: string }>(
          `SELECT count(*) AS n FROM instance_event WHERE type = 'actionCompleted'
           GROUP BY instance_id, payload->>'actionId' HAVING count(*) > 1`,
        );
        expect(results.rows).toEqual([]);

        const instances = await pool.query<{ id: string; state: unknown; revision: number; events: string }>(
          `SELECT i.id, i.state, i.revision, (SELECT count(*) FROM instance_event e WHERE e.instance_id = i.id) AS events
           FROM process_instance i WHERE i.version_id = $1`,
          [versionId],
        );
        const store = createDefinitionStore(pool);
        for (const row of instances.rows) {
          expect(Number(row.events)).toBe(row.revision);
          expect(await replayInstance(pool, store, row.id)).toEqual(row.state);
        }
      } finally {
        await recovery.orchestrator.close();
      }
    } finally {
      await db.close();
    }
  });
});
