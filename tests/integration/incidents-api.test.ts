// The incidents API over the real product: a webhook action that really fails (a local HTTP server
// answering 400) and a gateway condition that really cannot decide, retried after the fix or after
// correcting the variables, resolved by hand with a note; who may see and handle them; and sending
// a project an external event its definition declares.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPrismaClient, type Db } from '../../api/db/prisma-client';
import { listedIncidents } from '../../api/incidents/incident-reads';
import { publishDefinition } from '../support/runtime-fixtures';
import { addPerson, demoLogin, signInApi, unitIdOf, type ApiCall } from '../support/work-api-steps';
import { startTestServer, type TestServer } from '../support/test-server';

jest.setTimeout(120_000);

/** start -> call (webhook) -> choose (score >= 60 ? high : low). */
function definition(url: string) {
  return {
    key: 'incident-api-test',
    name: '异常测试流程',
    variables: [{ name: 'score', type: 'number' }],
    nodes: [
      { id: 'start', kind: 'start', name: '开始' },
      { id: 'call', kind: 'action', name: '通知外部系统', action: 'webhook', params: { url } },
      { id: 'choose', kind: 'gateway', name: '按评分分流' },
      { id: 'high', kind: 'end', name: '高分', outcome: 'high' },
      { id: 'low', kind: 'end', name: '低分', outcome: 'low' },
    ],
    edges: [
      { id: 'a', from: 'start', to: 'call' },
      { id: 'b', from: 'call', to: 'choose' },
      { id: 'toHigh', from: 'choose', to: 'high', condition: 'score >= 60' },
      { id: 'toLow', from: 'choose', to: 'low', default: true },
    ],
  };
}

interface IncidentView {
  id: string;
  kind: string;
  status: string;
  nodeId: string;
  nodeName: string;
  error: string;
  attempts: number;
  retrying: boolean;
  resolution: string | null;
  note: string | null;
  edges: { id: string }[];
  project: { id: string; title: string };
}

describe('incidents API', () => {
  let server: TestServer;
  let webhook: Server;
  let webhookStatus = 400;
  let webhookCalls = 0;
  let versionId: string;
  let officer: ApiCall;
  let supervisor: ApiCall;
  let otherSupervisor: ApiCall;
  let admin: ApiCall;
  let stationId: string;

  beforeAll(async () => {
    webhook = createServer((_req, res) => {
      webhookCalls += 1;
      res.statusCode = webhookStatus;
      res.end();
    });
    await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
    const { port } = webhook.address() as AddressInfo;
    server = await startTestServer();
    versionId = await publishDefinition(server.databaseUrl, definition(`http://127.0.0.1:${port}/hook`));
    officer = await signInApi(server, demoLogin(server, 'shegong'));
    supervisor = await signInApi(server, demoLogin(server, 'zhanzhang'));
    admin = await signInApi(server, demoLogin(server, 'admin'));
    otherSupervisor = await signInApi(
      server,
      await addPerson(server, {
        username: 'ty-supervisor',
        displayName: '唐冶站长',
        role: 'supervisor',
        unitCode: 'LC-TY',
      }),
    );
    stationId = await unitIdOf(admin, 'LC-HJL');
  });
  afterAll(async () => {
    await server?.close();
    await new Promise((resolve) => webhook?.close(resolve));
  });

  async function startProject(title: string): Promise<string> {
    const res = await officer('POST', '/api/projects', { versionId, unitId: stationId, title, input: {} });
    expect(res.status).toBe(201);
    return res.json!.id as string;
  }

  /** Waits until the project holds an open incident of the kind (the scheduler runs the webhook). */
  async function openIncident(projectId: string, kind: string): Promise<IncidentView> {
    for (let i = 0; i < 100; i++) {
      const res = await supervisor('GET', `/api/incidents?projectId=${projectId}&kind=${kind}`);
      expect(res.status).toBe(200);
      const [found] = res.json!.items as IncidentView[];
      if (found && !found.retrying) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no open ${kind} incident on ${projectId}`);
  }

  async function project(projectId: string) {
    const res = await supervisor('GET', `/api/projects/${projectId}`);
    expect(res.status).toBe(200);
    return res.json!;
  }

  it('lists a failed action with its error, resolves it by hand, then retries the gateway with corrected variables', async () => {
    webhookStatus = 400;
    const projectId = await startProject('手工处理的项目');
    const action = await openIncident(projectId, 'action');
    expect(action).toMatchObject({
      kind: 'action',
      status: 'open',
      nodeId: 'call',
      nodeName: '通知外部系统',
      error: 'webhook answered 400',
      attempts: 1,
      project: { id: projectId, title: '手工处理的项目' },
    });

    const resolved = await supervisor('POST', `/api/incidents/${action.id}/resolve`, { note: '已电话通知' });
    expect(resolved.status).toBe(200);
    expect(resolved.json).toMatchObject({ status: 'resolved', resolution: 'resolved', note: '已电话通知' });
    // Resolving again is a conflict, not a second move.
    const again = await supervisor('POST', `/api/incidents/${action.id}/resolve`, { note: '再次' });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ code: 'INCIDENT_RESOLVED' });

    // The path moved on to the gateway, whose condition cannot read an unset score.
    const condition = await openIncident(projectId, 'condition');
    expect(condition).toMatchObject({ nodeId: 'choose', expression: 'score >= 60' });
    expect(condition.edges.map((edge) => edge.id)).toEqual(['toHigh', 'toLow']);

    const wrongType = await supervisor('POST', `/api/incidents/${condition.id}/retry`, {
      variables: { score: '很高' },
    });
    expect(wrongType.status).toBe(422);
    expect(wrongType.json!.errors).toEqual([expect.objectContaining({ field: 'variables.score' })]);

    const retried = await supervisor('POST', `/api/incidents/${condition.id}/retry`, {
      variables: { score: 75 },
    });
    expect(retried.status).toBe(200);
    expect(retried.json).toMatchObject({ status: 'resolved', resolution: 'retried' });
    expect(await project(projectId)).toMatchObject({ status: 'completed', outcome: 'high' });

    const timeline = await supervisor('GET', `/api/projects/${projectId}/timeline`);
    expect(timeline.json!.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'incidentResolved', comment: '已电话通知' }),
        expect.objectContaining({ type: 'incidentRetried' }),
      ]),
    );
    const audit = await admin('GET', `/api/audit?resourceId=${encodeURIComponent(action.id)}`);
    expect(audit.json!.items).toEqual([
      expect.objectContaining({
        action: 'incident.resolved',
        resourceType: 'incident',
        summary: expect.stringContaining('"note":"已电话通知"'),
      }),
    ]);
  });

  it('retries a failed action once the outside system is fixed, and resolves a gateway along the chosen edge', async () => {
    webhookStatus = 400;
    const projectId = await startProject('重试的项目');
    const action = await openIncident(projectId, 'action');
    const callsBefore = webhookCalls;
    webhookStatus = 200;
    const retried = await supervisor('POST', `/api/incidents/${action.id}/retry`, {});
    expect(retried.status).toBe(200);
    const condition = await openIncident(projectId, 'condition');
    expect(webhookCalls).toBe(callsBefore + 1);
    const actionNow = await supervisor('GET', `/api/incidents/${action.id}`);
    expect(actionNow.json).toMatchObject({ status: 'resolved', resolution: 'retried', attempts: 1 });

    const noEdge = await supervisor('POST', `/api/incidents/${condition.id}/resolve`, { note: '按低分处理' });
    expect(noEdge.status).toBe(422);
    expect(noEdge.json!.errors).toEqual([
      {
        field: 'edgeId',
        reason: 'choose one of the gateway’s outgoing edges',
        reasonZh: '请选择网关的一条出口分支',
      },
    ]);
    const blankNote = await supervisor('POST', `/api/incidents/${condition.id}/resolve`, {
      note: '  ',
      edgeId: 'toLow',
    });
    expect(blankNote.status).toBe(400);
    expect(blankNote.json!.errors).toEqual([expect.objectContaining({ field: 'note' })]);

    const resolved = await supervisor('POST', `/api/incidents/${condition.id}/resolve`, {
      note: '按低分处理',
      edgeId: 'toLow',
    });
    expect(resolved.status).toBe(200);
    expect(await project(projectId)).toMatchObject({ status: 'completed', outcome: 'low' });
    const closed = await supervisor('GET', `/api/incidents?projectId=${projectId}&status=resolved`);
    expect((closed.json!.items as IncidentView[]).map((item) => item.kind).sort()).toEqual([
      'action',
      'condition',
    ]);
  });

  it('replays a retry sent again with the same Idempotency-Key instead of retrying twice', async () => {
    webhookStatus = 400;
    const projectId = await startProject('幂等重试');
    const action = await openIncident(projectId, 'action');
    const first = await supervisor(
      'POST',
      `/api/incidents/${action.id}/retry`,
      {},
      { 'idempotency-key': 'retry-1' },
    );
    const second = await supervisor(
      'POST',
      `/api/incidents/${action.id}/retry`,
      {},
      { 'idempotency-key': 'retry-1' },
    );
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    const failedAgain = await openIncident(projectId, 'action');
    expect(failedAgain.attempts).toBe(2);
  });

  it('shows incidents to supervisors over the unit and to admins; refuses officers; hides them elsewhere', async () => {
    webhookStatus = 400;
    const projectId = await startProject('范围');
    const action = await openIncident(projectId, 'action');
    expect((await admin('GET', `/api/incidents/${action.id}`)).status).toBe(200);
    expect((await officer('GET', '/api/incidents')).status).toBe(403);
    expect((await officer('POST', `/api/incidents/${action.id}/retry`, {})).status).toBe(403);
    expect((await otherSupervisor('GET', `/api/incidents/${action.id}`)).status).toBe(404);
    expect((await otherSupervisor('POST', `/api/incidents/${action.id}/resolve`, { note: 'x' })).status).toBe(
      404,
    );
    const theirs = await otherSupervisor('GET', `/api/incidents?projectId=${projectId}`);
    expect(theirs.json!.items).toEqual([]);
  });
});

describe('the incident list’s indexes', () => {
  let server: TestServer;
  let prisma: Db;
  beforeAll(async () => {
    server = await startTestServer();
    prisma = createPrismaClient(server.databaseUrl, 1);
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await server?.close();
  });

  it('reads only the instances holding incidents and the parked effects, through their partial indexes', async () => {
    const plan = await prisma.$transaction(async (tx) => {
      // A handful of rows never needs an index; forbidding sequential scans shows whether one fits.
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      return tx.$queryRaw<{ 'QUERY PLAN': string }[]>`EXPLAIN SELECT l.id FROM ${listedIncidents}`;
    });
    const text = plan.map((line) => line['QUERY PLAN']).join('\n');
    expect(text).toContain('process_instance_incidents_idx');
    expect(text).toContain('pending_effect_parked_idx');
  });
});

describe('sending a project an external event', () => {
  let server: TestServer;
  let officer: ApiCall;
  let supervisor: ApiCall;
  let projectId: string;

  beforeAll(async () => {
    server = await startTestServer();
    officer = await signInApi(server, demoLogin(server, 'shegong'));
    supervisor = await signInApi(server, demoLogin(server, 'zhanzhang'));
    const catalogue = await officer('GET', '/api/processes');
    const lifecycle = (
      catalogue.json!.items as { key: string; versionId: string; units: { id: string }[] }[]
    ).find((item) => item.key === 'project-lifecycle')!;
    const started = await officer('POST', '/api/projects', {
      versionId: lifecycle.versionId,
      unitId: await unitIdOf(await signInApi(server, demoLogin(server, 'admin')), 'LC-HJL'),
      title: '外部事件项目',
      input: { projectName: '外部事件项目' },
    });
    expect(started.status).toBe(201);
    projectId = started.json!.id as string;
  });
  afterAll(async () => server?.close());

  it('lists the events the definition declares, and who may send them', async () => {
    const asSupervisor = await supervisor('GET', `/api/projects/${projectId}`);
    expect(asSupervisor.json).toMatchObject({
      events: [{ name: 'projectTerminated', label: '项目终止' }],
      can: { sendEvent: true },
    });
    const asOfficer = await officer('GET', `/api/projects/${projectId}`);
    expect(asOfficer.json).toMatchObject({ can: { sendEvent: false } });
  });

  it('refuses officers (403) and an event the definition does not declare (422 naming name)', async () => {
    expect(
      (
        await officer('POST', `/api/projects/${projectId}/events`, {
          name: 'projectTerminated',
          reason: '测试',
        })
      ).status,
    ).toBe(403);
    const undeclared = await supervisor('POST', `/api/projects/${projectId}/events`, {
      name: 'talent.leftField',
      reason: '测试',
    });
    expect(undeclared.status).toBe(422);
    expect(undeclared.json!.errors).toEqual([
      expect.objectContaining({ field: 'name', reasonZh: '该流程未声明此事件' }),
    ]);
    // Stepping into a process is explained, as terminating is (found by the fresh-eyes review).
    for (const reason of [undefined, '   ']) {
      const unexplained = await supervisor('POST', `/api/projects/${projectId}/events`, {
        name: 'projectTerminated',
        ...(reason === undefined ? {} : { reason }),
      });
      expect([unexplained.status, unexplained.json!.errors[0].field]).toEqual([400, 'reason']);
    }
    expect((await supervisor('GET', `/api/projects/${projectId}`)).json).toMatchObject({ status: 'running' });
  });

  it('delivers a declared event: the handler routes the project, the timeline and the audit log record it', async () => {
    const sent = await supervisor(
      'POST',
      `/api/projects/${projectId}/events`,
      { name: 'projectTerminated', reason: '服务对象迁出', payload: { note: '迁往外区' } },
      { 'idempotency-key': 'event-1' },
    );
    expect(sent.status).toBe(200);
    expect(sent.json).toMatchObject({ status: 'completed', outcome: 'terminated' });
    const replay = await supervisor(
      'POST',
      `/api/projects/${projectId}/events`,
      { name: 'projectTerminated', reason: '服务对象迁出', payload: { note: '迁往外区' } },
      { 'idempotency-key': 'event-1' },
    );
    expect(replay.status).toBe(200);
    // Once ended, the process handles no more events: a conflict with its state.
    const late = await supervisor('POST', `/api/projects/${projectId}/events`, {
      name: 'projectTerminated',
      reason: '测试',
    });
    expect(late.status).toBe(409);
    const timeline = await supervisor('GET', `/api/projects/${projectId}/timeline`);
    expect(
      (timeline.json!.items as { type: string }[]).filter((item) => item.type === 'external'),
    ).toHaveLength(1);
  });
});
