// 加签 over the real product (HTTP, embedded runtime, real engine): the station head adds the
// station's officer as a signer before himself on his approval; his seat waits for her vote, then
// his approval moves the project on. Refusals name the field and change nothing.
import type { Db } from '../../api/db/prisma-client';
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

describe('加签 API', () => {
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
    const people = await signInDemoPeople(api, ['shegong', 'zhanzhang', 'zhongxin', 'shegong-room']);
    Object.assign(as, people.as);
    Object.assign(userId, people.userId);
    hjl = await unitIdByCode(prisma, 'LC-HJL');
    lifecycleVersion = await lifecycleVersionOf(as.shegong!);
  });
  afterAll(() => stopAdminApi({ server, prisma, admin }));

  const openTasks = (projectId: string, nodeId: string) =>
    prisma.task.findMany({
      where: { instanceId: projectId, nodeId, status: 'open' },
      orderBy: { createdAt: 'asc' },
    });

  /** A project of the station waiting at the station head's approval (policy `any`, one seat). */
  async function atHeadApproval(title: string): Promise<{ projectId: string; taskId: string }> {
    const started = await as.shegong!('POST', '/api/projects', {
      versionId: lifecycleVersion,
      unitId: hjl,
      title,
      input: { projectName: title },
    });
    expect(started.status).toBe(201);
    const projectId = started.json!.id as string;
    const [assess] = await openTasks(projectId, 'assess');
    const data = {
      targetGroup: '社区独居老人',
      serviceDomain: '为老服务',
      needsSummary: '独居老人四十余人，缺少日常探访与应急联络。',
    };
    expect((await as.shegong!('POST', `/api/tasks/${assess!.id}/complete`, { data })).status).toBe(200);
    const [approval] = await openTasks(projectId, 'headApproval');
    return { projectId, taskId: approval!.id };
  }

  it('adds a signer before the station head: her vote first, then his moves the project on', async () => {
    const { projectId, taskId } = await atHeadApproval('前加签测试');
    const before = await as.zhanzhang!('GET', `/api/tasks/${taskId}/activity`);
    expect(before.json!.may).toMatchObject({ addSigner: true });
    const signers = (before.json!.signers as { id: string }[]).map((p) => p.id);
    expect(signers).toContain(userId.zhongxin);
    expect(signers).not.toContain(userId.zhanzhang);
    // Nor the officer who started the project: she would approve her own work.
    expect(signers).not.toContain(userId.shegong);
    const own = await as.zhanzhang!('POST', `/api/tasks/${taskId}/add-signer`, {
      toUserId: userId.shegong,
      position: 'before',
    });
    expect(own.status).toBe(422);
    expect(own.json).toMatchObject({ engineCode: 'TARGET_NOT_ELIGIBLE' });
    // A room below the station is not on the project's unit line.
    expect(signers).not.toContain(userId['shegong-room']);

    const added = await as.zhanzhang!('POST', `/api/tasks/${taskId}/add-signer`, {
      toUserId: userId.zhongxin,
      position: 'before',
      comment: '请先核实服务对象名单',
    });
    expect(added.status).toBe(200);
    expect(added.json!.status).toBe('open');
    const seats = await openTasks(projectId, 'headApproval');
    const signerSeat = seats.find((t) => t.assigneeId === userId.zhongxin)!;
    expect(signerSeat).toBeDefined();

    // The head's seat waits for the signer: the task page says for whom, a vote is refused.
    const waiting = await as.zhanzhang!('GET', `/api/tasks/${taskId}/activity`);
    expect(waiting.json!.waitingFor).toMatchObject({ id: userId.zhongxin });
    expect(waiting.json!.may).toMatchObject({ addSigner: false });
    const early = await as.zhanzhang!('POST', `/api/tasks/${taskId}/vote`, { vote: 'approve' });
    expect(early.status).toBe(409);
    expect(early.json).toMatchObject({ engineCode: 'WAITING_FOR_SIGNER' });

    const mine = await as.zhongxin!('GET', '/api/tasks?view=mine');
    expect((mine.json!.items as { id: string }[]).map((t) => t.id)).toContain(signerSeat.id);
    expect((await as.zhongxin!('POST', `/api/tasks/${signerSeat.id}/vote`, { vote: 'approve' })).status).toBe(
      200,
    );
    // The lifecycle's approval is `any`, yet the co-signer's approval alone does not decide it.
    expect(await openTasks(projectId, 'plan')).toHaveLength(0);
    expect((await as.zhanzhang!('POST', `/api/tasks/${taskId}/vote`, { vote: 'approve' })).status).toBe(200);
    expect(await openTasks(projectId, 'plan')).toHaveLength(1);

    const timeline = await as.shegong!('GET', `/api/projects/${projectId}/timeline`);
    expect(timeline.json!.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'signerAdded',
          text: {
            zh: '在「站长审批」中前加签赵敏（指导中心督导）',
            en: expect.stringContaining('before themself'),
          },
          comment: '请先核实服务对象名单',
        }),
      ]),
    );
    const audit = await prisma.auditLog.findFirst({
      where: { action: 'task.signer_added', resourceId: taskId },
    });
    expect(audit?.actorId).toBe(userId.zhanzhang);
    expect(audit?.detail).toMatchObject({ after: { to: userId.zhongxin, position: 'before' } });
  });

  it('adds a signer after the head: his approval waits for the signer’s', async () => {
    const { projectId, taskId } = await atHeadApproval('后加签测试');
    expect(
      (
        await as.zhanzhang!('POST', `/api/tasks/${taskId}/add-signer`, {
          toUserId: userId.zhongxin,
          position: 'after',
        })
      ).status,
    ).toBe(200);
    expect((await as.zhanzhang!('POST', `/api/tasks/${taskId}/vote`, { vote: 'approve' })).status).toBe(200);
    expect(await openTasks(projectId, 'plan')).toHaveLength(0);
    const [signerSeat] = await openTasks(projectId, 'headApproval');
    expect(signerSeat!.assigneeId).toBe(userId.zhongxin);
    expect(
      (await as.zhongxin!('POST', `/api/tasks/${signerSeat!.id}/vote`, { vote: 'approve' })).status,
    ).toBe(200);
    expect(await openTasks(projectId, 'plan')).toHaveLength(1);
  });

  it('refuses oneself, someone off the unit line, a non-holder and a bad position, changing nothing', async () => {
    const { projectId, taskId } = await atHeadApproval('加签拒绝测试');
    const events = await prisma.instanceEvent.count({ where: { instanceId: projectId } });
    const refusals = [
      [as.zhanzhang!, taskId, userId.zhanzhang, 422, 'TARGET_NOT_ELIGIBLE'],
      [as.zhanzhang!, taskId, userId['shegong-room'], 422, 'TARGET_NOT_ELIGIBLE'],
      [as.shegong!, taskId, userId.zhongxin, 403, 'NOT_A_CANDIDATE'],
    ] as const;
    for (const [caller, id, toUserId, status, engineCode] of refusals) {
      const res = await caller('POST', `/api/tasks/${id}/add-signer`, { toUserId, position: 'before' });
      expect(res.status).toBe(status);
      expect(res.json).toMatchObject({ engineCode });
      if (status === 422) expect((res.json!.errors as { field: string }[])[0]?.field).toBe('toUserId');
    }
    const bad = await as.zhanzhang!('POST', `/api/tasks/${taskId}/add-signer`, {
      toUserId: userId.shegong,
      position: 'sideways',
    });
    expect(bad.status).toBe(400);
    expect((bad.json!.errors as { field: string }[]).map((e) => e.field)).toContain('position');
    expect(await prisma.instanceEvent.count({ where: { instanceId: projectId } })).toBe(events);
    expect(await openTasks(projectId, 'headApproval')).toHaveLength(1);
  });
});
