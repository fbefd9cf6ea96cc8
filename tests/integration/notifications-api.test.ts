// The notification inbox over the real product: a lifecycle project's reminder reaches its officer
// and no one else, its escalation reaches every supervisor the engine's rule reaches, each of whom
// reads it alone; the live stream delivers an urge over a real HTTP connection within seconds; an
// urge is refused a second time within ten minutes; someone else's notification is a 404.
import express from 'express';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hashPassword } from '../../api/auth/password';
import { createPrismaClient, type Db } from '../../api/db/prisma-client';
import { contractViolations } from '../../api/http/response-contract';
import { createNotificationHub } from '../../api/notifications/notification-stream';
import { createTestClock, type TestClock } from '../support/test-clock';
import { apiAgent, startTestServer, type TestServer } from '../support/test-server';
import { type Call, demoPassword, sessionCallerOf, unitIdByCode } from './support/api-callers';

jest.setTimeout(180_000);

interface Item {
  id: string;
  template: string;
  text: { zh: string; en: string };
  projectId: string;
  taskId: string | null;
  read: boolean;
}

interface StreamEvent {
  event: string;
  data: Record<string, unknown>;
}

/** A Server-Sent Events connection as a browser's EventSource opens it, collecting its events. */
function openStream(url: string, cookie: string) {
  const events: StreamEvent[] = [];
  let raw = '';
  let ended = false;
  let response: IncomingMessage | undefined;
  const request = httpRequest(url, { headers: { accept: 'text/event-stream', cookie } });
  const connected = new Promise<IncomingMessage>((resolve, reject) => {
    request.on('response', (res) => {
      response = res;
      let buffer = '';
      res.setEncoding('utf8');
      res.on('end', () => {
        ended = true;
      });
      res.on('data', (chunk: string) => {
        raw += chunk;
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) as Record<string, unknown> });
        }
      });
      resolve(res);
    });
    request.on('error', reject);
  });
  request.end();
  return {
    events,
    connected,
    raw: () => raw,
    ended: () => ended,
    async next(predicate: (event: StreamEvent) => boolean, timeoutMs: number): Promise<StreamEvent> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no such event in ${JSON.stringify(events)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close() {
      response?.destroy();
      request.destroy();
    },
  };
}

describe('notifications API', () => {
  let server: TestServer;
  let prisma: Db;
  let clock: TestClock;
  const as: Record<string, Call> = {};
  const cookies: Record<string, string> = {};
  let hjl: string;
  let projectId: string;
  let assessTaskId: string;
  let approvalTaskId: string;

  async function signIn(username: string, password = demoPassword(server, username)): Promise<void> {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'shegong-flow' },
      body: JSON.stringify({ username, password }),
    });
    expect(login.status).toBe(200);
    cookies[username] = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const agent = apiAgent(server.url);
    as[username] = (method, path, body, headers = {}) =>
      agent(method, path, body, { cookie: cookies[username]!, ...headers });
  }

  const inbox = async (username: string, query = ''): Promise<{ items: Item[]; unread: number }> => {
    const res = await as[username]!('GET', `/api/notifications${query}`);
    expect(res.status).toBe(200);
    return res.json as { items: Item[]; unread: number };
  };

  /** The scheduler fires due timers on its next poll; the notification arrives shortly after. */
  async function waitForTemplate(username: string, template: string): Promise<Item> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const found = (await inbox(username)).items.find((item) => item.template === template);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`${username} never received ${template}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  beforeAll(async () => {
    clock = createTestClock();
    server = await startTestServer({ clock: clock.now });
    prisma = createPrismaClient(server.databaseUrl, 2);
    for (const user of ['shegong', 'zhanzhang', 'zhongxin', 'shegong-room']) await signIn(user);
    hjl = await unitIdByCode(prisma, 'LC-HJL');
    const catalogue = await as.shegong!('GET', '/api/processes');
    const lifecycle = (catalogue.json!.items as { key: string; versionId: string }[]).find(
      (item) => item.key === 'project-lifecycle',
    )!;
    const started = await as.shegong!('POST', '/api/projects', {
      versionId: lifecycle.versionId,
      unitId: hjl,
      title: '通知测试项目',
      input: { projectName: '通知测试项目' },
    });
    expect(started.status).toBe(201);
    projectId = started.json!.id as string;
    assessTaskId = (started.json!.tasks as { id: string; nodeId: string }[]).find(
      (task) => task.nodeId === 'assess',
    )!.id;
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await server?.close();
    expect(contractViolations).toEqual([]);
  });

  it('delivers the assessment’s reminder to the officer it waits for, and to no one else', async () => {
    expect((await inbox('shegong')).unread).toBe(0);
    clock.advance('P14DT1H');
    const reminder = await waitForTemplate('shegong', 'task.reminder');
    expect(reminder).toMatchObject({ projectId, taskId: assessTaskId, read: false });
    expect(reminder.text.zh).toContain('项目预估（需求评估）');
    expect(reminder.text.zh).toContain('通知测试项目');
    expect(reminder.text.en).toContain('Reminder');

    const count = await as.shegong!('GET', '/api/notifications/unread-count');
    expect(count.json).toEqual({ unread: 1 });
    for (const other of ['zhanzhang', 'zhongxin', 'shegong-room']) {
      expect((await inbox(other)).items.map((item) => item.id)).not.toContain(reminder.id);
      const mark = await as[other]!('POST', `/api/notifications/${reminder.id}/read`);
      expect(mark.status).toBe(404);
      expect(mark.json!.detailZh).toBeDefined();
    }
  });

  it('marks a notification read for its reader, and again changes nothing', async () => {
    const [reminder] = (await inbox('shegong', '?unread=true')).items;
    const first = await as.shegong!('POST', `/api/notifications/${reminder!.id}/read`);
    expect(first.json).toEqual({ marked: 1, unread: 0 });
    const again = await as.shegong!('POST', `/api/notifications/${reminder!.id}/read`);
    expect(again.json).toEqual({ marked: 0, unread: 0 });
    expect((await inbox('shegong', '?unread=true')).items).toEqual([]);
    expect((await inbox('shegong')).items[0]).toMatchObject({ id: reminder!.id, read: true });
    const audited = await prisma.auditLog.count({
      where: { action: 'notification.read', resourceId: reminder!.id },
    });
    expect(audited).toBe(1);
  });

  it('sends the escalation to every supervisor whose unit the rule reaches; each reads it alone', async () => {
    clock.advance('P7D');
    const station = await waitForTemplate('zhanzhang', 'task.escalated');
    const centre = await waitForTemplate('zhongxin', 'task.escalated');
    expect(centre.id).toBe(station.id);
    expect(station.text.zh).toContain('逾期未办');
    expect((await inbox('shegong')).items.map((item) => item.id)).not.toContain(station.id);
    expect((await inbox('shegong-room')).items.map((item) => item.id)).not.toContain(station.id);

    await as.zhanzhang!('POST', `/api/notifications/${station.id}/read`);
    expect((await inbox('zhanzhang')).unread).toBe(0);
    expect((await inbox('zhongxin')).unread).toBe(1);
    const allRead = await as.zhongxin!('POST', '/api/notifications/read-all');
    expect(allRead.json).toEqual({ marked: 1, unread: 0 });
    expect(await prisma.notificationRead.count({ where: { notificationId: station.id } })).toBe(2);
  });

  it('streams an urge to the officer’s open connection within seconds', async () => {
    const stream = openStream(`${server.url}/api/notifications/stream`, cookies.shegong!);
    const response = await stream.connected;
    try {
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/event-stream/);
      await stream.next((e) => e.event === 'unread', 5_000);
      expect(stream.events[0]).toEqual({ event: 'unread', data: { unread: 0 } });

      const sent = Date.now();
      const urge = await as.zhanzhang!('POST', `/api/tasks/${assessTaskId}/urge`, {
        message: '请本周内完成',
      });
      expect(urge.status).toBe(201);
      expect(urge.json!.recipient).toMatchObject({ type: 'user', displayName: expect.any(String) });
      const pushed = await stream.next((e) => e.event === 'notification', 5_000);
      const latency = Date.now() - sent;
      console.log(`notification stream: urge delivered ${latency} ms after the request`);
      expect(pushed.data).toMatchObject({ template: 'task.urged', taskId: assessTaskId, read: false });
      expect((pushed.data.text as { zh: string }).zh).toContain('请本周内完成');
      await stream.next((e) => e.event === 'unread' && e.data.unread === 1, 5_000);
    } finally {
      stream.close();
    }
  });

  it('keeps an idle stream open with comments and ends it after its lifetime, for EventSource to reconnect', async () => {
    // The product's hub with short timings, on a bare HTTP server over the same database.
    const hub = createNotificationHub(prisma, {
      pollMs: 100,
      keepAliveMs: 150,
      lifetimeMs: 1_000,
      lookBackMs: 5_000,
    });
    const caller = await sessionCallerOf(prisma, 'shegong');
    const app = express();
    app.get('/stream', (req, res) => void hub.open(caller, req, res));
    const bare = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => bare.once('listening', resolve));
    try {
      const stream = openStream(`http://127.0.0.1:${(bare.address() as AddressInfo).port}/stream`, '');
      await stream.connected;
      const started = Date.now();
      while (!stream.ended() && Date.now() - started < 5_000)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(stream.ended()).toBe(true);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(stream.raw()).toMatch(/^retry: 3000\n\n/);
      expect(stream.raw().match(/^: keep-alive$/gm)?.length).toBeGreaterThanOrEqual(3);
      expect(stream.events[0]).toEqual({ event: 'unread', data: { unread: expect.any(Number) } });
    } finally {
      await hub.close();
      await new Promise((resolve) => bare.close(resolve));
    }
  });

  it('closes with the product: open streams end, the running poll is awaited, later streams end at once', async () => {
    const hub = createNotificationHub(prisma, {
      pollMs: 50,
      keepAliveMs: 10_000,
      lifetimeMs: 60_000,
      lookBackMs: 5_000,
    });
    const caller = await sessionCallerOf(prisma, 'shegong');
    const app = express();
    app.get('/stream', (req, res) => void hub.open(caller, req, res));
    const bare = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => bare.once('listening', resolve));
    const url = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/stream`;
    try {
      const stream = openStream(url, '');
      await stream.connected;
      await stream.next((e) => e.event === 'unread', 5_000);
      await hub.close();
      const started = Date.now();
      while (!stream.ended() && Date.now() - started < 2_000)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(stream.ended()).toBe(true);
      const late = openStream(url, '');
      await late.connected;
      while (!late.ended() && Date.now() - started < 4_000)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(late.ended()).toBe(true);
      expect(late.events).toEqual([]);
    } finally {
      await new Promise((resolve) => bare.close(resolve));
    }
  });

  it('refuses a second urge by the same person within ten minutes (429, Retry-After), not another’s', async () => {
    const again = await as.zhanzhang!('POST', `/api/tasks/${assessTaskId}/urge`, {});
    expect(again.status).toBe(429);
    expect(again.headers.get('content-type')).toMatch(/problem\+json/);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(500);
    expect(again.json!.detailZh).toContain('分钟后再试');
    const other = await as.zhongxin!('POST', `/api/tasks/${assessTaskId}/urge`, {});
    expect(other.status).toBe(201);
    expect(await prisma.auditLog.count({ where: { action: 'task.urged', resourceId: assessTaskId } })).toBe(
      2,
    );
  });

  it('hides a task from an urger who may not see its project, and urges a role while unclaimed', async () => {
    const outsider = await as['shegong-room']!('POST', `/api/tasks/${assessTaskId}/urge`, {});
    expect(outsider.status).toBe(404);
    const self = await as.shegong!('POST', `/api/tasks/${assessTaskId}/urge`, {});
    expect(self.status).toBe(409);

    const done = await as.shegong!('POST', `/api/tasks/${assessTaskId}/complete`, {
      data: {
        targetGroup: '社区独居老人',
        serviceDomain: '为老服务',
        needsSummary: '独居老人四十余人，缺少日常探访与应急联络。',
      },
    });
    expect(done.status).toBe(200);
    const project = await as.zhongxin!('GET', `/api/projects/${projectId}`);
    const approval = (project.json!.tasks as { id: string; nodeId: string; status: string }[]).find(
      (task) => task.nodeId === 'headApproval' && task.status === 'open',
    )!;
    approvalTaskId = approval.id;
    const urge = await as.zhongxin!('POST', `/api/tasks/${approval.id}/urge`, {});
    expect(urge.status).toBe(201);
    expect(urge.json!.recipient).toEqual({ type: 'role', role: 'supervisor', unitId: hjl });
    // The station head's approval is the station's own (scope `unit`): the centre's supervisor
    // who urged does not receive it, the station's does.
    const received = await waitForTemplate('zhanzhang', 'task.urged');
    expect(received.taskId).toBe(approval.id);
    expect((await inbox('zhongxin')).items.map((item) => item.template)).not.toContain('task.urged');
  });

  it('pages newest first with a cursor, and refuses service tokens and non-stream readers', async () => {
    const all = await inbox('zhanzhang');
    expect(all.items.map((item) => item.template)).toEqual(['task.urged', 'task.escalated']);
    const first = await as.zhanzhang!('GET', '/api/notifications?limit=1');
    expect(first.json!.items).toEqual([all.items[0]]);
    const second = await as.zhanzhang!('GET', `/api/notifications?limit=1&cursor=${first.json!.nextCursor}`);
    expect(second.json).toMatchObject({ items: [{ id: all.items[1]!.id }], nextCursor: null });

    const json = await as.shegong!('GET', '/api/notifications/stream', undefined, {
      accept: 'application/json',
    });
    expect(json.status).toBe(400);
    expect(json.json!.errors[0].field).toBe('headers.accept');
    // A generic reader would never see the end of the answer: refused as well.
    const generic = await as.shegong!('GET', '/api/notifications/stream', undefined, { accept: '*/*' });
    expect(generic.status).toBe(400);
    const anonymous = await fetch(`${server.url}/api/notifications`);
    expect(anonymous.status).toBe(401);

    await signIn('admin');
    const token = await as.admin!('POST', '/api/tokens', {
      name: '通知测试令牌',
      assignments: [{ role: 'supervisor', unitId: hjl }],
    });
    expect(token.status).toBe(201);
    const service = await fetch(`${server.url}/api/notifications`, {
      headers: { authorization: `Bearer ${token.json!.token as string}` },
    });
    expect(service.status).toBe(403);
  });

  it('sends a claimed role task’s reminder to whoever claimed it, not to the role’s other holders', async () => {
    // A second supervisor at the station: a candidate for the head's approval like the head.
    await prisma.user.create({
      data: {
        username: 'fuzhanzhang',
        displayName: '副站长',
        passwordHash: await hashPassword('Second-Supervisor-1'),
        roles: { create: { role: 'supervisor', unitId: hjl } },
      },
    });
    await signIn('fuzhanzhang', 'Second-Supervisor-1');
    const claim = await as.zhanzhang!('POST', `/api/tasks/${approvalTaskId}/claim`);
    expect(claim.status).toBe(200);

    clock.advance('P7DT1H');
    const reminder = await waitForTemplate('zhanzhang', 'task.reminder');
    expect(reminder.taskId).toBe(approvalTaskId);
    const row = await prisma.notification.findUniqueOrThrow({ where: { id: reminder.id } });
    expect(row).toMatchObject({ recipientRole: 'supervisor', recipientUnitId: hjl, recipientUserId: null });
    // The station's other supervisor still has the role's other notices, but not this reminder.
    const other = (await inbox('fuzhanzhang')).items;
    expect(other.map((item) => item.template)).toEqual(['task.urged', 'task.escalated']);
    expect(other.map((item) => item.id)).not.toContain(reminder.id);
    const mark = await as.fuzhanzhang!('POST', `/api/notifications/${reminder.id}/read`);
    expect(mark.status).toBe(404);
  });
});
