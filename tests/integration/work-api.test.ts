// Projects and the task inbox over the real product: the demo county's people start a lifecycle
// project, fill the assessment, approve it from their inbox and plan, through HTTP only; a room's
// officer never sees the station's project; two supervisors claiming one task leave exactly one
// owner; bad form data is refused field by field and changes nothing.
import { hashPassword } from '../../api/auth/password';
import type { Db } from '../../api/db/prisma-client';
import {
  type Call,
  demoPassword,
  signIn,
  startAdminApi,
  stopAdminApi,
  unitIdByCode,
} from './support/api-callers';
import type { TestServer } from '../support/test-server';

jest.setTimeout(180_000);

interface Named {
  id: string;
  name: string;
  nodeId: string;
}

describe('projects and tasks API', () => {
  let server: TestServer;
  let prisma: Db;
  let admin: Call;
  const as: Record<string, Call> = {};
  let hjl: string;
  let room: string;
  let lifecycleVersion: string;

  const assessment = {
    targetGroup: '社区独居老人',
    serviceDomain: '为老服务',
    needsSummary: '独居老人四十余人，缺少日常探访与应急联络。',
  };
  const plan = {
    objectives: '建立探访网络',
    activities: [{ title: '入户探访', participants: 40 }],
    budgetYuan: 12000,
    indicators: [{ indicator: '探访覆盖率', target: 90, unit: '%' }],
  };

  beforeAll(async () => {
    ({ server, prisma, admin } = await startAdminApi());
    for (const user of ['shegong', 'zhanzhang', 'zhongxin', 'shegong-room', 'zhuanjia', 'xuanba'])
      as[user] = await signIn(server.url, user, demoPassword(server, user));
    hjl = await unitIdByCode(prisma, 'LC-HJL');
    room = await unitIdByCode(prisma, 'LC-HJL-01');
  });
  afterAll(() => stopAdminApi({ server, prisma, admin }));

  async function startAt(caller: Call, unitId: string, title: string, key?: string) {
    return caller(
      'POST',
      '/api/projects',
      { versionId: lifecycleVersion, unitId, title, input: { projectName: title } },
      key ? { 'idempotency-key': key } : {},
    );
  }

  async function openTask(projectId: string, nodeId: string): Promise<Named> {
    const project = await as.zhongxin!('GET', `/api/projects/${projectId}`);
    const task = (project.json!.tasks as (Named & { status: string })[]).find(
      (t) => t.nodeId === nodeId && t.status === 'open',
    );
    if (!task) throw new Error(`no open ${nodeId} in ${JSON.stringify(project.json)}`);
    return task;
  }

  const fieldsOf = (res: { json?: Record<string, unknown> }) =>
    ((res.json?.errors ?? []) as { field: string }[]).map((e) => e.field);
  const ids = (res: { json?: Record<string, unknown> }) =>
    ((res.json?.items ?? []) as { id: string }[]).map((item) => item.id);

  it('offers each person the processes their roles start, at their units', async () => {
    const officer = await as.shegong!('GET', '/api/processes');
    expect(officer.status).toBe(200);
    const keys = (officer.json!.items as { key: string }[]).map((item) => item.key);
    expect(keys).toEqual(expect.arrayContaining(['project-lifecycle', 'venture-philanthropy']));
    expect(keys).not.toContain('talent-selection-round');
    expect(keys).not.toContain('talent-term');
    const lifecycle = (
      officer.json!.items as { key: string; versionId: string; units: { id: string }[] }[]
    ).find((item) => item.key === 'project-lifecycle')!;
    lifecycleVersion = lifecycle.versionId;
    // The station and its two rooms: where the officer works and below.
    expect(lifecycle.units.map((u) => u.id)).toEqual(expect.arrayContaining([hjl, room]));
    expect(lifecycle.units).toHaveLength(3);
    // Only what the starter types in: the process fills the rest (service domain in the
    // assessment, decisions, scores, the implementation flag) itself.
    expect(
      (lifecycle as unknown as { startFields: { name: string }[] }).startFields.map((f) => f.name),
    ).toEqual(['projectName']);

    // The round process starts when the office opens a round (api/talent), never from the catalogue.
    const office = await as.xuanba!('GET', '/api/processes');
    expect(office.json!.items).toEqual([]);
    const expert = await as.zhuanjia!('GET', '/api/processes');
    expect(expert.json!.items).toEqual([]);
  });

  it('refuses a start outside the starter’s units, without a title, or without the start input, naming the field', async () => {
    const lc = await unitIdByCode(prisma, 'LC');
    const before = await prisma.processInstance.count();
    const outside = await startAt(as.shegong!, lc, '越权发起');
    expect(outside.status).toBe(404);
    expect(outside.json!.errors[0].field).toBe('unitId');

    const untitled = await startAt(as.shegong!, hjl, '   ');
    expect(untitled.status).toBe(400);
    expect(fieldsOf(untitled)).toContain('title');

    const noInput = await as.shegong!('POST', '/api/projects', {
      versionId: lifecycleVersion,
      unitId: hjl,
      title: '缺少项目名称',
      input: {},
    });
    expect(noInput.status).toBe(422);
    expect(noInput.json!.code).toBe('PROCESS_INPUT_INVALID');
    expect(fieldsOf(noInput)).toContain('input.projectName');
    // In Chinese too, not the engine's English word (found by the fresh-eyes review: reasonZh was "required").
    expect(noInput.json!.errors).toContainEqual(
      expect.objectContaining({ field: 'input.projectName', reason: 'required', reasonZh: '必填' }),
    );

    // The process's own state (a decision, a score, a flag its steps set) is not start input.
    const ownState = await as.shegong!('POST', '/api/projects', {
      versionId: lifecycleVersion,
      unitId: hjl,
      title: '跳过监测',
      input: { projectName: '跳过监测', implementationDone: true, rating: '优秀' },
    });
    expect(ownState.status).toBe(422);
    expect(fieldsOf(ownState).sort()).toEqual(['input.implementationDone', 'input.rating']);

    const committee = await startAt(as.zhuanjia!, hjl, '专家不能发起');
    expect(committee.status).toBe(404);
    expect(committee.json!.errors[0].field).toBe('versionId');
    expect(await prisma.processInstance.count()).toBe(before);
  });

  it('runs assess → head approval → plan → centre approval through the inbox', async () => {
    const started = await startAt(as.shegong!, hjl, '独居老人探访', 'work-api-start-1');
    expect(started.status).toBe(201);
    const projectId = started.json!.id as string;
    expect(started.json!.currentStages).toEqual(['预估']);
    expect(started.json!.stages[0]).toMatchObject({ id: 'assess', name: '预估', status: 'current' });

    // The same Idempotency-Key answers the first response and starts nothing more.
    const again = await startAt(as.shegong!, hjl, '独居老人探访', 'work-api-start-1');
    expect(again.json!.id).toBe(projectId);
    expect(await prisma.processInstance.count({ where: { title: '独居老人探访' } })).toBe(1);

    const inbox = await as.shegong!('GET', '/api/tasks?view=mine');
    const assess = (inbox.json!.items as Named[]).find((t) => t.nodeId === 'assess')!;
    expect(assess.name).toBeTruthy();
    expect(inbox.json!.counts.mine).toBeGreaterThanOrEqual(1);

    // A form without its required fields: 422 naming each field in zh and en; nothing recorded.
    const events = await prisma.instanceEvent.count({ where: { instanceId: projectId } });
    const invalid = await as.shegong!('POST', `/api/tasks/${assess.id}/complete`, {
      data: { targetGroup: '   ', serviceDomain: '不存在的领域', needsSummary: '太短' },
    });
    expect(invalid.status).toBe(422);
    const fields = invalid.json!.errors as { field: string; reason: string; reasonZh: string }[];
    expect(fields.map((f) => f.field).sort()).toEqual([
      'data.needsSummary',
      'data.serviceDomain',
      'data.targetGroup',
    ]);
    for (const field of fields) expect(field.reasonZh).toMatch(/[\u4e00-\u9fff]/);
    // Spaces alone do not fill a required field in.
    expect(fields.find((f) => f.field === 'data.targetGroup')!.reasonZh).toBe('不能只填空格');
    expect(await prisma.instanceEvent.count({ where: { instanceId: projectId } })).toBe(events);

    // Someone else's task: the station head sees it (his subtree) but the engine refuses him.
    const notHis = await as.zhanzhang!('POST', `/api/tasks/${assess.id}/complete`, { data: assessment });
    expect(notHis.status).toBe(403);
    expect(notHis.json!.code).toBe('NOT_A_CANDIDATE');

    const done = await as.shegong!('POST', `/api/tasks/${assess.id}/complete`, { data: assessment });
    expect(done.status).toBe(200);
    expect(done.json!.status).toBe('completed');
    expect(done.json!.submitted).toMatchObject(assessment);

    // The head approval waits for a supervisor of the station: in the station head's candidates,
    // not in the centre supervisor's.
    const head = await openTask(projectId, 'headApproval');
    const candidates = await as.zhanzhang!('GET', '/api/tasks?view=candidates');
    expect(ids(candidates)).toContain(head.id);
    expect(ids(await as.zhongxin!('GET', '/api/tasks?view=candidates'))).not.toContain(head.id);
    const wrongKind = await as.zhanzhang!('POST', `/api/tasks/${head.id}/complete`, { data: {} });
    expect(wrongKind.status).toBe(409);
    const approved = await as.zhanzhang!('POST', `/api/tasks/${head.id}/vote`, {
      vote: 'approve',
      comment: '需求清楚，同意进入计划阶段。',
    });
    expect(approved.status).toBe(200);

    const planTask = await openTask(projectId, 'plan');
    expect((await as.shegong!('POST', `/api/tasks/${planTask.id}/complete`, { data: plan })).status).toBe(
      200,
    );
    const centre = await openTask(projectId, 'centreApproval');
    expect(ids(await as.zhongxin!('GET', '/api/tasks?view=candidates'))).toContain(centre.id);
    expect((await as.zhongxin!('POST', `/api/tasks/${centre.id}/vote`, { vote: 'approve' })).status).toBe(
      200,
    );

    const detail = await as.shegong!('GET', `/api/projects/${projectId}`);
    expect(detail.json!.currentStages).toContain('实施');
    const forms = detail.json!.forms as {
      nodeId: string;
      stage: string | null;
      submittedBy: { displayName: string };
    }[];
    expect(forms.map((f) => f.nodeId)).toEqual(expect.arrayContaining(['assess', 'plan']));
    expect(forms.find((f) => f.nodeId === 'assess')!.submittedBy.displayName).toBe('李晓梅（驻站社工）');

    const timeline = await as.shegong!('GET', `/api/projects/${projectId}/timeline`);
    const entries = timeline.json!.items as {
      type: string;
      actor: { displayName: string } | null;
      text: { zh: string };
      comment: string | null;
    }[];
    const vote = entries.find(
      (e) => e.type === 'approvalVoted' && e.actor?.displayName === '王建国（站长）',
    )!;
    expect(vote.comment).toBe('需求清楚，同意进入计划阶段。');
    expect(vote.text.zh).toBe('在「站长审批」中同意');

    const done2 = await as.shegong!('GET', '/api/tasks?view=done');
    expect(ids(done2)).toEqual(expect.arrayContaining([assess.id, planTask.id]));
  });

  it('keeps a room officer out of the station’s project, and shows the room’s project to the station', async () => {
    const station = await startAt(as.shegong!, hjl, '站点项目');
    const stationTask = await openTask(station.json!.id as string, 'assess');
    const roomOfficer = as['shegong-room']!;
    expect(ids(await roomOfficer('GET', '/api/projects?limit=200'))).not.toContain(station.json!.id);
    expect((await roomOfficer('GET', `/api/projects/${station.json!.id as string}`)).status).toBe(404);
    expect((await roomOfficer('GET', `/api/projects/${station.json!.id as string}/timeline`)).status).toBe(
      404,
    );
    expect((await roomOfficer('GET', `/api/tasks/${stationTask.id}`)).status).toBe(404);
    expect(
      (await roomOfficer('POST', `/api/tasks/${stationTask.id}/complete`, { data: assessment })).status,
    ).toBe(404);

    const own = await startAt(roomOfficer, room, '社工室项目');
    expect(own.status).toBe(201);
    expect(ids(await roomOfficer('GET', '/api/projects?limit=200'))).toEqual([own.json!.id]);
    expect(ids(await as.shegong!('GET', `/api/projects?limit=200&unitId=${room}`))).toEqual([own.json!.id]);
  });

  it('lets exactly one of two supervisors claim a role task; the other is refused while it is claimed', async () => {
    const second = await prisma.user.create({
      data: {
        username: 'fuzhanzhang',
        displayName: '副站长',
        passwordHash: await hashPassword('Second-Head-Pass-1'),
        roles: { create: { role: 'supervisor', unitId: hjl } },
      },
    });
    const deputy = await signIn(server.url, second.username, 'Second-Head-Pass-1');
    const started = await startAt(as.shegong!, hjl, '认领竞争');
    const assess = await openTask(started.json!.id as string, 'assess');
    await as.shegong!('POST', `/api/tasks/${assess.id}/complete`, { data: assessment });
    const head = await openTask(started.json!.id as string, 'headApproval');

    const claims = await Promise.all([
      as.zhanzhang!('POST', `/api/tasks/${head.id}/claim`),
      deputy('POST', `/api/tasks/${head.id}/claim`),
    ]);
    expect(claims.map((c) => c.status).sort()).toEqual([200, 409]);
    const [winner, loser] = claims[0].status === 200 ? [as.zhanzhang!, deputy] : [deputy, as.zhanzhang!];
    const refused = claims.find((c) => c.status === 409)!;
    expect(refused.json!.code).toBe('TASK_CLAIMED');
    expect((await loser('POST', `/api/tasks/${head.id}/vote`, { vote: 'approve' })).json!.code).toBe(
      'TASK_CLAIMED',
    );
    const row = await prisma.task.findUniqueOrThrow({ where: { id: head.id } });
    expect(row.status).toBe('open');

    // Released, it is a candidate for both again; the other claims it and approves.
    expect((await winner('POST', `/api/tasks/${head.id}/unclaim`)).status).toBe(200);
    expect((await loser('POST', `/api/tasks/${head.id}/claim`)).status).toBe(200);
    expect((await loser('POST', `/api/tasks/${head.id}/vote`, { vote: 'approve' })).status).toBe(200);
    const claimAudit = await prisma.auditLog.count({
      where: { resourceId: head.id, action: 'task.claimed' },
    });
    expect(claimAudit).toBe(2);
  });

  it('answers a forged cursor or incident id with a 400 naming it, never a failed cast (found by the fresh-eyes review)', async () => {
    const forged = (key: unknown[]) =>
      encodeURIComponent(Buffer.from(JSON.stringify(key)).toString('base64url'));
    const uuid = '00000000-0000-4000-8000-000000000000';
    for (const path of [
      `/api/projects?cursor=${forged(['abc', uuid])}`,
      `/api/projects?sort=title&cursor=${forged(['abc', 'x'])}`,
      `/api/tasks?view=mine&cursor=${forged(['abc', uuid])}`,
      `/api/incidents?cursor=${forged(['abc', 'x'])}`,
    ]) {
      const res = await as.zhongxin!('GET', path);
      expect([path, res.status, fieldsOf(res)]).toEqual([path, 400, ['query.cursor']]);
    }
    const dashes = await as.zhongxin!('GET', `/api/incidents/${'-'.repeat(36)}.incident-1`);
    expect([dashes.status, fieldsOf(dashes)]).toEqual([400, ['params.id']]);
    // A well-formed cursor still pages: the title sort accepts any title.
    const titled = await as.zhongxin!('GET', `/api/projects?sort=title&cursor=${forged(['abc', uuid])}`);
    expect(titled.status).toBe(200);
  });

  it('lets only a supervisor over the unit terminate a project, with a reason, audited', async () => {
    const started = await startAt(as.shegong!, hjl, '将被终止');
    const id = started.json!.id as string;
    const officer = await as.shegong!('POST', `/api/projects/${id}/cancel`, { reason: '重复立项' });
    expect(officer.status).toBe(403);
    const noReason = await as.zhanzhang!('POST', `/api/projects/${id}/cancel`, { reason: '' });
    expect(noReason.status).toBe(400);
    const cancelled = await as.zhanzhang!('POST', `/api/projects/${id}/cancel`, { reason: '重复立项' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json).toMatchObject({
      status: 'cancelled',
      cancelReason: '重复立项',
      can: { cancel: false },
    });
    expect(await prisma.task.count({ where: { instanceId: id, status: 'open' } })).toBe(0);
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { resourceId: id, action: 'project.cancelled' },
    });
    expect(audit.actorId).toBe(
      (await prisma.user.findUniqueOrThrow({ where: { username: 'zhanzhang' } })).id,
    );
    const twice = await as.zhanzhang!('POST', `/api/projects/${id}/cancel`, { reason: '再次终止' });
    expect(twice.status).toBe(409);
  });
});
