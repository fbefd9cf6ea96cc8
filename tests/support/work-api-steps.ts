// Steps the journeys take through the HTTP API where the browser part is covered elsewhere: people
// the demo county lacks (made by the admin, as an admin would), and a lifecycle project brought to
// 实施 (the UI path up to there is tests/e2e/project-lifecycle-journey.test.ts).
import { randomBytes } from 'node:crypto';
import { apiAgent, type TestServer } from './test-server';

export type ApiCall = ReturnType<typeof apiAgent>;

export interface Login {
  username: string;
  password: string;
}

export function demoLogin(server: TestServer, username: string): Login {
  const login = server.demoLogins.find((candidate) => candidate.username === username);
  if (!login) throw new Error(`no demo login ${username}`);
  return { username: login.username, password: login.password };
}

export async function signInApi(server: TestServer, login: Login): Promise<ApiCall> {
  const call = apiAgent(server.url);
  const res = await call('POST', '/api/auth/login', login);
  if (res.status !== 200) throw new Error(`sign-in of ${login.username} failed: ${res.status} ${res.text}`);
  return call;
}

/** Fails the step with the server's answer unless it has the expected status. */
async function expectStatus(
  answer: Promise<Awaited<ReturnType<ApiCall>>>,
  status: number,
  what: string,
): Promise<Awaited<ReturnType<ApiCall>>> {
  const res = await answer;
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${res.text}`);
  return res;
}

export async function unitIdOf(call: ApiCall, code: string): Promise<string> {
  const units = await expectStatus(call('GET', '/api/units'), 200, 'list units');
  const unit = (units.json!.items as { id: string; code: string }[]).find((item) => item.code === code);
  if (!unit) throw new Error(`no unit ${code}`);
  return unit.id;
}

/**
 * The demo admin creates a person holding `role` at the unit `unitCode`; the person then replaces
 * the one-time password, as the first sign-in requires, so the browser can sign in straight away.
 */
export async function addPerson(
  server: TestServer,
  person: { username: string; displayName: string; role: string; unitCode: string },
): Promise<Login> {
  const admin = await signInApi(server, demoLogin(server, 'admin'));
  const unitId = await unitIdOf(admin, person.unitCode);
  const created = await expectStatus(
    admin('POST', '/api/users', {
      username: person.username,
      displayName: person.displayName,
      assignments: [{ role: person.role, unitId }],
    }),
    201,
    `create ${person.username}`,
  );
  const oneTime = created.json!.oneTimePassword as string;
  const password = `Sgf#${randomBytes(8).toString('hex')}`;
  const self = await signInApi(server, { username: person.username, password: oneTime });
  await expectStatus(
    self('POST', '/api/auth/change-password', { currentPassword: oneTime, newPassword: password }),
    204,
    `first password of ${person.username}`,
  );
  return { username: person.username, password };
}

/** The open task of a node on the project, as the project page lists it. */
async function openTaskId(call: ApiCall, projectId: string, nodeId: string): Promise<string> {
  const project = await expectStatus(call('GET', `/api/projects/${projectId}`), 200, 'read project');
  const task = (project.json!.tasks as { id: string; nodeId: string; status: string }[]).find(
    (candidate) => candidate.nodeId === nodeId && candidate.status === 'open',
  );
  if (!task) throw new Error(`project ${projectId} has no open ${nodeId}`);
  return task.id;
}

/** The demo officer starts a lifecycle project at the station: its assessment (项目预估) waits for her. */
export async function lifecycleProjectAtAssessment(server: TestServer, title: string): Promise<string> {
  const officer = await signInApi(server, demoLogin(server, 'shegong'));
  const catalogue = await expectStatus(officer('GET', '/api/processes'), 200, 'process catalogue');
  const lifecycle = (catalogue.json!.items as { key: string; versionId: string }[]).find(
    (item) => item.key === 'project-lifecycle',
  );
  if (!lifecycle) throw new Error('the officer cannot start the lifecycle');
  const started = await expectStatus(
    officer('POST', '/api/projects', {
      versionId: lifecycle.versionId,
      unitId: await unitIdOf(officer, 'LC-HJL'),
      title,
      input: { projectName: title },
    }),
    201,
    'start project',
  );
  return started.json!.id as string;
}

/** The demo officer starts a lifecycle project at the station and submits its assessment: it waits for the station head. */
export async function lifecycleProjectAtHeadApproval(server: TestServer, title: string): Promise<string> {
  const projectId = await lifecycleProjectAtAssessment(server, title);
  const officer = await signInApi(server, demoLogin(server, 'shegong'));
  await completeAs(officer, projectId, 'assess', {
    targetGroup: '辖区独居、空巢老人和留守儿童',
    serviceDomain: '为老服务',
    needsSummary: '走访 120 户，独居老人助餐与儿童课后照护需求突出。',
  });
  return projectId;
}

const completeAs = async (call: ApiCall, projectId: string, nodeId: string, data: Record<string, unknown>) =>
  expectStatus(
    call('POST', `/api/tasks/${await openTaskId(call, projectId, nodeId)}/complete`, { data }),
    200,
    `complete ${nodeId}`,
  );

/** One approval vote of `approve`, by whoever `call` signs in as, on the node's open task. */
export async function approveAs(call: ApiCall, projectId: string, nodeId: string, comment: string) {
  return expectStatus(
    call('POST', `/api/tasks/${await openTaskId(call, projectId, nodeId)}/vote`, {
      vote: 'approve',
      comment,
    }),
    200,
    `approve ${nodeId}`,
  );
}

/** The plan the demo officer submits for a lifecycle project (项目计划). */
export const LIFECYCLE_PLAN = {
  objectives: '为 60 名独居老人提供助餐，为 40 名儿童提供课后照护。',
  activities: [{ title: '重阳节敬老活动', plannedDate: '2026-12-01', participants: 60 }],
  budgetYuan: 12000,
  indicators: [{ indicator: '助餐服务人次', target: 2400, unit: '人次' }],
};

/**
 * The demo officer starts a lifecycle project at the station; the assessment, the station head's
 * approval and the plan follow through the API: it waits for the centre's approval.
 */
export async function lifecycleProjectAtCentreApproval(server: TestServer, title: string): Promise<string> {
  const projectId = await lifecycleProjectAtHeadApproval(server, title);
  const officer = await signInApi(server, demoLogin(server, 'shegong'));
  const head = await signInApi(server, demoLogin(server, 'zhanzhang'));
  await approveAs(head, projectId, 'headApproval', '需求清楚，同意进入计划阶段。');
  await completeAs(officer, projectId, 'plan', LIFECYCLE_PLAN);
  return projectId;
}

/** As lifecycleProjectAtCentreApproval, and the centre approves: the project is at 实施. */
export async function lifecycleProjectAtImplementation(server: TestServer, title: string): Promise<string> {
  const projectId = await lifecycleProjectAtCentreApproval(server, title);
  const centre = await signInApi(server, demoLogin(server, 'zhongxin'));
  await approveAs(centre, projectId, 'centreApproval', '计划可行，同意实施。');
  return projectId;
}
