import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { publishDefinition } from '../support/runtime-fixtures';
import { describeLive } from '../support/temporal-live-env';
import { type BothRuntimes, startBothRuntimes, waitFor } from '../support/temporal-runtimes';

// The Temporal worker killed with SIGKILL while commands and activities are in flight, then a new
// worker started: every instance finishes, and the side effects are counted outside the database
// (a webhook receiver in this process, counting deliveries per idempotency key).
jest.setTimeout(180_000);

const INSTANCES = 12;
const root = join(__dirname, '..', '..');

function killDrill(webhookUrl: string) {
  return {
    key: 'kill-drill',
    name: '进程终止演练',
    nodes: [
      { id: 'start', kind: 'start', name: '开始' },
      {
        id: 'fill',
        kind: 'userTask',
        name: '填写',
        assignee: { type: 'starter' },
        form: [{ name: 'note', label: '备注', type: 'text', required: true }],
      },
      { id: 'call', kind: 'action', name: '外部接口', action: 'webhook', params: { url: webhookUrl } },
      {
        id: 'tell',
        kind: 'action',
        name: '通知',
        action: 'notify',
        params: { template: 'drill.done', to: { starter: true } },
      },
      { id: 'end', kind: 'end', name: '结束', outcome: 'done' },
    ],
    edges: [
      { id: 'e1', from: 'start', to: 'fill' },
      { id: 'e2', from: 'fill', to: 'call' },
      { id: 'e3', from: 'call', to: 'tell' },
      { id: 'e4', from: 'tell', to: 'end' },
    ],
  };
}

/** Counts deliveries per idempotency key; answers after a short delay, so kills land mid-call. */
function startReceiver() {
  const deliveries: Array<{ key: string; at: number }> = [];
  const server: Server = createServer((request, response) => {
    deliveries.push({ key: String(request.headers['idempotency-key']), at: Date.now() });
    request.resume();
    setTimeout(() => response.writeHead(200).end('{}'), 50);
  });
  return new Promise<{ url: string; deliveries: typeof deliveries; server: Server }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, deliveries, server }),
    ),
  );
}

function spawnWorker(rt: BothRuntimes): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'tests', 'support', 'temporal-worker-process.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        TEMPORAL_ADDRESS: rt.settings.address,
        TASK_QUEUE: rt.settings.taskQueue,
        DATABASE_URL: rt.db.db.url,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('READY')) resolve(child);
    });
    child.once('exit', (code, signal) => reject(new Error(`worker exited (${signal ?? code}): ${stderr}`)));
  });
}

describeLive('a Temporal worker killed with SIGKILL', (address) => {
  it(`finishes all ${INSTANCES} instances after a restart and runs no side effect twice`, async () => {
    const receiver = await startReceiver();
    const rt = await startBothRuntimes(address, { worker: false });
    const workers: ChildProcess[] = [];
    try {
      const versionId = await publishDefinition(rt.db.db.url, killDrill(receiver.url));
      const officer = { userId: rt.db.users.shegong! };
      workers.push(await spawnWorker(rt));
      const ids: string[] = [];
      for (let i = 0; i < INSTANCES; i++) {
        const { instanceId } = await rt.temporal.start({
          versionId,
          unitId: rt.db.stationId,
          title: `drill ${i}`,
          input: {},
          actor: officer,
          idempotencyKey: randomUUID(),
        });
        ids.push(instanceId);
      }
      // Every command is in flight when the worker dies; they are answered by the next worker.
      const sends = ids.map((instanceId, i) =>
        new Promise((resolve) => setTimeout(resolve, i * 40)).then(() =>
          rt.temporal.send(
            instanceId,
            { type: 'taskCompleted', taskId: 'task-1', data: { note: '演练' } },
            officer,
            randomUUID(),
          ),
        ),
      );
      await waitFor('a first webhook delivery', () =>
        Promise.resolve(receiver.deliveries.length > 0 ? true : undefined),
      );
      const killedAt = Date.now();
      const dead = new Promise((resolve) => workers[0]!.once('exit', resolve));
      workers[0]!.kill('SIGKILL');
      // The signal lands a moment after it is sent: calls the worker made until it died count as its own.
      await dead;
      const diedAt = Date.now();
      workers.push(await spawnWorker(rt));
      await Promise.all(sends);
      await waitFor(
        'every instance to finish',
        async () => {
          const { rows } = await rt.pool.query<{ n: string }>(
            `SELECT count(*) AS n FROM process_instance WHERE version_id = $1 AND status = 'completed'`,
            [versionId],
          );
          return Number(rows[0]!.n) === INSTANCES ? true : undefined;
        },
        120_000,
      );

      const byKey = new Map<string, number>();
      for (const delivery of receiver.deliveries) byKey.set(delivery.key, (byKey.get(delivery.key) ?? 0) + 1);
      const redelivered = [...byKey.values()].filter((n) => n > 1).length;
      const openAtKill = receiver.deliveries.filter((d) => d.at <= diedAt && d.at > killedAt - 1_000).length;
      console.log(
        `worker kill: ${receiver.deliveries.length} webhook deliveries for ${byKey.size} keys, ${redelivered} redelivered (${openAtKill} calls in the last second before the worker died)`,
      );
      expect(byKey.size).toBe(INSTANCES);
      // At-least-once activities may repeat a call the dead worker never reported, never one it had.
      expect([...byKey.values()].every((n) => n <= 2)).toBe(true);
      expect(redelivered).toBeLessThanOrEqual(openAtKill);

      const events = await rt.pool.query<{ type: string; n: string }>(
        `SELECT e.type, count(*) AS n FROM instance_event e JOIN process_instance i ON i.id = e.instance_id
         WHERE i.version_id = $1 GROUP BY e.type ORDER BY e.type`,
        [versionId],
      );
      expect(Object.fromEntries(events.rows.map((row) => [row.type, Number(row.n)]))).toEqual({
        actionCompleted: 2 * INSTANCES,
        started: INSTANCES,
        taskCompleted: INSTANCES,
      });
      const notifications = await rt.pool.query(
        `SELECT n.instance_id FROM notification n JOIN process_instance i ON i.id = n.instance_id WHERE i.version_id = $1`,
        [versionId],
      );
      expect(notifications.rowCount).toBe(INSTANCES);
    } finally {
      for (const worker of workers) worker.kill('SIGKILL');
      await rt.close();
      receiver.server.close();
    }
  });
});
