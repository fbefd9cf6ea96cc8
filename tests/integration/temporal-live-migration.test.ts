import { randomUUID } from 'node:crypto';
import type { Orchestrator } from '../../api/orchestrator/orchestrator';
import { migrationV1, migrationV2 } from '../fixtures/migration-definitions';
import { publishDefinition } from '../support/runtime-fixtures';
import { recordHistory } from '../support/temporal-history-recorder';
import { describeLive } from '../support/temporal-live-env';
import {
  type BothRuntimes,
  projectionOf,
  settleTemporal,
  startBothRuntimes,
} from '../support/temporal-runtimes';

// Migrating running instances to another version on a real Temporal server (the workflow's
// `migrate` update swaps the definition it runs) and on the embedded runtime: the same refusals,
// the same rows, and the moved instance runs on through a node only the new version has.
jest.setTimeout(120_000);

const KEY = 'live-migration';

describeLive('instance migration on Temporal and on the embedded runtime', (address) => {
  let rt: BothRuntimes;
  let officer: { userId: string };
  let admin: { userId: string };
  let v1: string;
  let v2: string;

  beforeAll(async () => {
    rt = await startBothRuntimes(address);
    officer = { userId: rt.db.users.shegong! };
    admin = { userId: rt.db.users.admin! };
    v1 = await publishDefinition(rt.db.db.url, migrationV1(KEY));
    v2 = await publishDefinition(rt.db.db.url, migrationV2(KEY));
  });
  afterAll(() => rt?.close());

  /** Starts two instances on version 1, migrates them to version 2 and runs the moved one to its end. */
  async function migrateOn(orchestrator: Orchestrator) {
    const settle =
      orchestrator === rt.temporal
        ? (id: string) => settleTemporal(rt.client, id)
        : () => rt.embedded.scheduler.drain();
    const start = async (title: string) => {
      const { instanceId } = await orchestrator.start({
        versionId: v1,
        unitId: rt.db.stationId,
        title,
        input: {},
        actor: officer,
        idempotencyKey: randomUUID(),
      });
      await settle(instanceId);
      return instanceId;
    };
    const complete = async (instanceId: string, nodeId: string) => {
      const open = await orchestrator.listOpenTasks({ instanceId });
      const task = open.find((candidate) => candidate.nodeId === nodeId);
      if (!task) throw new Error(`no open task at ${nodeId}: ${open.map((t) => t.nodeId).join(', ')}`);
      await orchestrator.send(
        instanceId,
        { type: 'taskCompleted', taskId: task.engineTaskId, data: {} },
        officer,
        randomUUID(),
      );
      await settle(instanceId);
    };
    const moving = await start('迁移的实例');
    const blocked = await start('停在审批的实例');
    await complete(blocked, 'fill');

    const key = randomUUID();
    const mapping = { fill: 'prepare' };
    expect(await orchestrator.migrate(moving, v2, mapping, admin, key)).toEqual({
      migrated: true,
      revision: 2,
      duplicate: false,
    });
    expect(await orchestrator.migrate(moving, v2, mapping, admin, key)).toEqual({
      migrated: true,
      revision: 2,
      duplicate: true,
    });
    const again = await orchestrator.migrate(moving, v2, mapping, admin);
    expect(again).toEqual({
      migrated: false,
      reasons: [expect.objectContaining({ code: 'ALREADY_ON_TARGET' })],
    });
    const refused = await orchestrator.migrate(blocked, v2, mapping, admin);
    expect(refused.migrated).toBe(false);
    if (!refused.migrated) expect(refused.reasons.map((reason) => reason.code)).toContain('NODE_UNMAPPED');

    // Version 2 decides from here on: prepare, then report, which version 1 never had.
    await complete(moving, 'prepare');
    await complete(moving, 'report');
    return { moving, blocked };
  }

  it('moves the instance that fits, refuses the one that does not, and both runtimes leave the same rows', async () => {
    const onTemporal = await migrateOn(rt.temporal);
    const onEmbedded = await migrateOn(rt.embedded.orchestrator);
    const versions = await rt.pool.query<{ id: string; version_id: string; status: string }>(
      'SELECT id, version_id, status::text AS status FROM process_instance WHERE id = ANY($1::uuid[])',
      [[onTemporal.moving, onTemporal.blocked, onEmbedded.moving, onEmbedded.blocked]],
    );
    const byId = new Map(versions.rows.map((row) => [row.id, row]));
    for (const run of [onTemporal, onEmbedded]) {
      expect(byId.get(run.moving)).toMatchObject({ version_id: v2, status: 'completed' });
      expect(byId.get(run.blocked)).toMatchObject({ version_id: v1, status: 'running' });
    }
    const moved = await projectionOf(rt.pool, onTemporal.moving);
    expect(moved).toEqual(await projectionOf(rt.pool, onEmbedded.moving));
    expect(moved.events.map((event) => event.type)).toEqual([
      'started',
      'migrated',
      'taskCompleted',
      'taskCompleted',
    ]);
    expect(moved.tasks).toEqual([
      expect.objectContaining({ node_id: 'prepare', name: '准备材料', status: 'completed' }),
      expect.objectContaining({ node_id: 'report', name: '提交报告', status: 'completed' }),
    ]);
    expect(await projectionOf(rt.pool, onTemporal.blocked)).toEqual(
      await projectionOf(rt.pool, onEmbedded.blocked),
    );
    await recordHistory(rt.client, onTemporal.moving, 'migrated-instance');
  });
});
