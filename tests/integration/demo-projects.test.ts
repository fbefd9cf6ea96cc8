// The demo's sample projects (prisma/seed/seed-demo-projects.ts) on the embedded runtime: the
// demo definition validates and holds a 人员选择 field (督导老师) and a step for the head of the
// project's unit; one project went through both to its webhook, which the partner refused, so the
// 异常 page lists its incident for the station head; the other waits for the officer's plan.
import { createEmbeddedOrchestrator } from '../../api/orchestrator/embedded-orchestrator';
import { listIncidents } from '../../api/incidents/incident-reads';
import { seedDemoProjects, supervisedVisit } from '../../prisma/seed/seed-demo-projects';
import { validateDefinition } from '../../workflows/engine';
import { createRuntimeDatabase } from '../support/runtime-fixtures';
import { sessionCallerOf } from './support/api-callers';

jest.setTimeout(120_000);

describe('demo projects', () => {
  let db: Awaited<ReturnType<typeof createRuntimeDatabase>>;
  let runtime: ReturnType<typeof createEmbeddedOrchestrator>;
  const partnerCalls: string[] = [];

  beforeAll(async () => {
    db = await createRuntimeDatabase();
    runtime = createEmbeddedOrchestrator({
      databaseUrl: db.db.url,
      // The partner organisation's system (outside the product) refuses the visit report.
      fetch: (url) => {
        partnerCalls.push(url instanceof Request ? url.url : url.toString());
        return Promise.resolve(new Response('unknown endpoint', { status: 404 }));
      },
      scheduler: { log: () => undefined },
    });
  });
  afterAll(async () => {
    await runtime.orchestrator.close();
    await db.close();
  });

  it('shows a unitHead step, a 督导老师 person field and an incident on the 异常 page', async () => {
    expect(validateDefinition(supervisedVisit)).toEqual({ ok: true, problems: [] });
    const plan = supervisedVisit.nodes.find((node) => node.id === 'visitPlan');
    expect(plan?.kind === 'userTask' && plan.form?.find((field) => field.type === 'user')).toMatchObject({
      name: 'supervisorTeacher',
      label: '督导老师',
    });
    const approval = supervisedVisit.nodes.find((node) => node.id === 'headApproval');
    expect(approval?.kind === 'approval' && approval.approvers[0]?.assignee).toEqual({
      type: 'unitHead',
      levelsUp: 0,
    });

    const demo = await seedDemoProjects(db.prisma, runtime.orchestrator);
    await runtime.scheduler.drain();
    const tasks = await db.prisma.task.findMany({
      where: { instanceId: demo.incidentProjectId },
      orderBy: { createdAt: 'asc' },
    });
    // The 督导老师 chosen in the plan reviewed it; the station's head approved it.
    expect(tasks.map((task) => [task.nodeId, task.status, task.completedById])).toEqual([
      ['visitPlan', 'completed', db.users.shegong],
      ['supervisorReview', 'completed', db.users.zhongxin],
      ['headApproval', 'completed', db.users.zhanzhang],
    ]);
    expect(partnerCalls).toEqual(['http://127.0.0.1:9/partner/visits']);

    const incidents = await listIncidents(db.prisma, await sessionCallerOf(db.prisma, 'zhanzhang'), {
      status: 'open',
      limit: 20,
    });
    expect(incidents.items).toEqual([
      expect.objectContaining({
        kind: 'action',
        project: expect.objectContaining({ id: demo.incidentProjectId }) as unknown,
      }),
    ]);
    expect(JSON.stringify(incidents.items[0])).toContain('404');

    const waiting = await runtime.orchestrator.listOpenTasks({ instanceId: demo.openProjectId });
    expect(waiting.map((task) => [task.nodeId, task.assigneeId])).toEqual([['visitPlan', db.users.shegong]]);
  });
});
