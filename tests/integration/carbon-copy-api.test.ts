// 抄送 over the real product (HTTP, embedded runtime, real engine): the station's officer copies her
// assessment to the station head and to the county's review expert (who otherwise does not see the
// station's projects); each is notified, may open the project read-only, and the officer sees who
// has read it. A definition's node copies to a role on completion. Refusals name `userIds`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../api/db/prisma-client';
import { publishDefinition } from '../support/runtime-fixtures';
import { waitFor } from '../support/temporal-runtimes';
import {
  type Call,
  lifecycleVersionOf,
  signInDemoPeople,
  startAdminApi,
  stopAdminApi,
  unitIdByCode,
} from './support/api-callers';
import type { TestServer } from '../support/test-server';

jest.setTimeout(180_000);

const assessment = {
  targetGroup: '社区独居老人',
  serviceDomain: '为老服务',
  needsSummary: '独居老人四十余人，缺少日常探访与应急联络。',
};

type Copy = {
  copyId: string;
  taskName: string;
  by: { id: string } | null;
  note: string | null;
  recipients: Array<
    | { type: 'user'; person: { id: string }; readAt: string | null }
    | { type: 'role'; role: string; reads: Array<{ person: { id: string }; readAt: string }> }
  >;
};

describe('抄送 API', () => {
  let server: TestServer;
  let prisma: Db;
  let admin: Call;
  const as: Record<string, Call> = {};
  const userId: Record<string, string> = {};
  let hjl: string;
  let lifecycleVersion: string;

  beforeAll(async () => {
    const api = await startAdminApi();
    ({ server, prisma, admin } = api);
    const people = await signInDemoPeople(api, ['shegong', 'zhanzhang', 'zhongxin', 'zhuanjia']);
    Object.assign(as, people.as);
    Object.assign(userId, people.userId);
    hjl = await unitIdByCode(prisma, 'LC-HJL');
    lifecycleVersion = await lifecycleVersionOf(as.shegong!);
  });
  afterAll(() => stopAdminApi({ server, prisma, admin }));

  /** A project of the station at its assessment (项目预估), the officer's task. */
  async function atAssessment(title: string, versionId = lifecycleVersion) {
    const started = await as.shegong!('POST', '/api/projects', {
      versionId,
      unitId: hjl,
      title,
      input: { projectName: title },
    });
    expect(started.status).toBe(201);
    const projectId = started.json!.id as string;
    const task = await prisma.task.findFirstOrThrow({
      where: { instanceId: projectId, nodeId: 'assess', status: 'open' },
    });
    return { projectId, taskId: task.id };
  }

  const copiesOf = async (caller: Call, projectId: string): Promise<Copy[]> => {
    const res = await caller('GET', `/api/projects/${projectId}/copies`);
    expect(res.status).toBe(200);
    return res.json!.items as Copy[];
  };
  const delivered = (projectId: string, count: number) =>
    waitFor(`${count} copies delivered`, async () => {
      const rows = await prisma.notification.findMany({
        where: { instanceId: projectId, template: 'task.copied' },
      });
      return rows.length >= count ? rows : undefined;
    });

  it('copies a task to two people: both notified, both may read the project, receipts per person', async () => {
    const { projectId, taskId } = await atAssessment('抄送测试');
    // The review expert holds no role over the station: the project is not theirs to see yet.
    expect((await as.zhuanjia!('GET', `/api/projects/${projectId}`)).status).toBe(404);
    expect((await as.shegong!('GET', `/api/tasks/${taskId}/activity`)).json!.may).toMatchObject({
      copy: true,
    });

    const copied = await as.shegong!('POST', `/api/tasks/${taskId}/cc`, {
      userIds: [userId.zhanzhang, userId.zhuanjia],
      note: '请知悉服务对象情况',
    });
    expect(copied.status).toBe(200);
    expect(copied.json!.status).toBe('open');
    const rows = await delivered(projectId, 2);
    expect(rows.map((row) => row.recipientUserId).sort()).toEqual([userId.zhanzhang, userId.zhuanjia].sort());
    expect(new Set(rows.map((row) => row.idempotencyKey)).size).toBe(2);

    const timeline = await as.shegong!('GET', `/api/projects/${projectId}/timeline`);
    expect(timeline.json!.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'taskCopied',
          text: {
            zh: '将「项目预估（需求评估）」抄送给王建国（站长）、张慧（评审专家）',
            en: expect.stringContaining('copied'),
          },
          comment: '请知悉服务对象情况',
        }),
      ]),
    );
    const audit = await prisma.auditLog.findFirst({ where: { action: 'task.copied', resourceId: taskId } });
    expect(audit?.actorId).toBe(userId.shegong);
    expect(audit?.detail).toMatchObject({ after: { to: [userId.zhanzhang, userId.zhuanjia] } });

    // The expert now takes part: the project opens, read-only (answering the task is not theirs).
    expect((await as.zhuanjia!('GET', `/api/projects/${projectId}`)).status).toBe(200);
    const refused = await as.zhuanjia!('POST', `/api/tasks/${taskId}/complete`, { data: assessment });
    expect(refused.status).toBe(403);
    const mine = await as.zhuanjia!('GET', '/api/copies/mine');
    expect(mine.json).toMatchObject({
      unread: 1,
      items: [
        {
          projectId,
          taskName: '项目预估（需求评估）',
          note: '请知悉服务对象情况',
          read: false,
          by: { id: userId.shegong },
        },
      ],
    });

    const [before] = await copiesOf(as.shegong!, projectId);
    expect(before).toMatchObject({
      taskName: '项目预估（需求评估）',
      by: { id: userId.shegong },
      note: '请知悉服务对象情况',
    });
    expect(before!.recipients.map((r) => r.type === 'user' && r.readAt)).toEqual([null, null]);

    // Opening the project marks the expert's copy read, for them alone and once.
    const read = await as.zhuanjia!('POST', `/api/projects/${projectId}/copies/read`);
    expect(read.json).toEqual({ marked: 1 });
    expect((await as.zhuanjia!('POST', `/api/projects/${projectId}/copies/read`)).json).toEqual({
      marked: 0,
    });
    expect(
      await prisma.auditLog.count({ where: { action: 'project.copies_read', resourceId: projectId } }),
    ).toBe(1);
    const [after] = await copiesOf(as.shegong!, projectId);
    const readAt = Object.fromEntries(
      after!.recipients.map((r) => [
        r.type === 'user' ? r.person.id : r.role,
        r.type === 'user' ? r.readAt : null,
      ]),
    );
    expect(readAt[userId.zhuanjia!]).toEqual(expect.any(String));
    expect(readAt[userId.zhanzhang!]).toBeNull();
    expect((await as.zhuanjia!('GET', '/api/copies/mine')).json).toMatchObject({ unread: 0 });
  });

  it('refuses an empty list, an unknown person, oneself, a repeat and a caller who may not act, changing nothing', async () => {
    const { projectId, taskId } = await atAssessment('抄送拒绝测试');
    const events = await prisma.instanceEvent.count({ where: { instanceId: projectId } });
    const fieldOf = (res: { json?: Record<string, unknown> | null }) =>
      (res.json!.errors as { field: string }[])[0]?.field;
    const cc = (caller: Call, userIds: unknown[]) => caller('POST', `/api/tasks/${taskId}/cc`, { userIds });

    const empty = await cc(as.shegong!, []);
    expect(empty.status).toBe(400);
    expect(fieldOf(empty)).toBe('userIds');
    const unknown = await cc(as.shegong!, [userId.zhanzhang, '00000000-0000-4000-8000-000000000000']);
    expect(unknown.status).toBe(422);
    expect(fieldOf(unknown)).toBe('userIds.1');
    for (const userIds of [[userId.shegong], [userId.zhanzhang, userId.zhanzhang]]) {
      const res = await cc(as.shegong!, userIds);
      expect(res.status).toBe(422);
      expect(res.json).toMatchObject({ engineCode: 'TARGET_NOT_ELIGIBLE' });
      expect(fieldOf(res)).toBe('userIds');
    }
    // The county supervisor sees the project but does not hold the officer's task.
    const notHolder = await cc(as.zhongxin!, [userId.zhuanjia]);
    expect(notHolder.status).toBe(403);
    expect(await prisma.instanceEvent.count({ where: { instanceId: projectId } })).toBe(events);
    expect(
      await prisma.notification.count({ where: { instanceId: projectId, template: 'task.copied' } }),
    ).toBe(0);
  });

  it('sends a node’s cc list to a role on completion: each holder reads it for themself', async () => {
    const lifecycle = JSON.parse(
      readFileSync(join(__dirname, '../../workflows/definitions/project-lifecycle.json'), 'utf8'),
    ) as { key: string; name: string; nodes: Array<Record<string, unknown>> };
    lifecycle.key = 'copied-lifecycle';
    lifecycle.name = '抄送督导的项目';
    lifecycle.nodes.find((node) => node.id === 'assess')!.cc = [
      { type: 'role', role: 'supervisor', scope: 'unitOrAncestors' },
    ];
    const versionId = await publishDefinition(server.databaseUrl, lifecycle);
    const { projectId, taskId } = await atAssessment('节点抄送测试', versionId);
    expect((await as.shegong!('POST', `/api/tasks/${taskId}/complete`, { data: assessment })).status).toBe(
      200,
    );
    await delivered(projectId, 1);
    for (const holder of ['zhanzhang', 'zhongxin'])
      expect((await as[holder]!('GET', '/api/copies/mine')).json).toMatchObject({
        items: expect.arrayContaining([expect.objectContaining({ projectId, by: null, read: false })]),
      });
    expect((await as.zhongxin!('POST', `/api/projects/${projectId}/copies/read`)).json).toEqual({
      marked: 1,
    });
    const [copy] = await copiesOf(as.shegong!, projectId);
    expect(copy).toMatchObject({ by: null, recipients: [{ type: 'role', role: 'supervisor' }] });
    const recipient = copy!.recipients[0]!;
    expect(recipient.type === 'role' && recipient.reads.map((r) => r.person.id)).toEqual([userId.zhongxin]);
    // The expert holds no supervisor role: not a recipient, and the project stays out of sight.
    const expert = (await as.zhuanjia!('GET', '/api/copies/mine')).json!.items as Array<{
      projectId: string;
    }>;
    expect(expert.map((item) => item.projectId)).not.toContain(projectId);
    expect((await as.zhuanjia!('GET', `/api/projects/${projectId}`)).status).toBe(404);
  });

  it('pages the copies to the caller with a cursor, unread first, each copy once', async () => {
    // Three copies to the expert; the first project is opened, so its copy is read.
    const projects: string[] = [];
    for (const title of ['分页抄送一', '分页抄送二', '分页抄送三']) {
      const { projectId, taskId } = await atAssessment(title);
      expect(
        (await as.shegong!('POST', `/api/tasks/${taskId}/cc`, { userIds: [userId.zhuanjia] })).status,
      ).toBe(200);
      await delivered(projectId, 1);
      projects.push(projectId);
    }
    expect((await as.zhuanjia!('POST', `/api/projects/${projects[0]}/copies/read`)).json).toEqual({
      marked: 1,
    });
    const all = (await as.zhuanjia!('GET', '/api/copies/mine?limit=100')).json as {
      items: Array<{ notificationId: string; read: boolean }>;
      unread: number;
    };
    const seen: Array<{ notificationId: string; read: boolean }> = [];
    let cursor: string | null = null;
    do {
      const page = await as.zhuanjia!(
        'GET',
        `/api/copies/mine?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.status).toBe(200);
      expect(page.json!.items).toHaveLength(1);
      expect(page.json!.unread).toBe(all.unread);
      seen.push(...(page.json!.items as typeof seen));
      // A cursor that did not move on would page forever.
      expect(seen.length).toBeLessThanOrEqual(all.items.length);
      cursor = page.json!.nextCursor as string | null;
    } while (cursor);
    expect(seen).toEqual(all.items);
    expect(new Set(seen.map((copy) => copy.notificationId)).size).toBe(seen.length);
    // Unread first: once a read copy shows, no unread one follows.
    const reads = seen.map((copy) => copy.read);
    expect(reads).toEqual([...reads].sort((a, b) => Number(a) - Number(b)));
    expect(reads).toContain(true);
    const forged = await as.zhuanjia!('GET', '/api/copies/mine?cursor=bm90LW91cnM');
    expect([forged.status, forged.json!.errors[0].field]).toEqual([400, 'query.cursor']);
  });
});
