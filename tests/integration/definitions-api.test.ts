// The definitions API (issue 13) over the real product (HTTP, embedded Postgres, the engine's
// validator, diff and simulator): an admin creates and imports definitions, saves drafts with
// If-Match, is refused publishing while the validator reports problems, publishes, and an officer
// starts the published process from the catalogue; publishing unchanged content makes no version,
// published versions cannot be rewritten even in SQL, start-up publishing moves a draft up a
// number, and every route refuses non-admins.
import { Client, Pool } from 'pg';
import { latestPublishedVersion } from '../../activities/published-definitions';
import { seedBuiltInDefinitions } from '../../prisma/seed/seed-definitions';
import { projectLifecycle } from '../../workflows/definitions';
import {
  type AdminApi,
  type Call,
  sessionHeaders,
  signInDemoPeople,
  startAdminApi,
  stopAdminApi,
  unitIdByCode,
} from './support/api-callers';

jest.setTimeout(180_000);

const KEY = 'volunteer-service';
const NAME = '社区志愿服务项目';

/** A small process: plan with a budget, then a gateway on the budget with a FEEL condition. */
const volunteerService = {
  key: KEY,
  name: NAME,
  variables: [{ name: 'projectName', label: '项目名称', type: 'string', required: true }],
  nodes: [
    { id: 'start', kind: 'start', name: '开始' },
    {
      id: 'plan',
      kind: 'userTask',
      name: '制定服务计划',
      assignee: { type: 'starter' },
      form: [{ name: 'budget', label: '预算（元）', type: 'number', required: true }],
    },
    { id: 'budgetCheck', kind: 'gateway', name: '预算判断' },
    { id: 'bigBudget', kind: 'end', name: '大额项目', outcome: 'big' },
    { id: 'end', kind: 'end', name: '结束' },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'plan' },
    { id: 'e2', from: 'plan', to: 'budgetCheck' },
    { id: 'e3', from: 'budgetCheck', to: 'bigBudget', condition: 'budget > 5000' },
    { id: 'e4', from: 'budgetCheck', to: 'end', default: true },
  ],
};

/** The same process with the gateway's default edge missing: the validator refuses it. */
const withoutDefault = { ...volunteerService, edges: volunteerService.edges.slice(0, 3) };

const AT = '2026-11-24T02:00:00.000Z';
const ACTOR = { userId: 'dry-run-user' };

describe('definitions API', () => {
  let api: AdminApi;
  let admin: Call;
  let officer: Call;
  let hjl: string;
  let publishedVersionId: string;
  let importedProblems: number;

  beforeAll(async () => {
    api = await startAdminApi();
    admin = api.admin;
    officer = (await signInDemoPeople(api, ['shegong'])).as.shegong!;
    hjl = await unitIdByCode(api.prisma, 'LC-HJL');
  });
  afterAll(() => stopAdminApi(api));

  /** An officer starts a project of the version at 黄家岭 station. */
  const startProject = (versionId: string, title: string) =>
    officer('POST', '/api/projects', { versionId, unitId: hjl, title, input: { projectName: title } });
  const catalogueEntry = async (key: string) =>
    (
      (await officer('GET', '/api/processes')).json!.items as {
        key: string;
        versionId: string;
        name: string;
      }[]
    ).find((item) => item.key === key);

  it('creates a definition with an empty start → end draft, and refuses a bad or taken key', async () => {
    const created = await admin('POST', '/api/definitions', { key: 'blank-process', name: '空白流程' });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('W/"1"');
    expect(created.json).toMatchObject({ key: 'blank-process', version: 1, revision: 1, issues: [] });
    expect((created.json!.definition.nodes as { kind: string }[]).map((n) => n.kind)).toEqual([
      'start',
      'end',
    ]);
    expect(created.json!.updatedBy.displayName).toBe('系统管理员');

    const bad = await admin('POST', '/api/definitions', { key: 'Bad_Key', name: '坏标识' });
    expect(bad.status).toBe(422);
    expect(bad.json).toMatchObject({ code: 'DEFINITION_KEY_INVALID', errors: [{ field: 'key' }] });
    const taken = await admin('POST', '/api/definitions', { key: 'project-lifecycle', name: '重复' });
    expect(taken.status).toBe(409);
    expect(taken.json!.errors[0].field).toBe('key');
  });

  it('imports JSON as a draft that may be invalid, with the validator’s issues; a draft is never in the catalogue', async () => {
    const imported = await admin('POST', '/api/definitions', {
      key: KEY,
      name: NAME,
      definition: { ...withoutDefault, key: 'other-key' },
    });
    expect(imported.status).toBe(201);
    expect(imported.json!.definition.key).toBe(KEY);
    expect(imported.json!.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'GATEWAY_DEFAULT_MISSING', nodeId: 'budgetCheck' }),
      ]),
    );
    importedProblems = imported.json!.issues.length;
    expect(await catalogueEntry(KEY)).toBeUndefined();

    const again = await admin('POST', `/api/definitions/${KEY}/draft`, {});
    expect(again.status).toBe(409);
    expect(again.json!.code).toBe('DRAFT_EXISTS');
  });

  it('lists definitions with their latest version, draft and instance counts', async () => {
    const list = await admin('GET', '/api/definitions');
    expect(list.status).toBe(200);
    const byKey = new Map((list.json!.items as { key: string }[]).map((item) => [item.key, item]));
    expect(byKey.get(KEY)).toMatchObject({
      name: NAME,
      latest: null,
      publishedVersions: 0,
      draft: {
        version: 1,
        revision: 1,
        problemCount: importedProblems,
        updatedBy: { displayName: '系统管理员' },
      },
      instances: [],
    });
    expect(byKey.get('project-lifecycle')).toMatchObject({ latest: { version: 1 }, draft: null });
  });

  it('saves the draft only with the ETag read: 428 without If-Match, 412 with a stale one naming the current save', async () => {
    const path = `/api/definitions/${KEY}/draft`;
    const missing = await admin('PUT', path, { definition: volunteerService });
    expect(missing.status).toBe(428);

    const saved = await admin('PUT', path, { definition: volunteerService }, { 'if-match': 'W/"1"' });
    expect(saved.status).toBe(200);
    expect(saved.headers.get('etag')).toBe('W/"2"');
    expect(saved.json).toMatchObject({ revision: 2, issues: [] });

    const stale = await admin('PUT', path, { definition: withoutDefault }, { 'if-match': 'W/"1"' });
    expect(stale.status).toBe(412);
    expect(stale.json).toMatchObject({
      code: 'PRECONDITION_FAILED',
      current: { revision: 2, updatedBy: { displayName: '系统管理员' } },
    });
    const read = await admin('GET', path);
    expect(read.headers.get('etag')).toBe('W/"2"');
    expect(read.json!.definition.edges).toHaveLength(4);

    const notAGraph = await admin('PUT', path, { definition: { nodes: 'none' } }, { 'if-match': 'W/"2"' });
    expect(notAGraph.status).toBe(400);
    expect((notAGraph.json!.errors as { field: string }[]).map((e) => e.field)).toEqual(
      expect.arrayContaining(['definition.nodes', 'definition.edges']),
    );
  });

  it('records a draft save in the audit log by key, version, revision and hash, never the graph', async () => {
    const rows = await api.prisma.auditLog.findMany({ where: { action: 'definition.draft_saved' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.detail).toEqual({
      after: { key: KEY, version: 1, revision: 2, contentHash: expect.stringMatching(/^fnv1a64:/) },
    });
  });

  it('refuses to publish while the validator reports problems, naming them', async () => {
    const path = `/api/definitions/${KEY}/draft`;
    await admin('PUT', path, { definition: withoutDefault }, { 'if-match': 'W/"2"' });
    const refused = await admin('POST', `${path}/publish`, undefined, { 'if-match': 'W/"3"' });
    expect(refused.status).toBe(422);
    expect(refused.json!.code).toBe('DEFINITION_INVALID');
    expect(refused.json!.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'nodes.budgetCheck',
          reason: expect.stringContaining('GATEWAY_DEFAULT_MISSING'),
        }),
      ]),
    );
    expect((await admin('GET', path)).status).toBe(200);
  });

  it('publishes a valid draft as version 1, which an officer finds in the catalogue and starts', async () => {
    const path = `/api/definitions/${KEY}/draft`;
    await admin('PUT', path, { definition: volunteerService }, { 'if-match': 'W/"3"' });
    const published = await admin('POST', `${path}/publish`, undefined, { 'if-match': 'W/"4"' });
    expect(published.status).toBe(200);
    expect(published.json).toMatchObject({ published: true, version: 1 });
    publishedVersionId = published.json!.versionId;
    expect((await admin('GET', path)).status).toBe(404);

    const entry = await catalogueEntry(KEY);
    expect(entry).toMatchObject({ versionId: publishedVersionId, name: NAME });
    const started = await startProject(publishedVersionId, '2026 年社区志愿服务');
    expect(started.status).toBe(201);

    const list = await admin('GET', '/api/definitions');
    expect((list.json!.items as { key: string }[]).find((i) => i.key === KEY)).toMatchObject({
      latest: { version: 1, versionId: publishedVersionId },
      publishedVersions: 1,
      draft: null,
      instances: [{ version: 1, running: 1, total: 1 }],
    });
  });

  it('makes no version when the draft equals the latest published one: the draft is discarded', async () => {
    const draft = await admin('POST', `/api/definitions/${KEY}/draft`, {});
    expect(draft.status).toBe(201);
    expect(draft.json).toMatchObject({ version: 2, revision: 1 });
    const publish = await admin('POST', `/api/definitions/${KEY}/draft/publish`, undefined, {
      'if-match': 'W/"1"',
    });
    expect(publish.json).toEqual({ published: false, version: 1 });
    const versions = await admin('GET', `/api/definitions/${KEY}/versions`);
    expect(versions.json!.items).toEqual([
      expect.objectContaining({ version: 1, status: 'published', instances: { running: 1, total: 1 } }),
    ]);
  });

  it('keeps published versions immutable, even to SQL', async () => {
    const client = new Client({ connectionString: api.server.databaseUrl });
    await client.connect();
    try {
      await expect(
        client.query(`UPDATE process_definition_version SET graph = '{}'::jsonb WHERE id = $1`, [
          publishedVersionId,
        ]),
      ).rejects.toThrow(/immutable/);
      await expect(
        client.query(`UPDATE process_definition_version SET status = 'draft' WHERE id = $1`, [
          publishedVersionId,
        ]),
      ).rejects.toThrow(/immutable/);
      await expect(
        client.query(`DELETE FROM process_definition_version WHERE id = $1`, [publishedVersionId]),
      ).rejects.toThrow(/immutable/);
    } finally {
      await client.end();
    }
    const version = await admin('GET', `/api/definitions/${KEY}/versions/1`);
    expect(version.json).toMatchObject({ status: 'published', versionId: publishedVersionId, issues: [] });
    expect(version.json!.definition.edges).toHaveLength(4);
  });

  it('diffs a version against the draft and against another version', async () => {
    const draft = await admin('POST', `/api/definitions/${KEY}/draft`, { fromVersion: 1 });
    const changed = structuredClone(volunteerService);
    changed.nodes[1]!.form![0]!.required = false;
    changed.nodes.push({ id: 'notify', kind: 'gateway', name: '通知' });
    await admin(
      'PUT',
      `/api/definitions/${KEY}/draft`,
      { definition: changed },
      { 'if-match': `W/"${draft.json!.revision}"` },
    );

    const diff = await admin('GET', `/api/definitions/${KEY}/diff?from=1&to=draft`);
    expect(diff.status).toBe(200);
    expect(diff.json).toEqual({
      from: 1,
      to: 'draft',
      changes: [
        {
          target: 'node',
          id: 'plan',
          change: 'changed',
          label: '制定服务计划',
          properties: [{ path: 'form[0].required', before: true, after: false }],
        },
        { target: 'node', id: 'notify', change: 'added', label: '通知', properties: [] },
      ],
    });
    expect((await admin('GET', `/api/definitions/${KEY}/diff?from=1&to=1`)).json!.changes).toEqual([]);
    const lifecycle = await admin('GET', '/api/definitions/project-lifecycle/diff?from=1&to=draft');
    expect(lifecycle.status).toBe(404);
    const badRef = await admin('GET', `/api/definitions/${KEY}/diff?from=latest&to=1`);
    expect(badRef.status).toBe(400);
  });

  it('dry-runs a script: a happy path completes, a refused event is a 422 naming its index', async () => {
    const path = `/api/definitions/${KEY}/simulate`;
    const started = { at: AT, event: { type: 'started', actor: ACTOR, input: { projectName: '试运行' } } };
    const first = await admin('POST', path, { source: { version: 1 }, events: [started] });
    expect(first.status).toBe(200);
    const taskId = Object.keys(first.json!.final.tasks as Record<string, unknown>)[0]!;

    const happy = await admin('POST', path, {
      source: { version: 1 },
      events: [
        started,
        { at: AT, event: { type: 'taskCompleted', taskId, actor: ACTOR, data: { budget: 8000 } } },
      ],
    });
    expect(happy.status).toBe(200);
    expect((happy.json!.trace as { ok: boolean }[]).map((s) => s.ok)).toEqual([true, true]);
    expect(happy.json!.final.status).toBe('completed');
    expect(happy.json!.final.visits.bigBudget).toBe(1);

    const refused = await admin('POST', path, {
      source: { version: 1 },
      events: [
        started,
        { at: AT, event: { type: 'taskCompleted', taskId: 'no-such-task', actor: ACTOR, data: {} } },
      ],
    });
    expect(refused.status).toBe(422);
    expect(refused.json).toMatchObject({
      code: 'SIMULATION_REJECTED',
      eventIndex: 1,
      errors: [{ field: 'events.1' }],
    });

    // The draft has a gateway without edges: the engine runs only what its validator accepts.
    const invalid = await admin('POST', path, { source: { draft: true }, events: [started] });
    expect(invalid.status).toBe(422);
    expect(invalid.json!.code).toBe('DEFINITION_INVALID');
    expect((invalid.json!.errors as { field: string }[]).map((e) => e.field)).toContain('nodes.notify');
    const graph = await admin('POST', path, { source: { definition: volunteerService }, events: [started] });
    expect(graph.json!.trace[0].ok).toBe(true);
  });

  it('exports a version as a JSON download named in Chinese with the date', async () => {
    const response = await fetch(`${api.server.url}/api/definitions/${KEY}/versions/1/export`, {
      headers: await sessionHeadersOfAdmin(),
    });
    expect(response.status).toBe(200);
    const disposition = response.headers.get('content-disposition')!;
    const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(disposition).toContain(`filename="${KEY}-v1-${date}.json"`);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(`${NAME}-v1-${date}.json`)}`);
    expect(JSON.parse(await response.text())).toMatchObject({ key: KEY, name: NAME });
  });

  it('start-up publishing a shipped definition moves an admin’s draft up a number and never starts it', async () => {
    const draft = await admin('POST', '/api/definitions/project-lifecycle/draft', {});
    expect(draft.json!.version).toBe(2);
    const shipped = { ...projectLifecycle, description: '新版本说明' };
    const ids = await seedBuiltInDefinitions(api.prisma, { 'project-lifecycle': shipped });
    const versions = await admin('GET', '/api/definitions/project-lifecycle/versions');
    expect(
      (versions.json!.items as { version: number; status: string }[]).map((v) => [v.version, v.status]),
    ).toEqual([
      [3, 'draft'],
      [2, 'published'],
      [1, 'published'],
    ]);
    expect(versions.json!.items[1].versionId).toBe(ids['project-lifecycle']);
    const entry = await catalogueEntry('project-lifecycle');
    expect(entry!.versionId).toBe(ids['project-lifecycle']);
    const draftId = (versions.json!.items[0] as { versionId: string }).versionId;
    const refused = await startProject(draftId, '草稿不能发起');
    expect(refused.status).toBe(404);
    // A sub-process starts on the latest published version, never on the draft numbered above it.
    const pool = new Pool({ connectionString: api.server.databaseUrl, max: 1 });
    try {
      expect((await latestPublishedVersion(pool, 'project-lifecycle'))!.versionId).toBe(
        ids['project-lifecycle'],
      );
    } finally {
      await pool.end();
    }
  });

  it('lets exactly one of two saves made on the same ETag win', async () => {
    const path = `/api/definitions/${KEY}/draft`;
    const etag = (await admin('GET', path)).headers.get('etag')!;
    const saves = await Promise.all(
      [volunteerService, withoutDefault].map((definition) =>
        admin('PUT', path, { definition }, { 'if-match': etag }),
      ),
    );
    expect(saves.map((save) => save.status).sort()).toEqual([200, 412]);
    const winner = saves.find((save) => save.status === 200)!;
    const loser = saves.find((save) => save.status === 412)!;
    expect(loser.json!.current.revision).toBe(winner.json!.revision);
  });

  it('replays a create sent again with the same Idempotency-Key', async () => {
    const body = { key: 'retried-create', name: '重试新建' };
    const headers = { 'idempotency-key': 'definitions-retry-1' };
    const first = await admin('POST', '/api/definitions', body, headers);
    const again = await admin('POST', '/api/definitions', body, headers);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json).toEqual(first.json);
    expect(await api.prisma.processDefinition.count({ where: { key: 'retried-create' } })).toBe(1);
  });

  it('refuses every definitions route to a non-admin', async () => {
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/definitions'],
      ['POST', '/api/definitions', { key: 'officer-made', name: '社工新建' }],
      ['GET', `/api/definitions/${KEY}/versions`],
      ['GET', `/api/definitions/${KEY}/versions/1`],
      ['GET', `/api/definitions/${KEY}/versions/1/export`],
      ['GET', `/api/definitions/${KEY}/draft`],
      ['POST', `/api/definitions/${KEY}/draft`, {}],
      ['PUT', `/api/definitions/${KEY}/draft`, { definition: volunteerService }],
      ['DELETE', `/api/definitions/${KEY}/draft`],
      ['POST', `/api/definitions/${KEY}/draft/publish`],
      ['GET', `/api/definitions/${KEY}/diff?from=1&to=draft`],
      ['POST', `/api/definitions/${KEY}/simulate`, { source: { version: 1 }, events: [] }],
    ];
    for (const [method, path, body] of calls) {
      const answer = await officer(method, path, body, { 'if-match': '*' });
      expect([method, path, answer.status]).toEqual([method, path, 403]);
    }
    expect((await admin('GET', `/api/definitions/${KEY}/draft`)).status).toBe(200);
  });

  it('discards the draft with If-Match', async () => {
    const path = `/api/definitions/${KEY}/draft`;
    const current = await admin('GET', path);
    expect((await admin('DELETE', path)).status).toBe(428);
    expect((await admin('DELETE', path, undefined, { 'if-match': 'W/"99"' })).status).toBe(412);
    expect(
      (await admin('DELETE', path, undefined, { 'if-match': current.headers.get('etag')! })).status,
    ).toBe(204);
    expect((await admin('GET', path)).status).toBe(404);
  });

  async function sessionHeadersOfAdmin(): Promise<Record<string, string>> {
    const adminId = (await api.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } })).id;
    return sessionHeaders(api.prisma, adminId);
  }
});
