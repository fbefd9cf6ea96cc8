// Task hand-overs, comments and bulk approval over the real product (HTTP, embedded runtime,
// real engine): the station head transfers his approval to the centre's supervisor, the officer
// delegates her assessment and gets it back, a supervisor over the unit reassigns, remarks reach
// the task and the timeline, and one bulk approval answers per task.
import type { Db } from '../../api/db/prisma-client';
import {
  type Call,
  lifecycleVersionOf,
  signInDemoPeople,
  startAdminApi,
  stopAdminApi,
  unitIdByCode,
} from './support/api-callers';
import { publishDefinition } from '../support/runtime-fixtures';
import type { TestServer } from '../support/test-server';

jest.setTimeout(180_000);

interface TaskRef {
  id: string;
  nodeId: string;
  status: string;
}

describe('task actions API', () => {
  let server: TestServer;
  let prisma: Db;
  let admin: Call;
  const as: Record<string, Call> = {};
  const userId: Record<string, string> = {};
  let hjl: string;
  let lifecycleVersion: string;

  const assessment = {
    targetGroup: '社区独居老人',
    serviceDomain: '为老服务',
    needsSummary: '独居老人四十余人，缺少日常探访与应急联络。',
  };

  beforeAll(async () => {
    const api = await startAdminApi();
    ({ server, prisma, admin } = api);
    const people = await signInDemoPeople(api, ['shegong', 'zhanzhang', 'zhongxin', 'shegong-room']);
    Object.assign(as, people.as);
    Object.assign(userId, people.userId);
    hjl = await unitIdByCode(prisma, 'LC-HJL');
    lifecycleVersion = await lifecycleVersionOf(as.shegong!);
  });
  afterAll(() => stopAdminApi({ server, prisma, admin }));

  async function start(caller: Call, unitId: string, title: string): Promise<string> {
    const res = await caller('POST', '/api/projects', {
      versionId: lifecycleVersion,
      unitId,
      title,
      input: { projectName: title },
    });
    expect(res.status).toBe(201);
    return res.json!.id as string;
  }

  async function openTask(projectId: string, nodeId: string): Promise<TaskRef> {
    const tasks = await prisma.task.findMany({ where: { instanceId: projectId, nodeId, status: 'open' } });
    if (tasks.length !== 1) throw new Error(`expected one open ${nodeId}, found ${tasks.length}`);
    return { id: tasks[0]!.id, nodeId, status: 'open' };
  }

  /** A project of the station waiting at the station head's approval. */
  async function atHeadApproval(title: string): Promise<{ projectId: string; task: TaskRef }> {
    const projectId = await start(as.shegong!, hjl, title);
    const assess = await openTask(projectId, 'assess');
    expect((await as.shegong!('POST', `/api/tasks/${assess.id}/complete`, { data: assessment })).status).toBe(
      200,
    );
    return { projectId, task: await openTask(projectId, 'headApproval') };
  }

  const fieldsOf = (res: { json?: Record<string, unknown> }) =>
    ((res.json?.errors ?? []) as { field: string }[]).map((e) => e.field);

  it('transfers the station head’s approval to the centre’s supervisor, who decides it (转办)', async () => {
    const { projectId, task } = await atHeadApproval('转办测试');
    const activity = await as.zhanzhang!('GET', `/api/tasks/${task.id}/activity`);
    expect(activity.status).toBe(200);
    expect(activity.json!.may).toMatchObject({ transfer: true, delegate: true, resolve: false });
    const eligible = (activity.json!.eligible as { id: string }[]).map((p) => p.id);
    expect(eligible).toContain(userId.zhongxin);
    expect(eligible).not.toContain(userId.shegong);

    // An officer may not take a supervisor's approval: the engine refuses, naming the field.
    const events = await prisma.instanceEvent.count({ where: { instanceId: projectId } });
    const refused = await as.zhanzhang!('POST', `/api/tasks/${task.id}/transfer`, {
      toUserId: userId.shegong,
    });
    expect(refused.status).toBe(422);
    expect(refused.json).toMatchObject({ engineCode: 'TARGET_NOT_ELIGIBLE' });
    expect(fieldsOf(refused)).toEqual(['toUserId']);
    expect(await prisma.instanceEvent.count({ where: { instanceId: projectId } })).toBe(events);

    const moved = await as.zhanzhang!('POST', `/api/tasks/${task.id}/transfer`, {
      toUserId: userId.zhongxin,
      comment: '本人出差，请中心代为审批',
    });
    expect(moved.status).toBe(200);
    expect(moved.json!.status).toBe('cancelled');
    const theirs = await openTask(projectId, 'headApproval');
    const mine = await as.zhongxin!('GET', '/api/tasks?view=mine');
    expect((mine.json!.items as { id: string }[]).map((t) => t.id)).toContain(theirs.id);

    // The former holder can no longer vote; the new one can.
    expect((await as.zhanzhang!('POST', `/api/tasks/${task.id}/vote`, { vote: 'approve' })).status).toBe(409);
    expect((await as.zhanzhang!('POST', `/api/tasks/${theirs.id}/vote`, { vote: 'approve' })).status).toBe(
      403,
    );
    expect((await as.zhongxin!('POST', `/api/tasks/${theirs.id}/vote`, { vote: 'approve' })).status).toBe(
      200,
    );
    await openTask(projectId, 'plan');

    const timeline = await as.shegong!('GET', `/api/projects/${projectId}/timeline`);
    const transferred = (
      timeline.json!.items as { type: string; text: { zh: string }; comment: string }[]
    ).find((e) => e.type === 'taskTransferred');
    expect(transferred).toMatchObject({
      text: { zh: '将「站长审批」转办给赵敏（指导中心督导）' },
      comment: '本人出差，请中心代为审批',
    });
    const audit = await prisma.auditLog.findFirst({
      where: { action: 'task.transferred', resourceId: task.id },
    });
    expect(audit?.actorId).toBe(userId.zhanzhang);
  });

  it('delegates the assessment: the colleague may only hand it back, then its owner completes it (委派)', async () => {
    const projectId = await start(as.shegong!, hjl, '委派测试');
    const owned = await openTask(projectId, 'assess');
    // A room's officer works below the station: not eligible for the station's project.
    const below = await as.shegong!('POST', `/api/tasks/${owned.id}/delegate`, {
      toUserId: userId['shegong-room'],
    });
    expect(below.status).toBe(422);

    const delegated = await as.shegong!('POST', `/api/tasks/${owned.id}/delegate`, {
      toUserId: userId.zhanzhang,
      comment: '请帮忙核实走访名单',
    });
    expect(delegated.status).toBe(200);
    const withHead = await openTask(projectId, 'assess');
    const activity = await as.zhanzhang!('GET', `/api/tasks/${withHead.id}/activity`);
    expect(activity.json).toMatchObject({
      delegatedBy: { id: userId.shegong },
      may: { resolve: true, delegate: false, transfer: false },
    });

    const early = await as.zhanzhang!('POST', `/api/tasks/${withHead.id}/complete`, { data: assessment });
    expect(early.status).toBe(409);
    expect(early.json).toMatchObject({ engineCode: 'TASK_DELEGATED' });

    const resolved = await as.zhanzhang!('POST', `/api/tasks/${withHead.id}/resolve`, {
      comment: '名单已核实，共 42 人',
    });
    expect(resolved.status).toBe(200);
    expect(resolved.json!.status).toBe('completed');
    const back = await openTask(projectId, 'assess');
    const remarks = await as.shegong!('GET', `/api/tasks/${back.id}/activity`);
    expect(remarks.json!.delegatedBy).toBeNull();
    expect(
      (remarks.json!.remarks as { type: string; comment: string | null }[]).map((r) => [r.type, r.comment]),
    ).toEqual([
      ['taskDelegated', '请帮忙核实走访名单'],
      ['taskResolved', '名单已核实，共 42 人'],
    ]);
    expect((await as.shegong!('POST', `/api/tasks/${back.id}/complete`, { data: assessment })).status).toBe(
      200,
    );
  });

  it('lets only a supervisor over the project’s unit reassign, with a reason (改派)', async () => {
    const projectId = await start(as.shegong!, hjl, '改派测试');
    const task = await openTask(projectId, 'assess');
    const officer = await as.shegong!('POST', `/api/tasks/${task.id}/reassign`, {
      toUserId: userId.zhanzhang,
      reason: '休假',
    });
    expect(officer.status).toBe(403);
    const noReason = await as.zhongxin!('POST', `/api/tasks/${task.id}/reassign`, {
      toUserId: userId.zhanzhang,
    });
    expect(noReason.status).toBe(400);
    expect(fieldsOf(noReason)).toContain('reason');
    const unknown = await as.zhongxin!('POST', `/api/tasks/${task.id}/reassign`, {
      toUserId: '00000000-0000-4000-8000-000000000000',
      reason: '休假',
    });
    expect(unknown.status).toBe(422);
    expect(fieldsOf(unknown)).toEqual(['toUserId']);

    const moved = await as.zhongxin!('POST', `/api/tasks/${task.id}/reassign`, {
      toUserId: userId.zhanzhang,
      reason: '社工休产假',
    });
    expect(moved.status).toBe(200);
    const now = await openTask(projectId, 'assess');
    expect((await prisma.task.findUniqueOrThrow({ where: { id: now.id } })).assigneeId).toBe(
      userId.zhanzhang,
    );
    const audit = await prisma.auditLog.findFirst({
      where: { action: 'task.reassigned', resourceId: task.id },
    });
    expect(audit?.detail).toMatchObject({ after: { reason: '社工休产假' } });
  });

  it('keeps comments on an open task and shows them on the task and in the timeline', async () => {
    const projectId = await start(as.shegong!, hjl, '留言测试');
    const task = await openTask(projectId, 'assess');
    const empty = await as.zhongxin!('POST', `/api/tasks/${task.id}/comments`, { comment: '  ' });
    expect(empty.status).toBe(400);
    const said = await as.zhongxin!('POST', `/api/tasks/${task.id}/comments`, { comment: '请补充走访照片' });
    expect(said.status).toBe(200);
    const activity = await as.shegong!('GET', `/api/tasks/${task.id}/activity`);
    expect(activity.json!.remarks).toEqual([
      expect.objectContaining({
        type: 'taskCommented',
        comment: '请补充走访照片',
        author: { id: userId.zhongxin, displayName: '赵敏（指导中心督导）' },
      }),
    ]);
    const timeline = await as.shegong!('GET', `/api/projects/${projectId}/timeline`);
    expect(timeline.json!.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'taskCommented', comment: '请补充走访照片', nodeId: 'assess' }),
      ]),
    );
    // A room's officer does not see the station's project: 404, nothing recorded.
    expect(
      (await as['shegong-room']!('POST', `/api/tasks/${task.id}/comments`, { comment: '看不到' })).status,
    ).toBe(404);
    await as.shegong!('POST', `/api/tasks/${task.id}/complete`, { data: assessment });
    expect((await as.zhongxin!('POST', `/api/tasks/${task.id}/comments`, { comment: '晚了' })).status).toBe(
      409,
    );
  });

  it('approves many tasks at once with a result per task, never all-or-nothing (批量同意)', async () => {
    const first = await atHeadApproval('批量一');
    const second = await atHeadApproval('批量二');
    const formTask = await openTask(await start(as.shegong!, hjl, '批量中的表单'), 'assess');
    const unknown = '00000000-0000-4000-8000-000000000001';
    const res = await as.zhanzhang!('POST', '/api/tasks/bulk-vote', {
      taskIds: [first.task.id, formTask.id, second.task.id, unknown],
      comment: '同意',
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ approved: 2, refused: 2 });
    expect(
      (res.json!.items as { taskId: string; result: string; problem: { status: number } | null }[]).map(
        (item) => [item.taskId, item.result, item.problem?.status ?? null],
      ),
    ).toEqual([
      [first.task.id, 'approved', null],
      [formTask.id, 'refused', 409],
      [second.task.id, 'approved', null],
      [unknown, 'refused', 404],
    ]);
    await openTask(first.projectId, 'plan');
    await openTask(second.projectId, 'plan');
    const votes = await prisma.instanceEvent.findMany({
      where: { instanceId: first.projectId, type: 'approvalVoted' },
    });
    expect(votes.map((v) => (v.payload as { comment?: string }).comment)).toEqual(['同意']);

    const duplicate = await as.zhanzhang!('POST', '/api/tasks/bulk-vote', {
      taskIds: [formTask.id, formTask.id],
    });
    expect(duplicate.status).toBe(400);
  });

  it('returns the work to an earlier step the project passed through, where the step allows it (退回)', async () => {
    const versionId = await publishDefinition(server.databaseUrl, {
      key: 'return-check',
      name: '退回测试流程',
      nodes: [
        { id: 'start', kind: 'start', name: '开始' },
        { id: 'draft', kind: 'userTask', name: '起草', assignee: { type: 'starter' } },
        {
          id: 'check',
          kind: 'userTask',
          name: '复核',
          assignee: { type: 'role', role: 'supervisor', scope: 'unit' },
          returnTo: ['draft'],
        },
        { id: 'end', kind: 'end', name: '结束' },
      ],
      edges: [
        { id: 'e1', from: 'start', to: 'draft' },
        { id: 'e2', from: 'draft', to: 'check' },
        { id: 'e3', from: 'check', to: 'end' },
      ],
    });
    const started = await as.shegong!('POST', '/api/projects', {
      versionId,
      unitId: hjl,
      title: '退回测试',
      input: {},
    });
    expect(started.status).toBe(201);
    const projectId = started.json!.id as string;
    const draft = await openTask(projectId, 'draft');
    expect((await as.shegong!('POST', `/api/tasks/${draft.id}/complete`, { data: {} })).status).toBe(200);
    const check = await openTask(projectId, 'check');
    const activity = await as.zhanzhang!('GET', `/api/tasks/${check.id}/activity`);
    expect(activity.json).toMatchObject({
      may: { return: true },
      returnTargets: [{ nodeId: 'draft', name: '起草' }],
    });

    const nowhere = await as.zhanzhang!('POST', `/api/tasks/${check.id}/return`, { toNodeId: 'end' });
    expect(nowhere.status).toBe(422);
    expect(fieldsOf(nowhere)).toEqual(['toNodeId']);
    expect(nowhere.json).toMatchObject({ engineCode: 'RETURN_NOT_ALLOWED' });
    expect((await as.shegong!('POST', `/api/tasks/${check.id}/return`, { toNodeId: 'draft' })).status).toBe(
      403,
    );

    const back = await as.zhanzhang!('POST', `/api/tasks/${check.id}/return`, {
      toNodeId: 'draft',
      comment: '请补充附件',
    });
    expect(back.status).toBe(200);
    await openTask(projectId, 'draft');
    const timeline = await as.shegong!('GET', `/api/projects/${projectId}/timeline`);
    expect(timeline.json!.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'taskReturned',
          text: expect.objectContaining({ zh: '将「复核」退回到「起草」' }),
          comment: '请补充附件',
        }),
      ]),
    );
  });

  it('lets the officer take her submitted assessment back until the station head acts (拿回)', async () => {
    const projectId = await start(as.shegong!, hjl, '拿回测试');
    const assess = await openTask(projectId, 'assess');
    expect((await as.shegong!('POST', `/api/tasks/${assess.id}/take-back`)).status).toBe(409);
    await as.shegong!('POST', `/api/tasks/${assess.id}/complete`, { data: assessment });
    const activity = await as.shegong!('GET', `/api/tasks/${assess.id}/activity`);
    expect(activity.json).toMatchObject({ may: { takeBack: true } });
    expect((await as.zhanzhang!('GET', `/api/tasks/${assess.id}/activity`)).json).toMatchObject({
      may: { takeBack: false },
    });
    const notHers = await as.zhanzhang!('POST', `/api/tasks/${assess.id}/take-back`);
    expect(notHers.status).toBe(403);

    const taken = await as.shegong!('POST', `/api/tasks/${assess.id}/take-back`);
    expect(taken.status).toBe(200);
    const again = await openTask(projectId, 'assess');
    expect(again.id).not.toBe(assess.id);
    const timeline = await as.shegong!('GET', `/api/projects/${projectId}/timeline`);
    expect(timeline.json!.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'taskTakenBack',
          text: expect.objectContaining({ zh: '拿回了「项目预估（需求评估）」' }),
        }),
      ]),
    );
    expect(
      await prisma.task.count({ where: { instanceId: projectId, nodeId: 'headApproval', status: 'open' } }),
    ).toBe(0);

    // Once the station head has approved, the step is his to have acted on: no taking back.
    await as.shegong!('POST', `/api/tasks/${again.id}/complete`, { data: assessment });
    const head = await openTask(projectId, 'headApproval');
    expect((await as.zhanzhang!('POST', `/api/tasks/${head.id}/vote`, { vote: 'approve' })).status).toBe(200);
    const late = await as.shegong!('POST', `/api/tasks/${again.id}/take-back`);
    expect(late.status).toBe(409);
    expect(late.json).toMatchObject({ engineCode: 'TAKE_BACK_NOT_POSSIBLE' });
  });
});
