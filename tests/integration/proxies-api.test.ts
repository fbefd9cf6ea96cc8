// Proxy periods (代理) over the real product (HTTP, embedded runtime, real engine): who may set
// and cancel a period and what is refused with which field; then the sweeper moving a person's
// tasks to their proxy exactly once, with the timeline sentence and notices to both, new tasks of
// the period moved too, a cancelled period moving nothing more, a claimed approval moved while an
// unclaimed one stays in the role's pool; a proxy who could not hold the person's tasks refused
// when the period is set, and a move the engine refuses later (roles changed) left where it was,
// with one notice to each of the two people and a warning on the period.
import type { Db } from '../../api/db/prisma-client';
import type { TRole } from '../../api/auth/auth.types';
import {
  type Call,
  demoPassword,
  signIn,
  startAdminApi,
  stopAdminApi,
  unitIdByCode,
} from './support/api-callers';
import type { TestServer } from '../support/test-server';
import { createProxySweeper } from '../../api/proxies/proxy-sweeper';

jest.setTimeout(180_000);

const DAY = 24 * 3600 * 1000;
/** A window `from` days from now lasting `days` days. */
const window = (from: number, days = 1) => ({
  startsAt: new Date(Date.now() + from * DAY).toISOString(),
  endsAt: new Date(Date.now() + (from + days) * DAY).toISOString(),
});

describe('proxies API', () => {
  let server: TestServer;
  let prisma: Db;
  let admin: Call;
  const as: Record<string, Call> = {};
  const userId: Record<string, string> = {};
  let hjl: string;
  let lifecycleVersion: string;
  let sequence = 0;

  const assessment = {
    targetGroup: '社区独居老人',
    serviceDomain: '为老服务',
    needsSummary: '独居老人四十余人，缺少日常探访与应急联络。',
  };

  beforeAll(async () => {
    ({ server, prisma, admin } = await startAdminApi());
    for (const user of ['shegong', 'zhanzhang', 'zhongxin', 'shegong-room']) {
      as[user] = await signIn(server.url, user, demoPassword(server, user));
      userId[user] = (await prisma.user.findUniqueOrThrow({ where: { username: user } })).id;
    }
    hjl = await unitIdByCode(prisma, 'LC-HJL');
    const catalogue = await as.shegong!('GET', '/api/processes');
    lifecycleVersion = (catalogue.json!.items as { key: string; versionId: string }[]).find(
      (item) => item.key === 'project-lifecycle',
    )!.versionId;
  });
  afterAll(() => stopAdminApi({ server, prisma, admin }));

  /** A person who never signs in, holding `role` at the unit `code`. */
  async function personAt(code: string, role: TRole = 'officer'): Promise<string> {
    const unitId = await unitIdByCode(prisma, code);
    const user = await prisma.user.create({
      data: {
        username: `proxy-test-${++sequence}`,
        displayName: `测试人员${sequence}`,
        passwordHash: 'unusable',
        roles: { create: { role, unitId } },
      },
    });
    return user.id;
  }

  const fieldsOf = (res: { json?: Record<string, unknown> }) =>
    ((res.json?.errors ?? []) as { field: string }[]).map((e) => e.field);

  async function startProject(title: string): Promise<string> {
    const res = await as.shegong!('POST', '/api/projects', {
      versionId: lifecycleVersion,
      unitId: hjl,
      title,
      input: { projectName: title },
    });
    expect(res.status).toBe(201);
    return res.json!.id as string;
  }

  /** A lifecycle project started by someone who never signs in (through the port, as the route would). */
  const startFor = (starter: string, title: string) =>
    server.orchestrator.start({
      versionId: lifecycleVersion,
      unitId: hjl,
      title,
      input: { projectName: title },
      actor: { userId: starter },
      idempotencyKey: `start/${title}`,
    });

  const openTasks = (instanceId: string, nodeId: string) =>
    prisma.task.findMany({ where: { instanceId, nodeId, status: 'open' } });

  async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  describe('setting and cancelling', () => {
    let colleague: string;
    let other: string;
    beforeAll(async () => {
      colleague = await personAt('LC-HJL');
      other = await personAt('LC-HJL');
    });

    it.each([
      ['an end before the start', () => ({ ...window(3), endsAt: window(2).startsAt }), 'endsAt'],
      ['a period already over', () => window(-3), 'endsAt'],
      ['the person as their own proxy', () => ({ ...window(3), proxyUserId: userId.shegong }), 'proxyUserId'],
      [
        'a proxy who is no one',
        () => ({ ...window(3), proxyUserId: '00000000-0000-4000-8000-000000000000' }),
        'proxyUserId',
      ],
    ])('refuses %s with a 422 naming the field', async (_case, body, field) => {
      const res = await as.shegong!('POST', '/api/proxies', {
        proxyUserId: colleague,
        reason: '休假',
        ...body(),
      });
      expect(res.status).toBe(422);
      expect(res.json).toMatchObject({ code: 'PROXY_INVALID' });
      expect(fieldsOf(res)).toEqual([field]);
      expect(((res.json!.errors as { reasonZh: string }[])[0]!.reasonZh ?? '').length).toBeGreaterThan(0);
    });

    it('refuses a malformed request with a 400 and changes nothing', async () => {
      const res = await as.shegong!('POST', '/api/proxies', { proxyUserId: colleague, ...window(3) });
      expect(res.status).toBe(400);
      expect(fieldsOf(res)).toContain('reason');
      expect(await prisma.proxyPeriod.count()).toBe(0);
    });

    it('refuses overlapping periods of one person and chains of proxies', async () => {
      const set = await as.shegong!('POST', '/api/proxies', {
        proxyUserId: colleague,
        reason: '外出培训',
        ...window(30, 2),
      });
      expect(set.status).toBe(201);
      expect(set.json).toMatchObject({
        principal: { id: userId.shegong },
        proxy: { id: colleague },
        status: 'upcoming',
        canCancel: true,
      });
      const overlap = await as.shegong!('POST', '/api/proxies', {
        proxyUserId: other,
        reason: '外出',
        ...window(31, 2),
      });
      expect(fieldsOf(overlap)).toEqual(['startsAt']);

      // The proxy named is away then themself.
      expect(
        (
          await as.zhanzhang!('POST', '/api/proxies', {
            principalUserId: other,
            proxyUserId: userId.zhongxin,
            reason: '休假',
            ...window(40),
          })
        ).status,
      ).toBe(201);
      const proxyAway = await as.shegong!('POST', '/api/proxies', {
        proxyUserId: other,
        reason: '外出',
        ...window(40),
      });
      expect(fieldsOf(proxyAway)).toEqual(['proxyUserId']);

      // The person away is someone else's proxy then.
      expect(
        (
          await as.zhanzhang!('POST', '/api/proxies', {
            principalUserId: colleague,
            proxyUserId: userId.shegong,
            reason: '休假',
            ...window(50),
          })
        ).status,
      ).toBe(201);
      const isAProxy = await as.shegong!('POST', '/api/proxies', {
        proxyUserId: other,
        reason: '外出',
        ...window(50),
      });
      expect(fieldsOf(isAProxy)).toEqual(['principalUserId']);
    });

    it('lets supervisors and admins over a person set and cancel their proxy, and nobody else', async () => {
      const elsewhere = await personAt('LC-TY');
      const body = (principalUserId: string) => ({
        principalUserId,
        proxyUserId: colleague,
        reason: '病假',
        ...window(70),
      });
      expect((await as.shegong!('POST', '/api/proxies', body(other))).status).toBe(403);
      expect((await as.zhanzhang!('POST', '/api/proxies', body(elsewhere))).status).toBe(404);
      const set = await as.zhongxin!('POST', '/api/proxies', body(other));
      expect(set.status).toBe(201);
      const id = set.json!.id as string;
      expect(set.json!.createdBy).toMatchObject({ id: userId.zhongxin });

      const seenBy = async (who: string, scope: 'mine' | 'units') =>
        (((await as[who]!('GET', `/api/proxies?scope=${scope}`)).json!.items ?? []) as { id: string }[]).some(
          (item) => item.id === id,
        );
      expect(await seenBy('zhanzhang', 'units')).toBe(true);
      expect(await seenBy('zhongxin', 'units')).toBe(true);
      expect(await seenBy('shegong-room', 'units')).toBe(false);
      expect(await seenBy('shegong', 'mine')).toBe(false);

      expect((await as['shegong-room']!('POST', `/api/proxies/${id}/cancel`)).status).toBe(404);
      const cancelled = await as.zhanzhang!('POST', `/api/proxies/${id}/cancel`);
      expect(cancelled.status).toBe(200);
      expect(cancelled.json).toMatchObject({ status: 'cancelled', canCancel: false });
      expect((await as.zhanzhang!('POST', `/api/proxies/${id}/cancel`)).status).toBe(409);

      const audit = await prisma.auditLog.findMany({ where: { resourceId: id }, orderBy: { at: 'asc' } });
      expect(audit.map((row) => [row.action, row.actorId])).toEqual([
        ['proxy.created', userId.zhongxin],
        ['proxy.cancelled', userId.zhanzhang],
      ]);
    });

    it('offers the people of the caller’s units, below and above them, as proxies', async () => {
      const res = await as.zhanzhang!('GET', '/api/proxies/candidates');
      const ids = (res.json!.items as { id: string }[]).map((p) => p.id);
      expect(ids).toEqual(expect.arrayContaining([userId.shegong, userId.zhongxin, userId['shegong-room']]));
      expect(ids).not.toContain(userId.zhanzhang);
      // Only those below him may be named as away by him; the centre's supervisor above only as a
      // proxy (found by the fresh-eyes review: the picker offered her and the server then refused).
      const overseen = (res.json!.items as { id: string; overseen: boolean }[]).filter((p) => p.overseen);
      expect(overseen.map((p) => p.id)).toEqual(
        expect.arrayContaining([userId.shegong, userId['shegong-room']]),
      );
      expect(overseen.map((p) => p.id)).not.toContain(userId.zhongxin);
      // Nobody without a 工作台: an admin or the selection office could never open the tasks.
      const noInbox = await prisma.user.findMany({ where: { username: { in: ['admin', 'xuanba'] } } });
      expect(noInbox).toHaveLength(2);
      for (const person of noInbox) expect(ids).not.toContain(person.id);
    });

    it('refuses a proxy who could not hold the person’s tasks, naming proxyUserId, and sets nothing', async () => {
      const before = await prisma.proxyPeriod.count();
      const refused = async (call: Call, body: Record<string, unknown>) => {
        const res = await call('POST', '/api/proxies', { reason: '休假', ...window(90), ...body });
        expect(res.status).toBe(422);
        expect(res.json).toMatchObject({ code: 'PROXY_INVALID' });
        expect(fieldsOf(res)).toEqual(['proxyUserId']);
        return (res.json!.errors as { reasonZh: string; reason: string }[])[0]!;
      };
      // A community room's officer holds no role at the station or above it: the station head's
      // tasks (at the station) could never go to her.
      expect((await refused(as.zhanzhang!, { proxyUserId: userId['shegong-room'] })).reasonZh).toContain(
        '洪家楼街道社会工作服务站',
      );
      // Someone at another station is outside the officer's unit line altogether.
      const elsewhere = await personAt('LC-TY');
      expect((await refused(as.shegong!, { proxyUserId: elsewhere })).reason).toContain('holds no role');
      // A supervisor naming the proxy of someone below them is held to the same rule.
      expect(
        (await refused(as.zhongxin!, { principalUserId: userId.shegong, proxyUserId: elsewhere })).reasonZh,
      ).toContain('未任职');
      // Admins and the selection office have no 工作台, so they are refused whatever their units
      // (found by the fresh-eyes review: both were accepted, and the head's tasks would have gone to them).
      for (const username of ['admin', 'xuanba']) {
        const person = await prisma.user.findUniqueOrThrow({ where: { username } });
        expect((await refused(as.zhanzhang!, { proxyUserId: person.id })).reasonZh).toContain('没有工作台');
      }
      expect(await prisma.proxyPeriod.count()).toBe(before);
    });
  });

  describe('moving the tasks of someone away', () => {
    it('moves the officer’s open tasks to her proxy once, and those that arrive during the period', async () => {
      const projectId = await startProject('代理测试');
      const [before] = await openTasks(projectId, 'assess');
      expect(before!.assigneeId).toBe(userId.shegong);

      const set = await as.shegong!('POST', '/api/proxies', {
        proxyUserId: userId.zhanzhang,
        reason: '外出参加培训',
        startsAt: new Date(Date.now() - 60_000).toISOString(),
        endsAt: new Date(Date.now() + 7 * DAY).toISOString(),
      });
      expect(set.status).toBe(201);
      expect(set.json!.status).toBe('active');
      const periodId = set.json!.id as string;

      // Setting the period asks for a sweep at once: no waiting for the next pass.
      const [moved] = await until('the move', async () => {
        const open = await openTasks(projectId, 'assess');
        return open[0]?.assigneeId === userId.zhanzhang ? open : undefined;
      });
      expect((await prisma.task.findUniqueOrThrow({ where: { id: before!.id } })).status).toBe('cancelled');
      // The inbox marks the task with the person it is done for.
      const mine = await as.zhanzhang!('GET', '/api/tasks?view=mine');
      expect((mine.json!.items as { id: string }[]).find((t) => t.id === moved!.id)).toMatchObject({
        proxiedFor: { id: userId.shegong, displayName: '李晓梅（驻站社工）' },
      });

      const timeline = await as.shegong!('GET', `/api/projects/${projectId}/timeline`);
      const texts = (timeline.json!.items as { type: string; text: { zh: string } }[]).filter(
        (e) => e.type === 'taskProxied',
      );
      expect(texts.map((e) => e.text.zh)).toEqual([
        '李晓梅（驻站社工）外出，「项目预估（需求评估）」由王建国（站长）代理',
      ]);
      const notices = await until('both notices', async () => {
        const rows = await prisma.notification.findMany({
          where: { instanceId: projectId, template: { startsWith: 'task.proxied' } },
        });
        return rows.length === 2 ? rows : undefined;
      });
      expect(notices.map((n) => [n.template, n.recipientUserId]).sort()).toEqual([
        ['task.proxiedAway', userId.shegong],
        ['task.proxiedToYou', userId.zhanzhang],
      ]);

      // Another pass, or the same event sent again (a restart mid-sweep), moves nothing twice.
      expect(await server.proxySweeper.sweep()).toEqual({ moved: 0, refused: 0 });
      const again = await server.orchestrator.send(
        projectId,
        {
          type: 'taskProxied',
          fromTaskId: before!.engineTaskId,
          from: { userId: userId.shegong! },
          to: { userId: userId.zhanzhang! },
          proxyId: periodId,
        },
        null,
        `proxy/${periodId}/${before!.engineTaskId}`,
      );
      expect(again.duplicate).toBe(true);
      expect(
        await prisma.instanceEvent.count({ where: { instanceId: projectId, type: 'taskProxied' } }),
      ).toBe(1);

      // A task that arrives during the period goes to the proxy too.
      const later = await startProject('代理期间新发起');
      await server.proxySweeper.sweep();
      expect((await openTasks(later, 'assess'))[0]!.assigneeId).toBe(userId.zhanzhang);

      // Cancelled: what arrives next stays with her, and what moved stays with the proxy.
      expect((await as.shegong!('POST', `/api/proxies/${periodId}/cancel`)).status).toBe(200);
      const after = await startProject('代理取消后发起');
      expect(await server.proxySweeper.sweep()).toEqual({ moved: 0, refused: 0 });
      expect((await openTasks(after, 'assess'))[0]!.assigneeId).toBe(userId.shegong);
      expect((await openTasks(projectId, 'assess'))[0]!.assigneeId).toBe(userId.zhanzhang);
    });

    it('moves the station head’s claimed approval to his proxy, not the unclaimed one', async () => {
      const atApproval = async (title: string) => {
        const projectId = await startProject(title);
        const [assess] = await openTasks(projectId, 'assess');
        expect(
          (await as.shegong!('POST', `/api/tasks/${assess!.id}/complete`, { data: assessment })).status,
        ).toBe(200);
        return { projectId, task: (await openTasks(projectId, 'headApproval'))[0]! };
      };
      const claimed = await atApproval('站长已认领');
      const pooled = await atApproval('站长未认领');
      expect((await as.zhanzhang!('POST', `/api/tasks/${claimed.task.id}/claim`)).status).toBe(200);

      const set = await as.zhanzhang!('POST', '/api/proxies', {
        proxyUserId: userId.zhongxin,
        reason: '出差',
        startsAt: new Date(Date.now() - 60_000).toISOString(),
        endsAt: new Date(Date.now() + 3 * DAY).toISOString(),
      });
      expect(set.status).toBe(201);
      await server.proxySweeper.sweep();
      const [moved] = await openTasks(claimed.projectId, 'headApproval');
      expect(moved!.assigneeId).toBe(userId.zhongxin);
      expect((await openTasks(pooled.projectId, 'headApproval'))[0]).toMatchObject({
        id: pooled.task.id,
        assigneeId: null,
      });
      expect((await as.zhongxin!('POST', `/api/tasks/${moved!.id}/vote`, { vote: 'approve' })).status).toBe(
        200,
      );
      expect(await openTasks(claimed.projectId, 'plan')).toHaveLength(1);
    });

    it('refuses at once a proxy who could not take an open task the person holds now', async () => {
      const projectId = await startProject('站长已认领待审批');
      const [assess] = await openTasks(projectId, 'assess');
      expect(
        (await as.shegong!('POST', `/api/tasks/${assess!.id}/complete`, { data: assessment })).status,
      ).toBe(200);
      // A second supervisor of the station has claimed the approval (a claim lives in the task row,
      // as the claim route sets it; the station head's own period of the test above would move his).
      const head = await personAt('LC-HJL', 'supervisor');
      const [approval] = await openTasks(projectId, 'headApproval');
      await prisma.task.update({ where: { id: approval!.id }, data: { assigneeId: head } });
      // An officer of the station may take his own tasks there, but not an approval that needs a
      // supervisor: the engine would refuse that move, so the period is refused now.
      const res = await as.zhanzhang!('POST', '/api/proxies', {
        principalUserId: head,
        proxyUserId: userId.shegong,
        reason: '出差',
        ...window(95),
      });
      expect(res.status).toBe(422);
      expect(fieldsOf(res)).toEqual(['proxyUserId']);
      expect((res.json!.errors as { reasonZh: string }[])[0]!.reasonZh).toContain('站长审批');
      // The centre's supervisor may take it: the same request naming her is set.
      const ok = await as.zhanzhang!('POST', '/api/proxies', {
        principalUserId: head,
        proxyUserId: userId.zhongxin,
        reason: '出差',
        ...window(95),
      });
      expect(ok.status).toBe(201);
    });

    it('tells both people once, and shows it on the period, when roles change after the period is set', async () => {
      // The server's own sweeper stops here, so only the sweepers below move anything.
      await server.proxySweeper.stop();
      const [away, standIn] = [await personAt('LC-HJL'), await personAt('LC-HJL')];
      const { instanceId } = await startFor(away, '代理人调岗');
      // A second project of hers: its open task has the same engine task id (ids are per instance).
      const another = await startFor(away, '代理人调岗（二）');
      const set = await as.zhanzhang!('POST', '/api/proxies', {
        principalUserId: away,
        proxyUserId: standIn,
        reason: '休假',
        startsAt: new Date(Date.now() - 60_000).toISOString(),
        endsAt: new Date(Date.now() + DAY).toISOString(),
      });
      expect(set.status).toBe(201);
      const periodId = set.json!.id as string;
      // The proxy moves to another station after the period was set: the engine refuses the move.
      await prisma.roleAssignment.deleteMany({ where: { userId: standIn } });
      await prisma.roleAssignment.create({
        data: { userId: standIn, role: 'officer', unitId: await unitIdByCode(prisma, 'LC-TY') },
      });
      const sweeper = createProxySweeper({ prisma, orchestrator: server.orchestrator, log: () => {} });
      expect(await sweeper.sweep()).toEqual({ moved: 0, refused: 2 });
      expect(await sweeper.sweep()).toEqual({ moved: 0, refused: 0 });
      // A fresh process (a restart) does not ask again either.
      const restarted = createProxySweeper({ prisma, orchestrator: server.orchestrator, log: () => {} });
      expect(await restarted.sweep()).toEqual({ moved: 0, refused: 0 });
      expect((await openTasks(instanceId, 'assess'))[0]?.assigneeId).toBe(away);
      expect(await prisma.instanceEvent.count({ where: { instanceId, type: 'taskProxied' } })).toBe(0);

      // One notice each to the person away and to the station head who set the period.
      const notices = await prisma.notification.findMany({
        where: { instanceId, template: 'proxy.moveRefused' },
      });
      expect(notices.map((n) => n.recipientUserId).sort()).toEqual([away, userId.zhanzhang].sort());
      expect(
        await prisma.notification.count({
          where: { instanceId: another.instanceId, template: 'proxy.moveRefused' },
        }),
      ).toBe(2);
      const inbox = await as.zhanzhang!('GET', '/api/notifications');
      const sentence = (inbox.json!.items as { template: string; text: { zh: string } }[]).find(
        (n) => n.template === 'proxy.moveRefused',
      );
      expect(sentence?.text.zh).toMatch(
        /^「项目预估（需求评估）」（项目「代理人调岗(（二）)?」）未能交给代理人测试人员\d+：.+仍在测试人员\d+名下/,
      );

      // 我的代理 shows the task on the period's row while it stays with the person away.
      const listed = await as.zhanzhang!('GET', '/api/proxies?scope=units');
      const row = (listed.json!.items as { id: string; refusedTasks: unknown[] }[]).find(
        (p) => p.id === periodId,
      );
      const reason = { zh: expect.stringContaining('不具备') as string, en: expect.any(String) as string };
      expect(row?.refusedTasks).toEqual([
        { instanceId, projectTitle: '代理人调岗', taskName: '项目预估（需求评估）', reason },
        {
          instanceId: another.instanceId,
          projectTitle: '代理人调岗（二）',
          taskName: '项目预估（需求评估）',
          reason,
        },
      ]);

      // A refused move never holds back later ones, even when the batch has room for one move only
      // (found by the fresh-eyes review: refused rows kept filling the sweep's batch).
      const [second, secondStandIn] = [await personAt('LC-HJL'), await personAt('LC-HJL')];
      const later = await startFor(second, '拒绝之后的代理');
      const setLater = await as.zhanzhang!('POST', '/api/proxies', {
        principalUserId: second,
        proxyUserId: secondStandIn,
        reason: '培训',
        startsAt: new Date(Date.now() - 30_000).toISOString(),
        endsAt: new Date(Date.now() + DAY).toISOString(),
      });
      expect(setLater.status).toBe(201);
      const oneAtATime = createProxySweeper({
        prisma,
        orchestrator: server.orchestrator,
        batchSize: 1,
        log: () => {},
      });
      expect(await oneAtATime.sweep()).toEqual({ moved: 1, refused: 0 });
      expect((await openTasks(later.instanceId, 'assess'))[0]?.assigneeId).toBe(secondStandIn);
    });
  });
});
