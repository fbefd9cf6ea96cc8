// Instance migration over the real product (embedded runtime, real HTTP server, embedded Postgres):
// an admin plans moving the running projects of a definition from version 1 to version 2 (with
// the reasons an instance cannot move, in Chinese and English), migrates them, and a migrated
// project carries on on version 2 through a node only version 2 has; audited, idempotent, admins only.
import { Pool } from 'pg';
import { createDefinitionStore } from '../../api/runtime/definition-store';
import { replayInstance } from '../../api/runtime/replay-instance';
import { migrationV1, migrationV2 } from '../fixtures/migration-definitions';
import { publishDefinition } from '../support/runtime-fixtures';
import { demoLogin, signInApi, unitIdOf, type ApiCall } from '../support/work-api-steps';
import { startTestServer, type TestServer } from '../support/test-server';

jest.setTimeout(120_000);

const KEY = 'migration-api-test';
const v1 = migrationV1(KEY);
const v2 = migrationV2(KEY);

interface PlannedInstance {
  instanceId: string;
  title: string;
  unitName: string;
  status: string;
  canMigrate: boolean;
  reasons: Array<{ code: string; id: string; message: { zh: string; en: string } }>;
}

describe('definition migration API', () => {
  let server: TestServer;
  let pool: Pool;
  let admin: ApiCall;
  let officer: ApiCall;
  let atFill: string;
  let atApproval: string;

  async function openTask(projectId: string, nodeId: string): Promise<{ id: string; name: string }> {
    const res = await officer('GET', `/api/projects/${projectId}`);
    expect(res.status).toBe(200);
    const found = (
      res.json!.tasks as Array<{ id: string; nodeId: string; name: string; status: string }>
    ).find((candidate) => candidate.nodeId === nodeId && candidate.status === 'open');
    if (!found) throw new Error(`${projectId} has no open task at ${nodeId}`);
    return found;
  }

  async function versionIdOf(version: number): Promise<string> {
    const { rows } = await pool.query<{ id: string }>(
      `SELECT v.id FROM process_definition_version v JOIN process_definition d ON d.id = v.definition_id
       WHERE d.key = $1 AND v.version = $2`,
      [KEY, version],
    );
    return rows[0]!.id;
  }

  async function complete(projectId: string, nodeId: string) {
    const res = await officer('POST', `/api/tasks/${(await openTask(projectId, nodeId)).id}/complete`, {
      data: {},
    });
    expect(res.status).toBe(200);
  }

  beforeAll(async () => {
    server = await startTestServer();
    pool = new Pool({ connectionString: server.databaseUrl, max: 2 });
    const versionId = await publishDefinition(server.databaseUrl, v1);
    admin = await signInApi(server, demoLogin(server, 'admin'));
    officer = await signInApi(server, demoLogin(server, 'shegong'));
    const unitId = await unitIdOf(officer, 'LC-HJL');
    const start = async (title: string) => {
      const res = await officer('POST', '/api/projects', { versionId, unitId, title, input: {} });
      expect(res.status).toBe(201);
      return res.json!.id as string;
    };
    atFill = await start('待迁移的项目');
    atApproval = await start('停在审批的项目');
    await complete(atApproval, 'fill');
    await publishDefinition(server.databaseUrl, v2);
  });
  afterAll(async () => {
    await pool?.end();
    await server?.close();
  });

  it('plans with the suggested mapping and tells why each instance cannot move, in Chinese and English', async () => {
    const res = await admin('POST', `/api/definitions/${KEY}/migration-plan`, {
      fromVersion: 1,
      toVersion: 2,
    });
    expect(res.status).toBe(200);
    // fill's kind matches two added nodes (prepare, report): no guess; approve has no counterpart.
    expect(res.json!.suggestedMapping).toEqual({
      start: { to: 'start', kind: 'start', suggested: false },
      end: { to: 'end', kind: 'end', suggested: false },
    });
    expect(res.json!.mapping).toEqual({ start: 'start', end: 'end' });
    const instances = res.json!.instances as PlannedInstance[];
    expect(instances.map((i) => [i.instanceId, i.canMigrate])).toEqual([
      [atFill, false],
      [atApproval, false],
    ]);
    expect(instances[0]).toMatchObject({
      title: '待迁移的项目',
      unitName: expect.any(String),
      status: 'running',
    });
    expect(instances[0]!.reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'NODE_UNMAPPED',
          message: {
            zh: expect.stringContaining('所在节点 fill 在新版本中没有对应节点'),
            en: expect.stringContaining('waits at fill, which has no counterpart in the new version'),
          },
        }),
      ]),
    );

    const edited = await admin('POST', `/api/definitions/${KEY}/migration-plan`, {
      fromVersion: 1,
      toVersion: 2,
      mapping: { fill: 'prepare' },
    });
    expect(edited.status).toBe(200);
    const [movable, blocked] = edited.json!.instances as PlannedInstance[];
    expect(movable).toMatchObject({
      instanceId: atFill,
      canMigrate: true,
      reasons: [],
      currentNodes: [{ nodeId: 'fill', name: '填写申请' }],
    });
    expect(blocked).toMatchObject({
      instanceId: atApproval,
      canMigrate: false,
      currentNodes: [{ nodeId: 'approve', name: '站长审批' }],
    });
    expect(blocked!.reasons.map((reason) => reason.code)).toContain('NODE_UNMAPPED');
    expect(blocked!.reasons[0]!.message.zh).toContain('approve');
  });

  it('refuses mappings and versions that do not fit, naming the field', async () => {
    const badNode = await admin('POST', `/api/definitions/${KEY}/migration-plan`, {
      fromVersion: 1,
      toVersion: 2,
      mapping: { fill: 'nowhere' },
    });
    expect(badNode.status).toBe(422);
    expect(badNode.json).toMatchObject({
      code: 'MIGRATION_INVALID',
      errors: [
        {
          field: 'mapping.fill',
          reason: 'the target version has no node nowhere',
          reasonZh: '目标版本中没有节点 nowhere',
        },
      ],
    });
    const noVersion = await admin('POST', `/api/definitions/${KEY}/migration-plan`, {
      fromVersion: 1,
      toVersion: 9,
    });
    expect(noVersion.status).toBe(422);
    expect(noVersion.json!.errors).toEqual([
      {
        field: 'toVersion',
        reason: 'not a published version of this definition',
        reasonZh: '不是该流程已发布的版本',
      },
    ]);
    const same = await admin('POST', `/api/definitions/${KEY}/migration-plan`, {
      fromVersion: 2,
      toVersion: 2,
    });
    expect(same.status).toBe(400);
    const noDefinition = await admin('POST', '/api/definitions/no-such-process/migration-plan', {
      fromVersion: 1,
      toVersion: 2,
    });
    expect(noDefinition.status).toBe(404);
  });

  it('is for admins only', async () => {
    const plan = await officer('POST', `/api/definitions/${KEY}/migration-plan`, {
      fromVersion: 1,
      toVersion: 2,
    });
    expect(plan.status).toBe(403);
    const run = await officer(
      'POST',
      `/api/definitions/${KEY}/migrations`,
      { fromVersion: 1, toVersion: 2, mapping: { fill: 'prepare' }, instanceIds: [atFill] },
      { 'idempotency-key': 'officer-try' },
    );
    expect(run.status).toBe(403);
    // Nothing moved.
    expect((await openTask(atFill, 'fill')).name).toBe('填写申请');
  });

  it('migrates each instance all or nothing, audits it, answers a replay the same, and the project carries on on version 2', async () => {
    const body = {
      fromVersion: 1,
      toVersion: 2,
      mapping: { fill: 'prepare' },
      instanceIds: [atFill, atApproval],
    };
    const headers = { 'idempotency-key': 'migrate-v2-first' };
    const first = await admin('POST', `/api/definitions/${KEY}/migrations`, body, headers);
    expect(first.status).toBe(200);
    expect(first.json!.results).toEqual([
      { instanceId: atFill, migrated: true, reasons: [] },
      {
        instanceId: atApproval,
        migrated: false,
        reasons: expect.arrayContaining([expect.objectContaining({ code: 'NODE_UNMAPPED' })]),
      },
    ]);
    const replay = await admin('POST', `/api/definitions/${KEY}/migrations`, body, headers);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.json).toEqual(first.json);

    // One audit row for the one instance that moved, however often the request came.
    const audit = await pool.query<{ actor_id: string; unit_id: string; detail: unknown }>(
      `SELECT actor_id, unit_id, detail FROM audit_log WHERE action = 'project.migrated' AND resource_id = $1`,
      [atFill],
    );
    expect(audit.rows).toEqual([
      expect.objectContaining({
        detail: { before: { version: 1 }, after: { version: 2, mapping: { fill: 'prepare' }, revision: 2 } },
      }),
    ]);
    const blockedAudit = await pool.query(
      `SELECT 1 FROM audit_log WHERE action = 'project.migrated' AND resource_id = $1`,
      [atApproval],
    );
    expect(blockedAudit.rows).toEqual([]);

    // The open task row follows its node: renamed by the mapping, named as version 2 names it.
    const prepare = await openTask(atFill, 'prepare');
    expect(prepare.name).toBe('准备材料');
    // …and the form version 2 gives that step (version 1's fill had none).
    const detail = await officer('GET', `/api/tasks/${prepare.id}`);
    expect((detail.json!.form as Array<{ name: string }>).map((field) => field.name)).toEqual(['materials']);
    const timeline = await officer('GET', `/api/projects/${atFill}/timeline`);
    expect(timeline.json!.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'migrated',
          text: {
            zh: '将流程由第 1 版迁移到第 2 版（节点对应：fill → 准备材料）',
            en: 'moved the process from version 1 to version 2 (nodes mapped: fill → 准备材料)',
          },
        }),
      ]),
    );

    // Version 2 runs it from here: prepare leads to report, which version 1 never had.
    await complete(atFill, 'prepare');
    await complete(atFill, 'report');
    const done = await officer('GET', `/api/projects/${atFill}`);
    expect(done.json).toMatchObject({ status: 'completed' });
    const stored = await pool.query<{ state: unknown }>('SELECT state FROM process_instance WHERE id = $1', [
      atFill,
    ]);
    expect(await replayInstance(pool, createDefinitionStore(pool), atFill)).toEqual(stored.rows[0]!.state);

    // The refused instance is untouched and still runs on version 1.
    expect((await openTask(atApproval, 'approve')).name).toBe('站长审批');

    // Another run (another key) reports the moved instance as already there, not as an error.
    const again = await admin(
      'POST',
      `/api/definitions/${KEY}/migrations`,
      { ...body, instanceIds: [atFill] },
      { 'idempotency-key': 'migrate-v2-second' },
    );
    expect(again.status).toBe(200);
    expect(again.json!.results).toEqual([
      {
        instanceId: atFill,
        migrated: false,
        reasons: [expect.objectContaining({ code: 'ALREADY_ON_TARGET' })],
      },
    ]);
  });

  it('moves back to an older version, and the timeline still names steps the version lacks', async () => {
    const res = await officer('POST', '/api/projects', {
      versionId: await versionIdOf(2),
      unitId: await unitIdOf(officer, 'LC-HJL'),
      title: '回退版本的项目',
      input: {},
    });
    expect(res.status).toBe(201);
    const projectId = res.json!.id as string;
    await complete(projectId, 'prepare');
    const plan = await admin('POST', `/api/definitions/${KEY}/migration-plan`, {
      fromVersion: 2,
      toVersion: 1,
      mapping: { report: 'fill' },
    });
    expect((plan.json!.instances as PlannedInstance[]).find((i) => i.instanceId === projectId)).toMatchObject(
      {
        canMigrate: true,
      },
    );
    const back = await admin(
      'POST',
      `/api/definitions/${KEY}/migrations`,
      { fromVersion: 2, toVersion: 1, mapping: { report: 'fill' }, instanceIds: [projectId] },
      { 'idempotency-key': 'migrate-back' },
    );
    expect(back.json!.results).toEqual([{ instanceId: projectId, migrated: true, reasons: [] }]);
    // Version 1 has no prepare: the submission made on version 2 keeps its step's name.
    const timeline = await officer('GET', `/api/projects/${projectId}/timeline`);
    expect(
      (timeline.json!.items as Array<{ type: string; text: { zh: string } }>).map((i) => i.text.zh),
    ).toEqual([
      '发起项目「回退版本的项目」',
      '提交了「准备材料」',
      '将流程由第 2 版迁移到第 1 版（节点对应：report → 填写申请）',
    ]);
    await complete(projectId, 'fill');
    const vote = await officer('POST', `/api/tasks/${(await openTask(projectId, 'approve')).id}/vote`, {
      vote: 'approve',
    });
    expect(vote.status).toBe(200);
    expect((await officer('GET', `/api/projects/${projectId}`)).json).toMatchObject({ status: 'completed' });
    const stored = await pool.query<{ state: unknown }>('SELECT state FROM process_instance WHERE id = $1', [
      projectId,
    ]);
    expect(await replayInstance(pool, createDefinitionStore(pool), projectId)).toEqual(stored.rows[0]!.state);
  });

  it('audits a move whose request stopped before its audit row when the request is retried', async () => {
    const res = await officer('POST', '/api/projects', {
      versionId: await versionIdOf(1),
      unitId: await unitIdOf(officer, 'LC-HJL'),
      title: '中断后重试的迁移',
      input: {},
    });
    const projectId = res.json!.id as string;
    const adminId = (await pool.query<{ id: string }>("SELECT id FROM app_user WHERE username = 'admin'"))
      .rows[0]!.id;
    // The first attempt moved the project through the port (as the route does, under the request's
    // key) and stopped there: no audit row, no stored response.
    const moved = await server.orchestrator.migrate(
      projectId,
      await versionIdOf(2),
      { fill: 'prepare' },
      { userId: adminId },
      'migration/interrupted',
    );
    expect(moved).toMatchObject({ migrated: true, duplicate: false });
    const retried = await admin(
      'POST',
      `/api/definitions/${KEY}/migrations`,
      { fromVersion: 1, toVersion: 2, mapping: { fill: 'prepare' }, instanceIds: [projectId] },
      { 'idempotency-key': 'interrupted' },
    );
    expect(retried.json!.results).toEqual([{ instanceId: projectId, migrated: true, reasons: [] }]);
    const audit = await pool.query(
      `SELECT 1 FROM audit_log WHERE action = 'project.migrated' AND resource_id = $1`,
      [projectId],
    );
    expect(audit.rows).toHaveLength(1);
  });

  it('decides each migration on the state it read: racing migrations move once, a racing completion lands before or after', async () => {
    const adminActor = {
      userId: (await pool.query<{ id: string }>("SELECT id FROM app_user WHERE username = 'admin'")).rows[0]!
        .id,
    };
    const start = async (title: string) => {
      const res = await officer('POST', '/api/projects', {
        versionId: await versionIdOf(1),
        unitId: await unitIdOf(officer, 'LC-HJL'),
        title,
        input: {},
      });
      return res.json!.id as string;
    };
    const v2Id = await versionIdOf(2);
    const contested = await start('同时迁移的项目');
    const outcomes = await Promise.all(
      ['a', 'b', 'c', 'd'].map((key) =>
        server.orchestrator.migrate(contested, v2Id, { fill: 'prepare' }, adminActor, `race-${key}`),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.migrated)).toHaveLength(1);
    for (const outcome of outcomes.filter((o) => !o.migrated))
      expect(outcome).toEqual({
        migrated: false,
        reasons: [expect.objectContaining({ code: 'ALREADY_ON_TARGET' })],
      });

    const raced = await start('迁移与提交同时发生的项目');
    const fill = await openTask(raced, 'fill');
    const [moved, submitted] = await Promise.all([
      server.orchestrator.migrate(raced, v2Id, { fill: 'prepare' }, adminActor, 'race-submit'),
      officer('POST', `/api/tasks/${fill.id}/complete`, { data: {} }),
    ]);
    expect(submitted.status).toBe(200);
    // Migrated first: the submission completed prepare on version 2. Submitted first: the project
    // waits at the approval, which version 2 lacks, and the migration was refused.
    if (moved.migrated) expect((await openTask(raced, 'report')).name).toBe('提交报告');
    else expect((await openTask(raced, 'approve')).name).toBe('站长审批');
    for (const id of [contested, raced]) {
      const stored = await pool.query<{ state: unknown }>(
        'SELECT state FROM process_instance WHERE id = $1',
        [id],
      );
      expect(await replayInstance(pool, createDefinitionStore(pool), id)).toEqual(stored.rows[0]!.state);
    }
  });

  it('names instances that are not of this definition', async () => {
    const res = await admin(
      'POST',
      `/api/definitions/${KEY}/migrations`,
      {
        fromVersion: 1,
        toVersion: 2,
        mapping: {},
        instanceIds: ['00000000-0000-4000-8000-000000000000'],
      },
      { 'idempotency-key': 'migrate-unknown' },
    );
    expect(res.status).toBe(422);
    expect(res.json!.errors).toEqual([
      expect.objectContaining({ field: 'instanceIds.0', reasonZh: expect.stringContaining('不是流程') }),
    ]);
  });
});
