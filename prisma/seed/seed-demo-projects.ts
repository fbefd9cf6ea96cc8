// The demo's sample projects, started through the Orchestrator port (either runtime) right after
// the demo county is seeded: they show a step for the head of the project's unit (`unitHead`), a
// handler chosen in a 人员选择 field (督导老师) and an incident to try on the 异常 page. They run the
// demo definition 督导走访（演示）, published with them only (not a built-in), so the tests of the
// built-ins and the journeys see none of it.
import type { Orchestrator } from '../../api/orchestrator/orchestrator';
import { type InstanceState, type ProcessDefinition, ZProcessDefinition } from '../../workflows/engine';
import type { PrismaClient } from '../generated/client';
import { seedBuiltInDefinitions } from './seed-definitions';
import supervisedVisitJson from './supervised-visit.json';

export const supervisedVisit: ProcessDefinition = ZProcessDefinition.parse(supervisedVisitJson);

export interface DemoProjects {
  versionId: string;
  /** Approved by the station head and stopped at 推送至合作机构: the partner's address answers nobody. */
  incidentProjectId: string;
  /** At 走访计划 with the officer, to try choosing a 督导老师. */
  openProjectId: string;
}

/** The open task at `nodeId` in the state a command left. */
function taskAt(state: InstanceState, nodeId: string): string {
  const task = Object.values(state.tasks).find((candidate) => candidate.nodeId === nodeId);
  if (!task) throw new Error(`demo project: no open task at ${nodeId}`);
  return task.id;
}

export async function seedDemoProjects(
  prisma: PrismaClient,
  orchestrator: Orchestrator,
): Promise<DemoProjects> {
  const versionId = (await seedBuiltInDefinitions(prisma, { [supervisedVisit.key]: supervisedVisit }))[
    supervisedVisit.key
  ]!;
  const userId = async (username: string) =>
    (await prisma.user.findUniqueOrThrow({ where: { username }, select: { id: true } })).id;
  const [officer, stationHead, centreSupervisor] = await Promise.all(
    ['shegong', 'zhanzhang', 'zhongxin'].map(userId),
  );
  const station = await prisma.orgUnit.findUniqueOrThrow({ where: { code: 'LC-HJL' }, select: { id: true } });
  const start = (title: string, key: string) =>
    orchestrator.start({
      versionId,
      unitId: station.id,
      title,
      input: {},
      actor: { userId: officer! },
      idempotencyKey: key,
    });

  let result = await start('洪家楼北路独居老人走访（演示）', 'demo/supervised-visit/incident');
  const incidentProjectId = result.instanceId;
  const send = (...[event, by, key]: [Parameters<Orchestrator['send']>[1], string, string]) =>
    orchestrator.send(incidentProjectId, event, { userId: by }, key);
  result = await send(
    {
      type: 'taskCompleted',
      taskId: taskAt(result.state, 'visitPlan'),
      data: {
        visitTarget: '洪家楼北路独居老人（12户）',
        visitDate: '2026-12-01',
        supervisorTeacher: centreSupervisor,
      },
    },
    officer!,
    'demo/supervised-visit/plan',
  );
  result = await send(
    {
      type: 'taskCompleted',
      taskId: taskAt(result.state, 'supervisorReview'),
      data: { reviewNote: '走访路线合理，请提前与社区网格员对接。' },
    },
    centreSupervisor!,
    'demo/supervised-visit/review',
  );
  // The station's head (unitHead) approves; the webhook to the partner then fails in the background.
  await send(
    { type: 'approvalVoted', taskId: taskAt(result.state, 'headApproval'), vote: 'approve', comment: '同意' },
    stationHead!,
    'demo/supervised-visit/approve',
  );

  const open = await start('花园路社区困境儿童走访（演示）', 'demo/supervised-visit/open');
  return { versionId, incidentProjectId, openProjectId: open.instanceId };
}
