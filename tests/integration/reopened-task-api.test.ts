// A step that comes back comes back with its work in it: after 退回 (along the drawn edge or to a
// chosen step) and 拿回, the reopened form task's page carries the latest form submitted at its node
// (data, who, when) for those who may read the task; the resubmission is validated as any other;
// and the project's stage bar no longer ticks the stage the work was sent back from. A step the
// process's own loop enters again is new work and starts empty.
import type { Db } from '../../api/db/prisma-client';
import { seedBuiltInDefinitions } from '../../prisma/seed/seed-definitions';
import { ZProcessDefinition } from '../../workflows/engine';
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

describe('a reopened step carries its last submission', () => {
  let server: TestServer;
  let prisma: Db;
  let admin: Call;
  const as: Record<string, Call> = {};
  const userId: Record<string, string> = {};
  let officerName: string;
  let projectId: string;

  const assessment = {
    targetGroup: '社区独居老人',
    serviceDomain: '为老服务',
    needsSummary: '独居老人四十余人，缺少日常探访与应急联络。',
    risks: '冬季出行不便',
  };
  const plan = {
    objectives: '为独居老人建立探访与应急联络机制。',
    activities: [{ title: '入户探访', plannedDate: '2026-12-01', participants: 40 }],
    budgetYuan: 12000,
    indicators: [{ indicator: '探访人次', target: 480 }],
  };

  beforeAll(async () => {
    const api = await startAdminApi();
    ({ server, prisma, admin } = api);
    const people = await signInDemoPeople(api, ['shegong', 'zhanzhang', 'zhongxin', 'shegong-room']);
    Object.assign(as, people.as);
    Object.assign(userId, people.userId);
    officerName = (await prisma.user.findUniqueOrThrow({ where: { username: 'shegong' } })).displayName;
    const started = await as.shegong!('POST', '/api/projects', {
      versionId: await lifecycleVersionOf(as.shegong!),
      unitId: await unitIdByCode(prisma, 'LC-HJL'),
      title: '独居老人探访项目',
      input: { projectName: '独居老人探访项目' },
    });
    expect(started.status).toBe(201);
    projectId = started.json!.id as string;
  });
  afterAll(() => stopAdminApi({ server, prisma, admin }));

  async function openTaskId(nodeId: string): Promise<string> {
    const tasks = await prisma.task.findMany({ where: { instanceId: projectId, nodeId, status: 'open' } });
    if (tasks.length !== 1) throw new Error(`expected one open ${nodeId}, found ${tasks.length}`);
    return tasks[0]!.id;
  }

  const detail = async (caller: Call, taskId: string) => {
    const res = await caller('GET', `/api/tasks/${taskId}`);
    expect(res.status).toBe(200);
    return res.json!;
  };

  async function submitAssessment(data: Record<string, unknown>): Promise<{ taskId: string; at: number }> {
    const taskId = await openTaskId('assess');
    const at = Date.now();
    const done = await as.shegong!('POST', `/api/tasks/${taskId}/complete`, { data });
    expect(done.status).toBe(200);
    return { taskId, at };
  }

  /** The status of each lifecycle stage on the project page, in order. */
  async function stageBar(): Promise<string[]> {
    const project = await as.shegong!('GET', `/api/projects/${projectId}`);
    return (project.json!.stages as { status: string }[]).map((stage) => stage.status);
  }

  /** The previous submission the task page carries, with its time checked to lie after `after`. */
  async function previousOf(caller: Call, taskId: string, after: number) {
    const previous = (await detail(caller, taskId)).previous as {
      data: Record<string, unknown>;
      submittedBy: { id: string; displayName: string };
      submittedAt: string;
      sentBack: {
        how: string;
        by: { id: string; displayName: string } | null;
        at: string;
        comment: string | null;
      };
    };
    expect(previous.submittedBy).toEqual({ id: userId.shegong, displayName: officerName });
    expect(previous.submittedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Date.parse(previous.submittedAt)).toBeGreaterThanOrEqual(after - 1000);
    expect(Date.parse(previous.submittedAt)).toBeLessThanOrEqual(Date.now() + 1000);
    return previous;
  }

  it('gives a fresh task, a completed one and an approval no previous submission', async () => {
    const fresh = await openTaskId('assess');
    expect((await detail(as.shegong!, fresh)).previous).toBeNull();
    const { taskId } = await submitAssessment(assessment);
    expect((await detail(as.shegong!, taskId)).previous).toBeNull();
    expect((await detail(as.zhanzhang!, await openTaskId('headApproval'))).previous).toBeNull();
  });

  it('reopens the assessment returned along the drawn edge with what the officer submitted', async () => {
    const head = await openTaskId('headApproval');
    const sent = Date.now();
    const back = await as.zhanzhang!('POST', `/api/tasks/${head}/vote`, {
      vote: 'return',
      comment: '请补充风险分析',
    });
    expect(back.status).toBe(200);
    const reopened = await openTaskId('assess');
    const previous = await previousOf(as.shegong!, reopened, sent - 60_000);
    expect(previous.data).toEqual(assessment);
    // Why it came back: the station head's return vote and its comment, after the submission.
    expect(previous.sentBack).toMatchObject({
      how: 'returned',
      by: { id: userId.zhanzhang },
      comment: '请补充风险分析',
    });
    expect(Date.parse(previous.sentBack.at)).toBeGreaterThanOrEqual(Date.parse(previous.submittedAt));
    // Whoever may read the task reads it too; the second approval round starts without one.
    expect((await detail(as.zhanzhang!, reopened)).previous).toEqual(previous);
    // An officer of a community room outside the station sees neither the task nor its data.
    const stranger = await as['shegong-room']!('GET', `/api/tasks/${reopened}`);
    expect(stranger.status).toBe(404);
    expect(stranger.text).not.toContain('冬季出行不便');
  });

  it('validates the resubmission as any other, then carries the latest one after 拿回', async () => {
    const reopened = await openTaskId('assess');
    const events = await prisma.instanceEvent.count({ where: { instanceId: projectId } });
    const invalid = await as.shegong!('POST', `/api/tasks/${reopened}/complete`, {
      data: { ...assessment, serviceDomain: '不存在的领域' },
    });
    expect(invalid.status).toBe(422);
    expect((invalid.json!.errors as { field: string }[]).map((error) => error.field)).toEqual([
      'data.serviceDomain',
    ]);
    expect(await prisma.instanceEvent.count({ where: { instanceId: projectId } })).toBe(events);

    const changed = { ...assessment, risks: '冬季出行不便，部分老人独居高楼' };
    const { taskId, at } = await submitAssessment(changed);
    expect((await as.shegong!('POST', `/api/tasks/${taskId}/take-back`)).status).toBe(200);
    const previous = await previousOf(as.shegong!, await openTaskId('assess'), at);
    expect(previous.data).toEqual(changed);
    expect(previous.sentBack).toMatchObject({ how: 'takenBack', by: { id: userId.shegong }, comment: null });
  });

  it('reopens the assessment the centre sends back to, and the stage bar shows the plan as returned', async () => {
    await submitAssessment(assessment);
    const approved = await as.zhanzhang!('POST', `/api/tasks/${await openTaskId('headApproval')}/vote`, {
      vote: 'approve',
    });
    expect(approved.status).toBe(200);
    const planned = await as.shegong!('POST', `/api/tasks/${await openTaskId('plan')}/complete`, {
      data: plan,
    });
    expect(planned.status).toBe(200);
    expect(await stageBar()).toEqual(['done', 'current', 'pending', 'pending', 'pending']);

    const sent = Date.now();
    const back = await as.zhongxin!('POST', `/api/tasks/${await openTaskId('centreApproval')}/return`, {
      toNodeId: 'assess',
      comment: '需求评估不足，请重新预估',
    });
    expect(back.status).toBe(200);
    const previous = await previousOf(as.shegong!, await openTaskId('assess'), sent - 60_000);
    expect(previous.data).toEqual(assessment);
    expect(previous.sentBack).toMatchObject({
      how: 'returned',
      by: { id: userId.zhongxin },
      comment: '需求评估不足，请重新预估',
    });

    // 预估, 计划, 实施, 监测与管理, 评估
    expect(await stageBar()).toEqual(['current', 'returned', 'pending', 'pending', 'pending']);
  });

  it('starts a step the process loops back to empty: a carried-over 再次走访 would loop again', async () => {
    // A visit that asks whether another visit is needed, as the lifecycle's supervision asks 是否需要整改.
    const loop = ZProcessDefinition.parse({
      key: 'repeat-visit',
      name: '重复走访',
      version: 1,
      variables: [{ name: 'projectName', label: '项目名称', type: 'string', required: true }],
      nodes: [
        { id: 'start', kind: 'start', name: '发起' },
        {
          id: 'visit',
          kind: 'userTask',
          name: '入户走访',
          assignee: { type: 'starter' },
          form: [
            { name: 'notes', label: '走访记录', type: 'text', required: true },
            { name: 'again', label: '是否再次走访', type: 'boolean' },
          ],
        },
        { id: 'decide', kind: 'gateway', name: '是否再次走访' },
        { id: 'end', kind: 'end', name: '完成' },
      ],
      edges: [
        { id: 'e1', from: 'start', to: 'visit' },
        { id: 'e2', from: 'visit', to: 'decide' },
        { id: 'e3', from: 'decide', to: 'visit', condition: 'again = true' },
        { id: 'e4', from: 'decide', to: 'end', default: true },
      ],
    });
    const versions = await seedBuiltInDefinitions(prisma, { 'repeat-visit': loop });
    const started = await as.shegong!('POST', '/api/projects', {
      versionId: versions['repeat-visit'],
      unitId: await unitIdByCode(prisma, 'LC-HJL'),
      title: '独居老人重复走访',
      input: { projectName: '独居老人重复走访' },
    });
    expect(started.status).toBe(201);
    const visitTask = async () =>
      (
        await prisma.task.findFirstOrThrow({
          where: { instanceId: started.json!.id as string, nodeId: 'visit', status: 'open' },
        })
      ).id;
    const first = await visitTask();
    const done = await as.shegong!('POST', `/api/tasks/${first}/complete`, {
      data: { notes: '老人独居，需再次走访。', again: true },
    });
    expect(done.status).toBe(200);
    const second = await visitTask();
    expect(second).not.toBe(first);
    expect((await detail(as.shegong!, second)).previous).toBeNull();
  });
});
