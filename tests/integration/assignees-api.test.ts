// Who gets a task, chosen by people, over the real product (HTTP, embedded runtime, real engine):
// the officer names the next step's handler in a user field (人员选择); the API offers and accepts
// only active people of the project's unit line; the chosen person finds the task in their inbox;
// a step whose handler is not named is refused with 422 naming the field, and nothing is recorded.
// The head of a unit (unitHead) along the line, and a head named while a project runs.
import type { Db } from '../../api/db/prisma-client';
import {
  type Call,
  demoPassword,
  signIn,
  startAdminApi,
  stopAdminApi,
  unitIdByCode,
} from './support/api-callers';
import { pickNextHandler } from '../fixtures/assignee-definitions';
import { publishDefinition } from '../support/runtime-fixtures';
import type { TestServer } from '../support/test-server';

jest.setTimeout(180_000);

describe('assignees chosen by people (API)', () => {
  let server: TestServer;
  let prisma: Db;
  let admin: Call;
  const as: Record<string, Call> = {};
  const userId: Record<string, string> = {};
  let hjl: string;
  const versions: Record<'required' | 'optional', string> = { required: '', optional: '' };

  beforeAll(async () => {
    ({ server, prisma, admin } = await startAdminApi());
    for (const user of ['shegong', 'zhanzhang', 'zhongxin', 'shegong-room', 'admin', 'xuanba']) {
      if (user !== 'admin' && user !== 'xuanba')
        as[user] = await signIn(server.url, user, demoPassword(server, user));
      userId[user] = (await prisma.user.findUniqueOrThrow({ where: { username: user } })).id;
    }
    hjl = await unitIdByCode(prisma, 'LC-HJL');
    versions.required = await publishDefinition(
      server.databaseUrl,
      pickNextHandler({ key: 'pick-next', required: true }),
    );
    versions.optional = await publishDefinition(
      server.databaseUrl,
      pickNextHandler({ key: 'pick-next-optional', required: false }),
    );
  });
  afterAll(() => stopAdminApi({ server, prisma, admin }));

  const fieldsOf = (res: { json?: Record<string, unknown> }) =>
    ((res.json?.errors ?? []) as { field: string }[]).map((e) => e.field);

  async function draftOf(required: boolean, title: string): Promise<{ projectId: string; taskId: string }> {
    const versionId = required ? versions.required : versions.optional;
    const started = await as.shegong!('POST', '/api/projects', { versionId, unitId: hjl, title, input: {} });
    expect(started.status).toBe(201);
    const projectId = started.json!.id as string;
    const task = await prisma.task.findFirstOrThrow({ where: { instanceId: projectId, nodeId: 'draft' } });
    return { projectId, taskId: task.id };
  }

  const eventsOf = (projectId: string) => prisma.instanceEvent.count({ where: { instanceId: projectId } });

  it('offers the people of the project’s unit and the units above it, without admins or rooms below', async () => {
    const { taskId } = await draftOf(true, '办理人可选范围');
    const activity = await as.shegong!('GET', `/api/tasks/${taskId}/activity`);
    expect(activity.status).toBe(200);
    const ids = (activity.json!.choosable as { id: string }[]).map((person) => person.id);
    expect(ids).toEqual(
      expect.arrayContaining([userId.shegong, userId.zhanzhang, userId.zhongxin].map(String)),
    );
    expect(ids).not.toContain(userId['shegong-room']);
    expect(ids).not.toContain(userId.admin);
    // The selection office has no 工作台: a step given to it would wait where nobody can open it.
    expect(ids).not.toContain(userId.xuanba);
    // Someone who may not answer the task is offered nobody.
    const other = await as.zhongxin!('GET', `/api/tasks/${taskId}/activity`);
    expect(other.json!.choosable).toEqual([]);
  });

  it.each([
    ['an officer of a room below the station', 'shegong-room'],
    ['an admin', 'admin'],
    ['the selection office, who has no 工作台', 'xuanba'],
    ['nobody (an unknown id)', 'unknown'],
  ])('refuses %s as the handler, naming data.handler, and records nothing', async (_what, who) => {
    const { projectId, taskId } = await draftOf(true, `不可选：${who}`);
    const before = await eventsOf(projectId);
    const handler = userId[who] ?? '00000000-0000-4000-8000-000000000000';
    const refused = await as.shegong!('POST', `/api/tasks/${taskId}/complete`, { data: { handler } });
    expect(refused.status).toBe(422);
    expect(fieldsOf(refused)).toEqual(['data.handler']);
    expect(refused.json).toMatchObject({ detailZh: expect.stringContaining('人员') });
    expect(await eventsOf(projectId)).toBe(before);
  });

  it('gives the next step to the person chosen; it is in their inbox, not the officer’s', async () => {
    const { projectId, taskId } = await draftOf(true, '指定中心督导办理');
    const done = await as.shegong!('POST', `/api/tasks/${taskId}/complete`, {
      data: { handler: userId.zhongxin },
    });
    expect(done.status).toBe(200);
    // Read-only views name the person chosen, not the id: the completed task and the project's forms.
    const zhongxin = await prisma.user.findUniqueOrThrow({ where: { id: userId.zhongxin! } });
    const draft = await as.shegong!('GET', `/api/tasks/${taskId}`);
    expect(draft.json).toMatchObject({
      submitted: { handler: zhongxin.id },
      people: { [zhongxin.id]: zhongxin.displayName },
    });
    const forms = (await as.shegong!('GET', `/api/projects/${projectId}`)).json!.forms as {
      people: Record<string, string>;
    }[];
    expect(forms.map((form) => form.people)).toEqual([{ [zhongxin.id]: zhongxin.displayName }]);
    const handle = await prisma.task.findFirstOrThrow({
      where: { instanceId: projectId, nodeId: 'handle', status: 'open' },
    });
    const idsIn = async (caller: Call) =>
      ((await caller('GET', '/api/tasks?view=mine')).json!.items as { id: string }[]).map((t) => t.id);
    expect(await idsIn(as.zhongxin!)).toContain(handle.id);
    expect(await idsIn(as.shegong!)).not.toContain(handle.id);
    expect(await idsIn(as.zhanzhang!)).not.toContain(handle.id);
    expect((await as.zhongxin!('POST', `/api/tasks/${handle.id}/complete`, { data: {} })).status).toBe(200);
    expect((await prisma.processInstance.findUniqueOrThrow({ where: { id: projectId } })).status).toBe(
      'completed',
    );
  });

  it('refuses a step that leaves the next handler unnamed: 422 on data.handler from the engine', async () => {
    const { projectId, taskId } = await draftOf(false, '未指定办理人');
    const before = await eventsOf(projectId);
    const refused = await as.shegong!('POST', `/api/tasks/${taskId}/complete`, { data: {} });
    expect(refused.status).toBe(422);
    expect(fieldsOf(refused)).toEqual(['data.handler']);
    expect(refused.json).toMatchObject({
      engineCode: 'ASSIGNEE_UNRESOLVED',
      detailZh: expect.stringContaining('下一步办理人未指定'),
    });
    expect(await eventsOf(projectId)).toBe(before);
    const open = await prisma.task.findUniqueOrThrow({ where: { id: taskId } });
    expect(open.status).toBe('open');
  });

  describe('the head of the unit (unitHead)', () => {
    const headChain = {
      key: 'head-chain',
      name: '负责人审批',
      nodes: [
        { id: 'start', kind: 'start', name: '开始' },
        { id: 'roomHead', kind: 'userTask', name: '室负责人', assignee: { type: 'unitHead' } },
        {
          id: 'stationHead',
          kind: 'userTask',
          name: '站长审核',
          assignee: { type: 'unitHead', levelsUp: 1 },
        },
        {
          id: 'centreHead',
          kind: 'userTask',
          name: '中心主任审核',
          assignee: { type: 'unitHead', levelsUp: 5 },
        },
        { id: 'end', kind: 'end', name: '结束' },
      ],
      edges: [
        { id: 'e1', from: 'start', to: 'roomHead' },
        { id: 'e2', from: 'roomHead', to: 'stationHead' },
        { id: 'e3', from: 'stationHead', to: 'centreHead' },
        { id: 'e4', from: 'centreHead', to: 'end' },
      ],
    };

    it('lets an admin name a unit’s head among the people working there, audited', async () => {
      const station = await admin('GET', `/api/units/${hjl}`);
      expect(station.json).toMatchObject({ headId: userId.zhanzhang });
      const stranger = await admin(
        'PATCH',
        `/api/units/${hjl}`,
        { headId: userId.zhongxin },
        { 'if-match': '*' },
      );
      expect(stranger.status).toBe(400);
      expect(fieldsOf(stranger)).toEqual(['headId']);
      const officer = await admin(
        'PATCH',
        `/api/units/${hjl}`,
        { headId: userId.shegong },
        { 'if-match': '*' },
      );
      expect(officer.status).toBe(200);
      expect(officer.json).toMatchObject({ headId: userId.shegong });
      const audit = await prisma.auditLog.findFirstOrThrow({
        where: { action: 'unit.updated', resourceId: hjl },
        orderBy: { id: 'desc' },
      });
      expect(audit.detail).toMatchObject({
        before: { headId: userId.zhanzhang },
        after: { headId: userId.shegong },
      });
      const back = await admin(
        'PATCH',
        `/api/units/${hjl}`,
        { headId: userId.zhanzhang },
        { 'if-match': '*' },
      );
      expect(back.status).toBe(200);
    });

    it('reaches the head of each unit up the line; a room without a head goes to supervisors above', async () => {
      const versionId = await publishDefinition(server.databaseUrl, headChain);
      const room = await unitIdByCode(prisma, 'LC-HJL-01');
      const started = await as['shegong-room']!('POST', '/api/projects', {
        versionId,
        unitId: room,
        title: '社工室负责人链',
        input: {},
      });
      expect(started.status).toBe(201);
      const projectId = started.json!.id as string;
      const open = (nodeId: string) =>
        prisma.task.findFirstOrThrow({ where: { instanceId: projectId, nodeId, status: 'open' } });
      const inView = async (caller: Call, view: string) =>
        ((await caller('GET', `/api/tasks?view=${view}`)).json!.items as { id: string }[]).map((t) => t.id);

      // The room has no head: the station head claims it from 待认领 like any supervisor above.
      const roomHead = await open('roomHead');
      expect(roomHead.assigneeId).toBeNull();
      expect(await inView(as.zhanzhang!, 'candidates')).toContain(roomHead.id);
      expect((await as.zhanzhang!('POST', `/api/tasks/${roomHead.id}/complete`, { data: {} })).status).toBe(
        200,
      );

      const stationHead = await open('stationHead');
      expect(stationHead.assigneeId).toBe(userId.zhanzhang);
      expect(await inView(as.zhanzhang!, 'mine')).toContain(stationHead.id);
      expect(await inView(as.zhongxin!, 'candidates')).not.toContain(stationHead.id);
      expect(
        (await as.zhanzhang!('POST', `/api/tasks/${stationHead.id}/complete`, { data: {} })).status,
      ).toBe(200);

      // Five levels up is beyond the county centre: its head.
      const centreHead = await open('centreHead');
      expect(centreHead.assigneeId).toBe(userId.zhongxin);
      expect(await inView(as.zhongxin!, 'mine')).toContain(centreHead.id);
    });

    it('gives a running project’s later head steps to the head an admin names meanwhile', async () => {
      const versionId = await publishDefinition(server.databaseUrl, { ...headChain, key: 'head-chain-live' });
      const room = await unitIdByCode(prisma, 'LC-HJL-01');
      const started = await as['shegong-room']!('POST', '/api/projects', {
        versionId,
        unitId: room,
        title: '负责人中途变更',
        input: {},
      });
      const projectId = started.json!.id as string;
      const open = (nodeId: string) =>
        prisma.task.findFirstOrThrow({ where: { instanceId: projectId, nodeId, status: 'open' } });
      const changes = () =>
        prisma.instanceEvent.count({ where: { instanceId: projectId, type: 'unitHeadChanged' } });
      const until = async (what: string, done: () => Promise<boolean>) => {
        const deadline = Date.now() + 15_000;
        while (!(await done())) {
          if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };
      const roomHead = await open('roomHead');
      // The station's officer is made its head while the room's step is open; the change reaches
      // the running project at once (the unit route asks for a pass after its commit).
      const changed = await admin(
        'PATCH',
        `/api/units/${hjl}`,
        { headId: userId.shegong },
        { 'if-match': '*' },
      );
      expect(changed.status).toBe(200);
      await until('the unitHeadChanged event', async () => (await changes()) === 1);
      expect((await as.zhanzhang!('POST', `/api/tasks/${roomHead.id}/complete`, { data: {} })).status).toBe(
        200,
      );
      expect((await open('stationHead')).assigneeId).toBe(userId.shegong);
      const timeline = await as.zhanzhang!('GET', `/api/projects/${projectId}/timeline`);
      expect(
        (timeline.json!.items as { type: string; actor: unknown; text: { zh: string } }[]).find(
          (entry) => entry.type === 'unitHeadChanged',
        ),
      ).toMatchObject({
        actor: null,
        text: { zh: '「洪家楼街道社会工作服务站」的负责人改为李晓梅（驻站社工），此后的负责人环节由其办理' },
      });

      // Named back: the step already open stays with the officer; another pass sends nothing more.
      expect(
        (await admin('PATCH', `/api/units/${hjl}`, { headId: userId.zhanzhang }, { 'if-match': '*' })).status,
      ).toBe(200);
      await until('the second unitHeadChanged event', async () => (await changes()) === 2);
      expect(await server.unitHeadSync.sync()).toBe(0);
      expect((await open('stationHead')).assigneeId).toBe(userId.shegong);
    });
  });
});
