// The authorization matrix, generated from the route table: every route × every role × every
// position of the target relative to the caller's unit (own, child, parent, sibling, another
// county), for a session and a bearer-token caller each, plus an anonymous caller. Expected
// outcomes come from each route's `expect` declaration; a route without a probe here fails.
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { randomBytes, randomUUID } from 'node:crypto';
import { apiRouteTable } from '../../api/app';
import { storagePathOf } from '../../api/attachments/attachment-storage';
import { newTokenSecret } from '../../api/auth/api-token';
import type { TRole } from '../../api/auth/auth.types';
import { hashPassword } from '../../api/auth/password';
import { createPrismaClient, type Db } from '../../api/db/prisma-client';
import { contractViolations } from '../../api/http/response-contract';
import { routeKey, type AnyRoute } from '../../api/http/route';
import type { RoleOutcome } from '../../api/policy/route-expectations';
import { publishDefinition } from '../support/runtime-fixtures';
import { contentHash, ZProcessDefinition } from '../../workflows/engine';
import type { Prisma } from '../../prisma/generated/client';
import { sessionHeaders } from './support/api-callers';
import { applicationEntryFor } from '../support/talent-entries';
import { arrangeRound, type ArrangedRound } from '../support/talent-results-fixtures';
import { startTestServer, type TestServer } from '../support/test-server';

// Thousands of requests in one test: 70–130 s alone, past 300 s when the machine's two cores also run
// browsers and other suites; the limit only guards against a hang.
jest.setTimeout(600_000);

const ROLES: TRole[] = [
  'admin',
  'officer',
  'supervisor',
  'committee_member',
  'selection_office',
  'leading_group',
];
const POSITIONS = ['own', 'child', 'parent', 'sibling', 'otherCounty'] as const;
type Position = (typeof POSITIONS)[number];
const INSIDE: readonly Position[] = ['own', 'child'];
/** A definition published twice, for the migration routes. */
const MIGRATION_KEY = 'matrix-migration';
/** Requests in flight at once: enough to overlap database waits; two cores gain nothing from more. */
const CONCURRENT_CHECKS = 4;

/** Runs the tasks, at most `limit` at a time. */
async function runAtMost(limit: number, tasks: readonly (() => Promise<void>)[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]!();
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

interface Answer {
  status: number;
  json: unknown;
  body: Buffer;
}
interface Probe {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** For lists: whether the target appears in the answer. */
  shows?: (answer: Answer) => boolean | Promise<boolean>;
  /** Sees every answer; true for a non-2xx answer that still proves the caller passed authorization. */
  accepts?: (answer: Answer) => boolean;
}
interface Caller {
  kind: 'session' | 'bearer' | 'anonymous';
  role?: TRole;
  userId?: string;
  headers(): Promise<Record<string, string>>;
}
interface Target {
  unitId: string;
  unitKind: string;
  unitName: string;
}
type ProbeBuilder = (target: Target, caller: Caller) => Probe | Promise<Probe>;

describe('authorization matrix', () => {
  let server: TestServer;
  let prisma: Db;
  const units = {} as Record<Position, Target>;
  const passwords = new Map<string, string>();
  let sequence = 0;
  const unique = (prefix: string) => `${prefix}-${++sequence}-${randomBytes(3).toString('hex')}`;

  async function unitByCode(code: string): Promise<Target> {
    const u = await prisma.orgUnit.findUniqueOrThrow({ where: { code } });
    return { unitId: u.id, unitKind: u.kind, unitName: u.name };
  }

  async function userAt(unitId: string, role: TRole = 'officer') {
    return prisma.user.create({
      data: {
        username: unique('t'),
        displayName: '矩阵目标',
        passwordHash: 'unusable',
        roles: { create: { role, unitId } },
      },
      include: { roles: true },
    });
  }

  async function tokenAt(unitId: string, role: TRole = 'officer') {
    const { secret, prefix, hash } = newTokenSecret();
    const token = await prisma.apiToken.create({
      data: {
        name: unique('token'),
        prefix,
        secretHash: hash,
        serviceUser: {
          create: {
            username: unique('svc'),
            displayName: '矩阵令牌',
            passwordHash: 'unusable',
            kind: 'service',
            roles: { create: { role, unitId } },
          },
        },
      },
    });
    return { id: token.id, secret };
  }

  /**
   * A date no probe used before, in a year the shipped table does not cover, with the kind that
   * changes it: a weekday becomes a day off, a weekend day an adjusted workday.
   */
  const calendarDays = DateTime.fromISO('2040-01-01', { zone: 'utc' });
  const freshCalendarDay = () => {
    const day = calendarDays.plus({ days: ++sequence });
    return {
      date: day.toISODate()!,
      kind: day.weekday >= 6 ? 'workday' : 'holiday',
      name: '矩阵假日',
    } as const;
  };

  const json = (a: Answer) => a.json as { items?: { id: string; username?: string }[] };
  const listHas = (id: string) => (a: Answer) => (json(a).items ?? []).some((i) => i.id === id);

  /** One probe per route, keyed by `METHOD /path`; the request aims at a target in the given unit. */
  const probes: Record<string, ProbeBuilder> = {
    'GET /health': () => ({ method: 'GET', path: '/api/health' }),
    'GET /openapi.json': () => ({ method: 'GET', path: '/api/openapi.json' }),
    'GET /docs': () => ({ method: 'GET', path: '/api/docs' }),
    'GET /docs/init.js': () => ({ method: 'GET', path: '/api/docs/init.js' }),
    'POST /auth/login': (_t, caller) => {
      const user = caller.role ? roleUsers.get(caller.role)! : roleUsers.get('officer')!;
      return {
        method: 'POST',
        path: '/api/auth/login',
        body: { username: user.username, password: passwords.get(user.id) },
      };
    },
    'POST /auth/logout': () => ({ method: 'POST', path: '/api/auth/logout' }),
    'POST /auth/logout-everywhere': () => ({ method: 'POST', path: '/api/auth/logout-everywhere' }),
    'GET /auth/me': () => ({ method: 'GET', path: '/api/auth/me' }),
    'POST /auth/change-password': (_t, caller) => {
      const userId = caller.userId ?? roleUsers.get('officer')!.id;
      const next = `Matrix-Pass-${++sequence}`;
      return {
        method: 'POST',
        path: '/api/auth/change-password',
        body: { currentPassword: passwords.get(userId), newPassword: next },
        accepts: (a) => {
          if (a.status === 204) passwords.set(userId, next);
          return a.status === 204;
        },
      };
    },
    'GET /units': (t) => ({ method: 'GET', path: '/api/units', shows: listHas(t.unitId) }),
    'GET /units/:id': (t) => ({ method: 'GET', path: `/api/units/${t.unitId}` }),
    'POST /units': (t) => ({
      method: 'POST',
      path: '/api/units',
      body: {
        code: unique('M'),
        name: '矩阵单位',
        kind: t.unitKind === 'county_center' ? 'station' : 'room',
        parentId: t.unitId,
      },
      // Nothing may sit below a room: the tier rule answers, after authorization let it through.
      accepts: (a) => t.unitKind === 'room' && a.status === 400,
    }),
    'PATCH /units/:id': (t) => ({
      method: 'PATCH',
      path: `/api/units/${t.unitId}`,
      body: { name: t.unitName },
      headers: { 'if-match': '*' },
      // The same role's other caller kind may rename the unit at the same moment; its 412 comes
      // only after the scope check let the caller through.
      accepts: (a) => a.status === 412,
    }),
    'GET /users': async (t) => {
      const user = await userAt(t.unitId);
      return { method: 'GET', path: `/api/users?q=${user.username}`, shows: listHas(user.id) };
    },
    'GET /users/:id': async (t) => ({ method: 'GET', path: `/api/users/${(await userAt(t.unitId)).id}` }),
    'POST /users': (t) => ({
      method: 'POST',
      path: '/api/users',
      body: {
        username: unique('new'),
        displayName: '新用户',
        assignments: [{ role: 'officer', unitId: t.unitId }],
      },
    }),
    'PATCH /users/:id': async (t) => ({
      method: 'PATCH',
      path: `/api/users/${(await userAt(t.unitId)).id}`,
      body: { displayName: '改名' },
      headers: { 'if-match': '*' },
    }),
    'POST /users/:id/unlock': async (t) => ({
      method: 'POST',
      path: `/api/users/${(await userAt(t.unitId)).id}/unlock`,
    }),
    'POST /users/:id/reset-password': async (t) => ({
      method: 'POST',
      path: `/api/users/${(await userAt(t.unitId)).id}/reset-password`,
    }),
    'POST /users/:id/assignments': async (t) => ({
      method: 'POST',
      path: `/api/users/${(await userAt(t.unitId)).id}/assignments`,
      body: { role: 'supervisor', unitId: t.unitId },
    }),
    'DELETE /users/:id/assignments/:assignmentId': async (t) => {
      const user = await userAt(t.unitId);
      return { method: 'DELETE', path: `/api/users/${user.id}/assignments/${user.roles[0]!.id}` };
    },
    'GET /tokens': async (t) => {
      const token = await tokenAt(t.unitId);
      return { method: 'GET', path: '/api/tokens?limit=200', shows: listHas(token.id) };
    },
    'POST /tokens': (t) => ({
      method: 'POST',
      path: '/api/tokens',
      body: { name: unique('对接'), assignments: [{ role: 'officer', unitId: t.unitId }] },
    }),
    'POST /tokens/:id/revoke': async (t) => ({
      method: 'POST',
      path: `/api/tokens/${(await tokenAt(t.unitId)).id}/revoke`,
    }),
    'GET /admin/calendar': () => ({ method: 'GET', path: '/api/admin/calendar?year=2040' }),
    'POST /admin/calendar': () => ({ method: 'POST', path: '/api/admin/calendar', body: freshCalendarDay() }),
    'DELETE /admin/calendar/:id': async () => {
      const day = freshCalendarDay();
      const row = await prisma.calendarDay.create({
        data: {
          ...day,
          date: new Date(`${day.date}T00:00:00.000Z`),
          createdById: roleUsers.get('admin')!.id,
        },
      });
      return { method: 'DELETE', path: `/api/admin/calendar/${row.id}` };
    },
    'GET /audit': async (t) => {
      const marker = await auditRowAt(t.unitId);
      return {
        method: 'GET',
        path: `/api/audit?resourceId=${marker}`,
        shows: (a) => (json(a).items ?? []).length === 1,
      };
    },
    'GET /audit/export.xlsx': async (t) => {
      const marker = await auditRowAt(t.unitId);
      return {
        method: 'GET',
        path: `/api/audit/export.xlsx?resourceId=${marker}`,
        shows: async (a) => {
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.load(a.body as unknown as ArrayBuffer);
          return workbook.worksheets[0]!.rowCount === 2;
        },
      };
    },
    'GET /processes': () => ({ method: 'GET', path: '/api/processes' }),
    'GET /projects': async (t) => {
      const { projectId } = await readableProjectAt(t);
      return { method: 'GET', path: `/api/projects?limit=200&unitId=${t.unitId}`, shows: listHas(projectId) };
    },
    'POST /projects': (t) => ({
      method: 'POST',
      path: '/api/projects',
      body: {
        versionId: lifecycleVersionId,
        unitId: t.unitId,
        title: '矩阵项目',
        input: { projectName: '矩阵项目' },
      },
    }),
    'GET /projects/:id': async (t) => ({
      method: 'GET',
      path: `/api/projects/${(await readableProjectAt(t)).projectId}`,
    }),
    'GET /projects/:id/timeline': async (t) => ({
      method: 'GET',
      path: `/api/projects/${(await readableProjectAt(t)).projectId}/timeline`,
    }),
    'GET /projects/:id/copies': async (t) => ({
      method: 'GET',
      path: `/api/projects/${(await readableProjectAt(t)).projectId}/copies`,
    }),
    // Nothing was copied to the caller: nothing is marked, but the project must be theirs to see.
    'POST /projects/:id/copies/read': async (t) => ({
      method: 'POST',
      path: `/api/projects/${(await readableProjectAt(t)).projectId}/copies/read`,
    }),
    'POST /projects/:id/cancel': async (t) => ({
      method: 'POST',
      path: `/api/projects/${(await projectAt(t)).projectId}/cancel`,
      body: { reason: '矩阵终止' },
    }),
    'GET /tasks': () => ({ method: 'GET', path: '/api/tasks' }),
    'GET /tasks/:id': async (t) => ({
      method: 'GET',
      path: `/api/tasks/${(await readableProjectAt(t)).taskId}`,
    }),
    // The target is the assessment, assigned to the officer who started the project. Commands that
    // pass authorization meet the task's own rules, which change nothing: a claim or release of a
    // task assigned to someone else (409), a form without its required fields (422), a vote or a
    // review on a form task (409).
    'POST /tasks/:id/claim': async (t) => taskCommand(t, 'claim', undefined, 409),
    'POST /tasks/:id/unclaim': async (t) => taskCommand(t, 'unclaim', undefined, 409),
    'POST /tasks/:id/complete': async (t) => taskCommand(t, 'complete', { data: {} }, 422),
    'POST /tasks/:id/vote': async (t) => taskCommand(t, 'vote', { vote: 'approve' }, 409),
    'POST /tasks/:id/review': async (t) => taskCommand(t, 'review', { scores: { quality: 80 } }, 409),
    'GET /dashboards/projects': async (t) => {
      await readableProjectAt(t);
      return {
        method: 'GET',
        path: `/api/dashboards/projects?unitId=${t.unitId}`,
        // The project started at the target unit counts in that unit's figures.
        shows: (a) => ((a.json as { totals?: { projects?: number } }).totals?.projects ?? 0) > 0,
      };
    },
    'GET /projects/export.xlsx': async (t) => {
      const { projectId } = await readableProjectAt(t);
      return {
        method: 'GET',
        path: `/api/projects/export.xlsx?unitId=${t.unitId}`,
        shows: async (a) => {
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.load(a.body as unknown as ArrayBuffer);
          return workbook.worksheets[0]!.getColumn(1).values.includes(projectId);
        },
      };
    },
    'POST /tasks/bulk-vote': async (t) => ({
      method: 'POST',
      path: '/api/tasks/bulk-vote',
      body: { taskIds: [(await readableProjectAt(t)).taskId] },
    }),
    'GET /tasks/:id/activity': async (t) => ({
      method: 'GET',
      path: `/api/tasks/${(await readableProjectAt(t)).taskId}/activity`,
    }),
    'POST /tasks/:id/reassign': async (t) =>
      taskCommand(t, 'reassign', { toUserId: NO_SUCH_PERSON, reason: '矩阵改派' }, 422),
    'POST /tasks/:id/delegate': async (t) => taskCommand(t, 'delegate', { toUserId: NO_SUCH_PERSON }, 422),
    'POST /tasks/:id/transfer': async (t) => taskCommand(t, 'transfer', { toUserId: NO_SUCH_PERSON }, 422),
    // The task was never delegated.
    'POST /tasks/:id/resolve': async (t) => taskCommand(t, 'resolve', {}, 409),
    // The assessment may return to no earlier step.
    'POST /tasks/:id/return': async (t) => taskCommand(t, 'return', { toNodeId: 'start' }, 422),
    // No such person to copy the task to.
    'POST /tasks/:id/cc': async (t) => taskCommand(t, 'cc', { userIds: [NO_SUCH_PERSON] }, 422),
    // No such person to add as a signer (and the assessment is no approval).
    'POST /tasks/:id/add-signer': async (t) =>
      taskCommand(t, 'add-signer', { toUserId: NO_SUCH_PERSON, position: 'before' }, 422),
    // The task is not completed.
    'POST /tasks/:id/take-back': async (t) => taskCommand(t, 'take-back', undefined, 409),
    // A remark adds an event to the shared project; the task itself is unchanged.
    'POST /tasks/:id/comments': async (t) => ({
      method: 'POST',
      path: `/api/tasks/${(await readableProjectAt(t)).taskId}/comments`,
      body: { comment: '矩阵留言' },
    }),
    'GET /projects/:id/attachments': async (t) => ({
      method: 'GET',
      path: `/api/projects/${(await readableProjectAt(t)).projectId}/attachments`,
    }),
    // A JSON body where the file should be: refused (415) only after the visibility check.
    'POST /projects/:id/attachments': async (t) => ({
      method: 'POST',
      path: `/api/projects/${(await readableProjectAt(t)).projectId}/attachments`,
      body: {},
      accepts: (a) => a.status === 415,
    }),
    'GET /attachments/:id': async (t) => ({
      method: 'GET',
      path: `/api/attachments/${await attachmentAt(t)}`,
    }),
    // Only the uploader deletes: a caller who sees the project is refused 403 after visibility.
    'DELETE /attachments/:id': async (t) => ({
      method: 'DELETE',
      path: `/api/attachments/${await attachmentAt(t)}`,
      accepts: (a) => a.status === 403 && (a.json as { code?: string } | undefined)?.code === 'FORBIDDEN',
    }),
    'GET /notifications': async (t, caller) => ({
      method: 'GET',
      path: '/api/notifications?limit=100',
      shows: listHas(await notificationAt(t, caller)),
    }),
    'GET /notifications/unread-count': () => ({ method: 'GET', path: '/api/notifications/unread-count' }),
    'GET /copies/mine': () => ({ method: 'GET', path: '/api/copies/mine' }),
    // Refused after authorization (400 naming Accept): no stream is held open.
    'GET /notifications/stream': () => ({
      method: 'GET',
      path: '/api/notifications/stream',
      headers: { accept: 'application/json' },
      accepts: (a) => a.status === 400,
    }),
    'POST /notifications/:id/read': async (t, caller) => ({
      method: 'POST',
      path: `/api/notifications/${await notificationAt(t, caller)}/read`,
    }),
    'POST /notifications/read-all': () => ({ method: 'POST', path: '/api/notifications/read-all' }),
    // The assessment belongs to the officer who started the project, never the caller.
    'POST /tasks/:id/urge': async (t) => ({
      method: 'POST',
      path: `/api/tasks/${(await readableProjectAt(t)).taskId}/urge`,
      body: {},
    }),
    'GET /proxies': async (t) => ({
      method: 'GET',
      path: '/api/proxies?scope=units',
      shows: listHas(await proxyPeriodAt(t)),
    }),
    'GET /proxies/candidates': () => ({ method: 'GET', path: '/api/proxies/candidates' }),
    // A fresh person away and a fresh proxy per probe, so no period overlaps another.
    'POST /proxies': async (t) => ({
      method: 'POST',
      path: '/api/proxies',
      body: {
        principalUserId: (await userAt(t.unitId)).id,
        proxyUserId: (await userAt(t.unitId)).id,
        reason: '矩阵休假',
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      },
    }),
    'POST /proxies/:id/cancel': async (t) => ({
      method: 'POST',
      path: `/api/proxies/${await proxyPeriodAt(t)}/cancel`,
    }),
    // Sending the lifecycle's declared event ends the project: a fresh one per probe.
    'POST /projects/:id/events': async (t) => ({
      method: 'POST',
      path: `/api/projects/${(await projectAt(t)).projectId}/events`,
      body: { name: 'projectTerminated', reason: '矩阵' },
    }),
    'GET /incidents': async (t) => {
      const incidentId = await incidentAt(t);
      return {
        method: 'GET',
        path: `/api/incidents?limit=200&unitId=${t.unitId}`,
        shows: listHas(incidentId),
      };
    },
    'GET /incidents/:id': async (t) => ({ method: 'GET', path: `/api/incidents/${await incidentAt(t)}` }),
    // A retry without corrections evaluates the same unset variable again: the incident stays open.
    'POST /incidents/:id/retry': async (t) => ({
      method: 'POST',
      path: `/api/incidents/${await incidentAt(t)}/retry`,
      body: {},
    }),
    // Past authorization, an edge the gateway does not have is refused (422) and changes nothing.
    'POST /incidents/:id/resolve': async (t) => ({
      method: 'POST',
      path: `/api/incidents/${await incidentAt(t)}/resolve`,
      body: { note: '矩阵', edgeId: 'no-such-edge' },
      accepts: (a) => a.status === 422,
    }),
    // Definitions are installation-wide: the target's unit plays no part.
    'POST /definitions/:key/migration-plan': () => ({
      method: 'POST',
      path: `/api/definitions/${MIGRATION_KEY}/migration-plan`,
      body: { fromVersion: 1, toVersion: 2 },
    }),
    'POST /definitions/:key/migrations': () => ({
      method: 'POST',
      path: `/api/definitions/${MIGRATION_KEY}/migrations`,
      body: { fromVersion: 1, toVersion: 2, mapping: {}, instanceIds: [randomUUID()] },
      // No such instance: the 422 names it, after authorization let the caller through.
      accepts: (a) => a.status === 422,
    }),
    'GET /talent/rounds': async (t) => {
      const { roundId } = await readableRoundAt(t);
      return { method: 'GET', path: '/api/talent/rounds?limit=200', shows: listHas(roundId) };
    },
    'POST /talent/rounds': (t) => ({
      method: 'POST',
      path: '/api/talent/rounds',
      body: { unitId: t.unitId, title: unique('矩阵批次'), ...ROUND_DATES },
    }),
    'GET /talent/rounds/:id': async (t) => ({
      method: 'GET',
      path: `/api/talent/rounds/${(await readableRoundAt(t)).roundId}`,
    }),
    'POST /talent/rounds/:id/open': async (t) => ({
      method: 'POST',
      path: `/api/talent/rounds/${await roundAt(t, 'draft')}/open`,
    }),
    'POST /talent/rounds/:id/close': async (t) => ({
      method: 'POST',
      path: `/api/talent/rounds/${await roundAt(t, 'open')}/close`,
    }),
    'GET /talent/rounds/:id/applications': async (t) => {
      const { roundId, applicationId } = await readableRoundAt(t);
      return {
        method: 'GET',
        path: `/api/talent/rounds/${roundId}/applications`,
        shows: listHas(applicationId),
      };
    },
    'POST /talent/rounds/:id/applications': async (t) => ({
      method: 'POST',
      path: `/api/talent/rounds/${(await readableRoundAt(t)).roundId}/applications`,
      body: applicationEntryFor(++talentPeople),
    }),
    'GET /talent/rounds/:id/applications/export.xlsx': async (t) => ({
      method: 'GET',
      path: `/api/talent/rounds/${(await readableRoundAt(t)).roundId}/applications/export.xlsx`,
    }),
    'GET /talent/rounds/:id/import-template.xlsx': async (t) => ({
      method: 'GET',
      path: `/api/talent/rounds/${(await readableRoundAt(t)).roundId}/import-template.xlsx`,
    }),
    // Past authorization, a request without the file is refused (400 naming the part) and imports nothing.
    'POST /talent/rounds/:id/imports': async (t) => ({
      method: 'POST',
      path: `/api/talent/rounds/${(await readableRoundAt(t)).roundId}/imports`,
      accepts: (a) =>
        a.status === 400 && ((a.json as { errors?: { field: string }[] }).errors ?? [])[0]?.field === 'file',
    }),
    'POST /talent/rounds/:id/start-screening': async (t, caller) => ({
      method: 'POST',
      path: `/api/talent/rounds/${await roundForStep(t, caller, 'awaitScreening', 'closed')}/start-screening`,
    }),
    'POST /talent/rounds/:id/confirm-screening': async (t, caller) => ({
      method: 'POST',
      path: `/api/talent/rounds/${await roundForStep(t, caller, 'confirmScreening', 'screening')}/confirm-screening`,
    }),
    'POST /talent/rounds/:id/close-review': async (t, caller) => ({
      method: 'POST',
      path: `/api/talent/rounds/${await roundForStep(t, caller, 'committeeReview', 'review')}/close-review`,
    }),
    'POST /talent/rounds/:id/end-notice': async (t, caller) => ({
      method: 'POST',
      path: `/api/talent/rounds/${await roundForStep(t, caller, 'publicNotice', 'notice')}/end-notice`,
    }),
    'GET /talent/applications/:id': async (t) => ({
      method: 'GET',
      path: `/api/talent/applications/${(await readableRoundAt(t)).applicationId}`,
    }),
    // A fresh application per probe in the unit's open round: the office's amendment changes it.
    'PATCH /talent/applications/:id': async (t) => {
      const { entry, id } = await applicationIn((await readableRoundAt(t)).roundId);
      return {
        method: 'PATCH',
        path: `/api/talent/applications/${id}`,
        body: { ...entry, employerName: '矩阵修改' },
        headers: { 'if-match': '*' },
      };
    },
    'POST /talent/applications/:id/withdraw': async (t) => ({
      method: 'POST',
      path: `/api/talent/applications/${(await applicationIn((await readableRoundAt(t)).roundId)).id}/withdraw`,
      body: { reason: '矩阵撤回' },
      headers: { 'if-match': '*' },
    }),
    'GET /talent/rounds/:id/review-assignments': async (t) => ({
      method: 'GET',
      path: `/api/talent/rounds/${(await readableRoundAt(t)).roundId}/review-assignments`,
    }),
    // A round in review without applications: nothing to assign, the answer is the empty overview.
    'POST /talent/rounds/:id/review-assignments/auto': async (t) => ({
      method: 'POST',
      path: `/api/talent/rounds/${(await reviewAt(t)).roundId}/review-assignments/auto`,
    }),
    // No such person to assign: refused (422 naming reviewerId) after the scope check.
    'POST /talent/applications/:id/reviewers': async (t) => ({
      method: 'POST',
      path: `/api/talent/applications/${(await reviewAt(t)).applicationId}/reviewers`,
      body: { reviewerId: NO_SUCH_PERSON },
      accepts: (a) => a.status === 422,
    }),
    'DELETE /talent/applications/:id/reviewers/:reviewerId': async (t) => {
      const reviewer = await userAt(t.unitId, 'committee_member');
      const { applicationId } = await reviewAt(t, reviewer.id);
      return { method: 'DELETE', path: `/api/talent/applications/${applicationId}/reviewers/${reviewer.id}` };
    },
    'GET /talent/reviews': async (t, caller) => ({
      method: 'GET',
      path: '/api/talent/reviews',
      shows: listHas(await assignedToCaller(t, caller)),
    }),
    'GET /talent/reviews/:id': async (t, caller) => ({
      method: 'GET',
      path: `/api/talent/reviews/${await assignedToCaller(t, caller)}`,
    }),
    'POST /talent/reviews/:id/draft': async (t, caller) => ({
      method: 'POST',
      path: `/api/talent/reviews/${await assignedToCaller(t, caller)}/draft`,
      body: { criteria: { performance: 50 } },
    }),
    'POST /talent/reviews/:id/submit': async (t, caller) => ({
      method: 'POST',
      path: `/api/talent/reviews/${await assignedToCaller(t, caller)}/submit`,
      body: { criteria: FULL_SHEET },
    }),
    'POST /talent/reviews/:id/conflict': async (t, caller) => ({
      method: 'POST',
      path: `/api/talent/reviews/${await assignedToCaller(t, caller)}/conflict`,
      body: { reason: '矩阵回避' },
    }),
    'GET /talent/applications/:id/attachments': async (t) => ({
      method: 'GET',
      path: `/api/talent/applications/${(await readableRoundAt(t)).applicationId}/attachments`,
    }),
    // Past authorization, a request that is not a multipart upload is refused (415) and stores nothing.
    'POST /talent/applications/:id/attachments': async (t) => ({
      method: 'POST',
      path: `/api/talent/applications/${(await readableRoundAt(t)).applicationId}/attachments`,
      accepts: (a) => a.status === 415 && (a.json as { code?: string }).code === 'UNSUPPORTED_MEDIA_TYPE',
    }),
    'GET /talent/attachments/:id': async (t) => ({
      method: 'GET',
      path: `/api/talent/attachments/${await talentDocumentAt(t)}`,
    }),
    'DELETE /talent/attachments/:id': async (t) => ({
      method: 'DELETE',
      path: `/api/talent/attachments/${await talentDocumentRowAt(t)}`,
    }),
    'GET /talent/reviews/:id/attachments': async (t, caller) => ({
      method: 'GET',
      path: `/api/talent/reviews/${(await reviewedDocumentAt(t, caller)).applicationId}/attachments`,
    }),
    'GET /talent/reviews/:id/attachments/:attachmentId': async (t, caller) => {
      const { applicationId, attachmentId } = await reviewedDocumentAt(t, caller);
      return { method: 'GET', path: `/api/talent/reviews/${applicationId}/attachments/${attachmentId}` };
    },
    'GET /talent/rounds/:id/screening-results': async (t) => ({
      method: 'GET',
      path: `/api/talent/rounds/${(await resultsRoundsAt(t)).screening.roundId}/screening-results`,
    }),
    // Past authorization, an override equal to the screening's own result is refused (400 naming result).
    'POST /talent/applications/:id/screening-override': async (t) => ({
      method: 'POST',
      path: `/api/talent/applications/${(await resultsRoundsAt(t)).screening.applications[0]!.applicationId}/screening-override`,
      body: { result: 'eligible', reason: '矩阵' },
      accepts: (a) =>
        a.status === 400 &&
        ((a.json as { errors?: { field: string }[] }).errors ?? [])[0]?.field === 'result',
    }),
    // Past authorization, there is no override to clear (409).
    'DELETE /talent/applications/:id/screening-override': async (t) => ({
      method: 'DELETE',
      path: `/api/talent/applications/${(await resultsRoundsAt(t)).screening.applications[0]!.applicationId}/screening-override`,
      accepts: (a) => a.status === 409 && (a.json as { code?: string }).code === 'CONFLICT',
    }),
    'GET /talent/rounds/:id/screening-overrides': async (t) => ({
      method: 'GET',
      path: `/api/talent/rounds/${(await resultsRoundsAt(t)).notice.roundId}/screening-overrides`,
    }),
    'GET /talent/rounds/:id/ranking-results': async (t) => ({
      method: 'GET',
      path: `/api/talent/rounds/${(await resultsRoundsAt(t)).notice.roundId}/ranking-results`,
    }),
    'GET /talent/rounds/:id/ranking-results/export.xlsx': async (t) => ({
      method: 'GET',
      path: `/api/talent/rounds/${(await resultsRoundsAt(t)).notice.roundId}/ranking-results/export.xlsx`,
    }),
    'GET /talent/leading-group/rounds': async (t) => ({
      method: 'GET',
      path: '/api/talent/leading-group/rounds?limit=200',
      shows: listHas((await resultsRoundsAt(t)).notice.roundId),
    }),
    'GET /talent/rounds/:id/objections': async (t) => ({
      method: 'GET',
      path: `/api/talent/rounds/${(await resultsRoundsAt(t)).notice.roundId}/objections`,
    }),
    'POST /talent/rounds/:id/objections': async (t) => {
      const { notice } = await resultsRoundsAt(t);
      return {
        method: 'POST',
        path: `/api/talent/rounds/${notice.roundId}/objections`,
        body: {
          applicationId: notice.applications[0]!.applicationId,
          raisedBy: '矩阵',
          content: '矩阵异议',
          receivedAt: new Date(Date.now() - 60_000).toISOString(),
        },
      };
    },
    // A fresh pending objection per probe: a decided one stays decided.
    'POST /talent/objections/:id/decision': async (t) => {
      const { notice } = await resultsRoundsAt(t);
      const objection = await prisma.talentObjection.create({
        data: {
          roundId: notice.roundId,
          applicationId: notice.applications[0]!.applicationId,
          raisedBy: '矩阵',
          content: '矩阵异议',
          receivedAt: new Date(),
          recordedById: roleUsers.get('selection_office')!.id,
        },
      });
      return {
        method: 'POST',
        path: `/api/talent/objections/${objection.id}/decision`,
        body: { decision: 'dismissed', reason: '矩阵' },
      };
    },
    'GET /talent/pool': async (t) => {
      const talentId = await talentAt(t);
      return { method: 'GET', path: '/api/talent/pool?limit=200', shows: listHas(talentId) };
    },
    'GET /talent/pool/export.xlsx': async (t) => {
      const talent = await prisma.talent.findUniqueOrThrow({
        where: { id: await talentAt(t) },
        include: { round: true },
      });
      return {
        method: 'GET',
        path: `/api/talent/pool/export.xlsx?roundId=${talent.roundId}`,
        // The rounds of other units' offices are left out of the workbook, as of the list.
        shows: async (a) => {
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.load(a.body as unknown as ArrayBuffer);
          return workbook.worksheets[0]!.getColumn(5).values.includes(talent.round.title);
        },
      };
    },
    'GET /talent/pool/:id': async (t) => ({ method: 'GET', path: `/api/talent/pool/${await talentAt(t)}` }),
    // Past authorization, a term without a running process takes no report (409) and nothing changes.
    'POST /talent/pool/:id/reports': async (t) => ({
      method: 'POST',
      path: `/api/talent/pool/${await talentAt(t)}/reports`,
      body: { kind: 'movedOutOfCity', effectiveOn: '2027-03-01' },
      accepts: (a) => a.status === 409,
    }),
    // Definitions belong to the whole installation: the target's unit plays no part. Admins get a
    // fresh definition per probe; other roles are refused before any lookup, so they name none.
    'GET /definitions': () => ({ method: 'GET', path: '/api/definitions' }),
    'POST /definitions': () => ({
      method: 'POST',
      path: '/api/definitions',
      body: { key: unique('matrix-def'), name: '矩阵流程' },
    }),
    'GET /definitions/:key/versions': async (_t, caller) => ({
      method: 'GET',
      path: `/api/definitions/${await definitionFor(caller)}/versions`,
    }),
    'GET /definitions/:key/versions/:version': async (_t, caller) => ({
      method: 'GET',
      path: `/api/definitions/${await definitionFor(caller)}/versions/1`,
    }),
    'GET /definitions/:key/versions/:version/export': async (_t, caller) => ({
      method: 'GET',
      path: `/api/definitions/${await definitionFor(caller)}/versions/1/export`,
    }),
    'GET /definitions/:key/draft': async (_t, caller) => ({
      method: 'GET',
      path: `/api/definitions/${await definitionFor(caller, { draft: true })}/draft`,
    }),
    'POST /definitions/:key/draft': async (_t, caller) => ({
      method: 'POST',
      path: `/api/definitions/${await definitionFor(caller)}/draft`,
      body: {},
    }),
    'PUT /definitions/:key/draft': async (_t, caller) => {
      const key = await definitionFor(caller, { draft: true });
      return {
        method: 'PUT',
        path: `/api/definitions/${key}/draft`,
        body: { definition: { ...MATRIX_GRAPH, key, name: '矩阵草稿' } },
        headers: { 'if-match': '*' },
      };
    },
    'DELETE /definitions/:key/draft': async (_t, caller) => ({
      method: 'DELETE',
      path: `/api/definitions/${await definitionFor(caller, { draft: true })}/draft`,
      headers: { 'if-match': '*' },
    }),
    'POST /definitions/:key/draft/publish': async (_t, caller) => ({
      method: 'POST',
      path: `/api/definitions/${await definitionFor(caller, { draft: true })}/draft/publish`,
      headers: { 'if-match': '*' },
    }),
    'GET /definitions/:key/diff': async (_t, caller) => ({
      method: 'GET',
      path: `/api/definitions/${await definitionFor(caller, { draft: true })}/diff?from=1&to=draft`,
    }),
    'POST /definitions/:key/simulate': async (_t, caller) => ({
      method: 'POST',
      path: `/api/definitions/${await definitionFor(caller)}/simulate`,
      body: { source: { version: 1 }, events: [] },
    }),
  };

  const ROUND_DATES = {
    windowStartsOn: '2026-12-01',
    windowEndsOn: '2026-12-31',
    referenceDate: '2026-12-31',
  };
  /** People numbered for valid identity numbers (tests/support/talent-entries.ts). */
  let talentPeople = 1000;
  /** A round of the target's unit in the given status, made directly (its commands are probed on their own). */
  async function roundAt(t: Target, status: 'draft' | 'open' | 'closed'): Promise<string> {
    const round = await prisma.talentRound.create({
      data: {
        unitId: t.unitId,
        title: unique('矩阵批次'),
        status,
        config: {},
        windowStartsOn: new Date(ROUND_DATES.windowStartsOn),
        windowEndsOn: new Date(ROUND_DATES.windowEndsOn),
        referenceDate: new Date(ROUND_DATES.referenceDate),
        createdById: roleUsers.get('selection_office')!.id,
      },
    });
    return round.id;
  }
  /** An application in the round, entered directly, screened eligible (review probes need that). */
  async function applicationIn(roundId: string) {
    const entry = applicationEntryFor(++talentPeople);
    const candidate = await prisma.talentCandidate.create({
      data: {
        identityNumber: entry.identityNumber,
        name: entry.name,
        gender: entry.gender,
        birthDate: new Date(entry.birthDate),
        phone: entry.phone,
      },
    });
    const dossier = await prisma.talentDossier.create({
      data: {
        candidateId: candidate.id,
        employerName: entry.employerName,
        unitType: entry.unitType,
        field: entry.field,
        socialWorkSince: new Date(entry.socialWorkSince),
        socialWorkYears: entry.socialWorkYears,
      },
    });
    const application = await prisma.talentApplication.create({
      data: {
        roundId,
        candidateId: candidate.id,
        dossierId: dossier.id,
        source: 'entered',
        screeningResult: 'eligible',
        createdById: roleUsers.get('selection_office')!.id,
      },
    });
    return { ...application, entry };
  }
  /**
   * A round of the target's unit in review (written directly: the review probes are about who may
   * act, not how a round gets there) with one eligible application assigned to `reviewerId` when given.
   */
  async function reviewAt(t: Target, reviewerId?: string) {
    const roundId = await roundAt(t, 'open');
    await prisma.talentRound.update({ where: { id: roundId }, data: { status: 'review' } });
    const application = await applicationIn(roundId);
    if (reviewerId)
      await prisma.talentReviewerAssignment.create({
        data: {
          applicationId: application.id,
          reviewerId,
          automatic: false,
          assignedById: roleUsers.get('selection_office')!.id,
        },
      });
    return { roundId, applicationId: application.id };
  }
  /** An application assigned to the caller (a committee member of the matrix, for callers without a person). */
  const assignedToCaller = async (t: Target, caller: Caller) =>
    (await reviewAt(t, caller.userId ?? roleUsers.get('committee_member')!.id)).applicationId;
  const FULL_SHEET = { performance: 90, competence: 80, innovation: 70, ethics: 60 };

  /** The office steps of the round process, in order, up to the public notice. */
  const OFFICE_STEPS = [
    'awaitScreening',
    'confirmScreening',
    'committeeReview',
    'officeConfirmation',
    'publicNotice',
  ] as const;
  async function openTaskAt(instanceId: string, nodeId: string) {
    for (let waited = 0; waited < 15_000; waited += 50) {
      const task = await prisma.task.findFirst({ where: { instanceId, nodeId, status: 'open' } });
      if (task) return task;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no open task at ${nodeId} of round ${instanceId}`);
  }
  /**
   * A round of the target's unit, without applications, whose process waits at `nodeId` with the
   * round in `status`: driven there by an office member of the unit (the scheduler runs the
   * actions). Only the selection office gets past authorization, so only its probes need one.
   */
  async function roundForStep(
    t: Target,
    caller: Caller,
    nodeId: (typeof OFFICE_STEPS)[number],
    status: 'closed' | 'screening' | 'review' | 'notice',
  ): Promise<string> {
    const roundId = await roundAt(t, 'closed');
    if (caller.role !== 'selection_office') return roundId;
    const office = await userAt(t.unitId, 'selection_office');
    const actor = { userId: office.id };
    await server.orchestrator.start({
      instanceId: roundId,
      versionId: roundVersionId,
      unitId: t.unitId,
      title: '矩阵批次',
      input: { roundId, roundName: '矩阵批次' },
      actor,
      idempotencyKey: unique('matrix-round'),
    });
    await prisma.talentRound.update({ where: { id: roundId }, data: { instanceId: roundId } });
    for (const step of OFFICE_STEPS) {
      const task = await openTaskAt(roundId, step);
      if (step === nodeId) break;
      // rankAndAllocate runs on a round in ranking, as closing the review leaves it.
      if (step === 'committeeReview')
        await prisma.talentRound.update({ where: { id: roundId }, data: { status: 'ranking' } });
      const event =
        task.kind === 'approval'
          ? ({ type: 'approvalVoted', taskId: task.engineTaskId, vote: 'approve' } as const)
          : ({ type: 'taskCompleted', taskId: task.engineTaskId, data: {} } as const);
      await server.orchestrator.send(roundId, event, actor, unique('matrix-step'));
    }
    // A notice the process started has run its working days by the time the probe ends it.
    await prisma.talentRound.update({
      where: { id: roundId },
      data: { status, ...(status === 'notice' ? { noticeEndsOn: new Date('2026-01-02') } : {}) },
    });
    return roundId;
  }
  /** Reads and refused commands change nothing, so one open round with one application per unit serves them. */
  const readableRounds = new Map<string, Promise<{ roundId: string; applicationId: string }>>();
  function readableRoundAt(t: Target) {
    if (!readableRounds.has(t.unitId))
      readableRounds.set(
        t.unitId,
        (async () => {
          const roundId = await roundAt(t, 'open');
          const application = await applicationIn(roundId);
          return { roundId, applicationId: application.id };
        })(),
      );
    return readableRounds.get(t.unitId)!;
  }

  /**
   * Per unit, a round in screening with one screened application and one in the public notice with
   * one selected candidate (tests/support/talent-results-fixtures.ts); reads and refused commands
   * change neither.
   */
  const resultsRounds = new Map<string, Promise<{ screening: ArrangedRound; notice: ArrangedRound }>>();
  function resultsRoundsAt(t: Target) {
    if (!resultsRounds.has(t.unitId))
      resultsRounds.set(
        t.unitId,
        (async () => {
          const common = { unitId: t.unitId, createdById: roleUsers.get('selection_office')!.id };
          const screening = await arrangeRound(prisma, {
            ...common,
            title: unique('矩阵审查'),
            status: 'screening',
            people: [{ n: ++talentPeople }],
          });
          const notice = await arrangeRound(prisma, {
            ...common,
            title: unique('矩阵公示'),
            status: 'notice',
            ranked: true,
            people: [{ n: ++talentPeople, score: 80 }],
          });
          return { screening, notice };
        })(),
      );
    return resultsRounds.get(t.unitId)!;
  }

  /** A talent published from the target unit's readable round, with a term whose process never started. */
  const talentsByUnit = new Map<string, Promise<string>>();
  function talentAt(t: Target): Promise<string> {
    if (!talentsByUnit.has(t.unitId))
      talentsByUnit.set(
        t.unitId,
        (async () => {
          const { roundId, applicationId } = await readableRoundAt(t);
          const application = await prisma.talentApplication.findUniqueOrThrow({
            where: { id: applicationId },
          });
          const talent = await prisma.talent.create({
            data: { candidateId: application.candidateId, roundId, applicationId, publishedAt: new Date() },
          });
          await prisma.talentTerm.create({
            data: {
              talentId: talent.id,
              startsOn: new Date('2027-01-01'),
              endsOn: new Date('2031-01-01'),
              monthlyAmountYuan: 1000,
            },
          });
          return talent.id;
        })(),
      );
    return talentsByUnit.get(t.unitId)!;
  }

  /** An upcoming proxy period, set by a person of the target's unit for themself. */
  async function proxyPeriodAt(t: Target): Promise<string> {
    const [principal, proxy] = [await userAt(t.unitId), await userAt(t.unitId)];
    const period = await prisma.proxyPeriod.create({
      data: {
        principalId: principal.id,
        proxyId: proxy.id,
        createdById: principal.id,
        reason: '矩阵休假',
        startsAt: new Date(Date.now() + 86_400_000),
        endsAt: new Date(Date.now() + 2 * 86_400_000),
      },
    });
    return period.id;
  }

  /** One project per unit whose gateway cannot read an unset variable: it holds an open condition incident. */
  const incidentsByUnit = new Map<string, Promise<string>>();
  function incidentAt(t: Target): Promise<string> {
    if (!incidentsByUnit.has(t.unitId))
      incidentsByUnit.set(
        t.unitId,
        (async () => {
          const starter = await userAt(t.unitId);
          const { instanceId } = await server.orchestrator.start({
            versionId: incidentVersionId,
            unitId: t.unitId,
            title: unique('矩阵异常'),
            input: {},
            actor: { userId: starter.id },
            idempotencyKey: unique('matrix-incident'),
          });
          return `${instanceId}.incident-1`;
        })(),
      );
    return incidentsByUnit.get(t.unitId)!;
  }

  /** A lifecycle project started at the target's unit by an officer there; it waits at the assessment. */
  async function projectAt(t: Target): Promise<{ projectId: string; taskId: string }> {
    const starter = await userAt(t.unitId);
    const { instanceId } = await server.orchestrator.start({
      versionId: lifecycleVersionId,
      unitId: t.unitId,
      title: unique('矩阵项目'),
      input: { projectName: '矩阵项目' },
      actor: { userId: starter.id },
      idempotencyKey: unique('matrix-start'),
    });
    const task = await prisma.task.findFirstOrThrow({ where: { instanceId, nodeId: 'assess' } });
    return { projectId: instanceId, taskId: task.id };
  }

  /** A well-formed user id that names no one: hand-overs to it are refused (422) after authorization. */
  const NO_SUCH_PERSON = '00000000-0000-4000-8000-000000000000';

  /** Reads and refused commands change nothing, so one project per unit serves them all. */
  const readable = new Map<string, Promise<{ projectId: string; taskId: string }>>();
  function readableProjectAt(t: Target) {
    if (!readable.has(t.unitId)) readable.set(t.unitId, projectAt(t));
    return readable.get(t.unitId)!;
  }

  async function taskCommand(t: Target, action: string, body: unknown, refusedWith: number): Promise<Probe> {
    const { taskId } = await readableProjectAt(t);
    return {
      method: 'POST',
      path: `/api/tasks/${taskId}/${action}`,
      body,
      accepts: (a) => a.status === refusedWith,
    };
  }

  /** A PDF uploaded to `path` by a new user of the role at the unit; the stored attachment's id. */
  async function uploadedPdf(unitId: string, role: TRole, path: string): Promise<string> {
    const uploader = await userAt(unitId, role);
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')]), 'matrix.pdf');
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: await sessionHeaders(prisma, uploader.id),
      body: form,
    });
    if (res.status !== 201) throw new Error(`matrix upload answered ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  }

  /** A PDF uploaded to the target unit's readable project by an officer there. */
  const attachmentsByUnit = new Map<string, Promise<string>>();
  function attachmentAt(t: Target): Promise<string> {
    if (!attachmentsByUnit.has(t.unitId))
      attachmentsByUnit.set(
        t.unitId,
        (async () =>
          uploadedPdf(
            t.unitId,
            'officer',
            `/api/projects/${(await readableProjectAt(t)).projectId}/attachments`,
          ))(),
      );
    return attachmentsByUnit.get(t.unitId)!;
  }

  /** A PDF uploaded by an office member there to the application of the target unit's readable round. */
  const talentDocumentsByUnit = new Map<string, Promise<string>>();
  function talentDocumentAt(t: Target): Promise<string> {
    if (!talentDocumentsByUnit.has(t.unitId))
      talentDocumentsByUnit.set(
        t.unitId,
        (async () => {
          const { applicationId } = await readableRoundAt(t);
          return uploadedPdf(
            t.unitId,
            'selection_office',
            `/api/talent/applications/${applicationId}/attachments`,
          );
        })(),
      );
    return talentDocumentsByUnit.get(t.unitId)!;
  }

  /** A document row of the readable round's application, fresh for each probe that deletes it (no bytes needed). */
  async function talentDocumentRowAt(t: Target): Promise<string> {
    const { applicationId } = await readableRoundAt(t);
    const id = randomUUID();
    await prisma.attachment.create({
      data: {
        id,
        talentApplicationId: applicationId,
        uploadedById: roleUsers.get('selection_office')!.id,
        filename: 'matrix.pdf',
        contentType: 'application/pdf',
        sizeBytes: 15,
        sha256: '0'.repeat(64),
        storagePath: storagePathOf(id),
      },
    });
    return id;
  }

  /**
   * An application of an open round of the target's unit, not reviewed blind, assigned to the caller
   * (a committee member of the matrix, for callers without a person), with one document.
   */
  async function reviewedDocumentAt(t: Target, caller: Caller) {
    const roundId = await roundAt(t, 'open');
    await prisma.talentRound.update({
      where: { id: roundId },
      data: { config: { review: { blindPhase: false } } },
    });
    const application = await applicationIn(roundId);
    await prisma.talentReviewerAssignment.create({
      data: {
        applicationId: application.id,
        reviewerId: caller.userId ?? roleUsers.get('committee_member')!.id,
        automatic: false,
        assignedById: roleUsers.get('selection_office')!.id,
      },
    });
    const attachmentId = await uploadedPdf(
      t.unitId,
      'selection_office',
      `/api/talent/applications/${application.id}/attachments`,
    );
    return { applicationId: application.id, attachmentId };
  }

  /** A notification on the target unit's project to the caller's role at the target's unit, reaching it and the units above. */
  async function notificationAt(t: Target, caller: Caller): Promise<string> {
    const { projectId } = await readableProjectAt(t);
    const row = await prisma.notification.create({
      data: {
        idempotencyKey: unique('matrix-notice'),
        instanceId: projectId,
        recipientRole: caller.role ?? 'officer',
        recipientUnitId: t.unitId,
        template: 'matrix.probe',
        payload: { recipientScope: 'unitOrAncestors' },
      },
    });
    return row.id;
  }

  async function auditRowAt(unitId: string): Promise<string> {
    const marker = unique('probe');
    await prisma.auditLog.create({
      data: { action: 'matrix.probe', resourceType: 'probe', resourceId: marker, unitId },
    });
    return marker;
  }

  const roleUsers = new Map<TRole, { id: string; username: string }>();
  let lifecycleVersionId = '';
  let incidentVersionId = '';
  let roundVersionId = '';
  const roleTokens = new Map<TRole, string>();
  let clientAddress = 0;

  /** The smallest valid process: a start joined to an end. */
  const MATRIX_GRAPH = {
    key: 'matrix-graph',
    name: '矩阵流程',
    nodes: [
      { id: 'start', kind: 'start', name: '开始' },
      { id: 'end', kind: 'end', name: '结束' },
    ],
    edges: [{ id: 'start-end', from: 'start', to: 'end' }],
  };
  /** For an admin, a fresh definition with version 1 published (and a draft if asked); for others, a key of none. */
  async function definitionFor(caller: Caller, { draft = false } = {}): Promise<string> {
    if (caller.role !== 'admin') return 'matrix-no-definition';
    const key = unique('matrix-def');
    const graph = ZProcessDefinition.parse({ ...MATRIX_GRAPH, key });
    // A parsed definition is plain JSON data.
    const version = { graph: graph as unknown as Prisma.InputJsonValue, contentHash: contentHash(graph) };
    await prisma.processDefinition.create({
      data: {
        key,
        name: graph.name,
        versions: {
          create: [
            { ...version, version: 1, status: 'published', publishedAt: new Date() },
            ...(draft ? [{ ...version, version: 2, status: 'draft' as const, revision: 1 }] : []),
          ],
        },
      },
    });
    return key;
  }

  async function send(caller: Caller, probe: Probe): Promise<Answer> {
    clientAddress++;
    const response = await fetch(`${server.url}${probe.path}`, {
      method: probe.method,
      headers: {
        ...(probe.body === undefined ? {} : { 'content-type': 'application/json' }),
        // A new client address per request keeps the per-address sign-in limit out of the way.
        'x-forwarded-for': `10.${(clientAddress >> 16) & 255}.${(clientAddress >> 8) & 255}.${clientAddress & 255}`,
        ...(await caller.headers()),
        ...probe.headers,
      },
      ...(probe.body === undefined ? {} : { body: JSON.stringify(probe.body) }),
    });
    const body = Buffer.from(await response.arrayBuffer());
    const isJson = /json/.test(response.headers.get('content-type') ?? '') && body.length > 0;
    return { status: response.status, json: isJson ? JSON.parse(body.toString('utf8')) : undefined, body };
  }

  function sessionCaller(role: TRole): Caller {
    const user = roleUsers.get(role)!;
    return {
      kind: 'session',
      role,
      userId: user.id,
      // A fresh session per request: logout probes end the one they used.
      headers: () => sessionHeaders(prisma, user.id),
    };
  }

  function bearerCaller(role: TRole): Caller {
    return {
      kind: 'bearer',
      role,
      headers: () => Promise.resolve({ authorization: `Bearer ${roleTokens.get(role)!}` }),
    };
  }

  const anonymous: Caller = {
    kind: 'anonymous',
    headers: () => Promise.resolve({ 'x-requested-with': 'shegong-flow' }),
  };

  beforeAll(async () => {
    server = await startTestServer();
    prisma = createPrismaClient(server.databaseUrl, 4);
    const other = await prisma.orgUnit.create({
      data: { code: 'OC', name: '另一个县指导中心', kind: 'county_center' },
    });
    await prisma.orgUnit.create({
      data: { code: 'OC-S', name: '另一个县服务站', kind: 'station', parentId: other.id },
    });
    units.own = await unitByCode('LC-HJL');
    units.child = await unitByCode('LC-HJL-01');
    units.parent = await unitByCode('LC');
    units.sibling = await unitByCode('LC-TY');
    units.otherCounty = await unitByCode('OC-S');
    const lifecycle = await prisma.processDefinitionVersion.findFirstOrThrow({
      where: { status: 'published', definition: { key: 'project-lifecycle' } },
      orderBy: { version: 'desc' },
    });
    lifecycleVersionId = lifecycle.id;
    roundVersionId = (
      await prisma.processDefinitionVersion.findFirstOrThrow({
        where: { status: 'published', definition: { key: 'talent-selection-round' } },
        orderBy: { version: 'desc' },
      })
    ).id;
    incidentVersionId = await publishDefinition(server.databaseUrl, {
      key: 'matrix-incident',
      name: '矩阵异常',
      variables: [{ name: 'score', type: 'number' }],
      nodes: [
        { id: 'start', kind: 'start', name: '开始' },
        { id: 'choose', kind: 'gateway', name: '选择' },
        { id: 'high', kind: 'end', name: '高' },
        { id: 'low', kind: 'end', name: '低' },
      ],
      edges: [
        { id: 'a', from: 'start', to: 'choose' },
        { id: 'toHigh', from: 'choose', to: 'high', condition: 'score >= 60' },
        { id: 'toLow', from: 'choose', to: 'low', default: true },
      ],
    });
    for (const version of [1, 2])
      await publishDefinition(server.databaseUrl, {
        key: MIGRATION_KEY,
        name: `矩阵迁移 v${version}`,
        nodes: [
          { id: 'start', kind: 'start', name: '开始' },
          { id: 'end', kind: 'end', name: '结束' },
        ],
        edges: [{ id: 'a', from: 'start', to: 'end' }],
      });
    for (const role of ROLES) {
      const password = `Matrix-Start-${role}`;
      const user = await prisma.user.create({
        data: {
          username: `matrix-${role.replace(/_/g, '-')}`,
          displayName: `矩阵 ${role}`,
          passwordHash: await hashPassword(password),
          roles: { create: { role, unitId: units.own.unitId } },
        },
      });
      roleUsers.set(role, user);
      passwords.set(user.id, password);
      roleTokens.set(role, (await tokenAt(units.own.unitId, role)).secret);
    }
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await server.close();
  });

  const routes: AnyRoute[] = apiRouteTable({
    prisma: undefined as unknown as Db,
    config: { sessionTtlHours: 1, cookieSecure: false, webDistDir: '', dataDir: '' },
    health: { runtime: 'embedded', version: '0', databaseKind: 'external' },
  });

  it('has a probe for every route and none for a route that is gone', () => {
    const keys = routes.map(routeKey);
    expect(keys.filter((key) => !probes[key])).toEqual([]);
    expect(Object.keys(probes).filter((key) => !keys.includes(key))).toEqual([]);
  });

  it('answers every route × role × position × caller kind as declared', async () => {
    const failures: string[] = [];
    let checks = 0;
    const check = async (
      route: AnyRoute,
      caller: Caller,
      position: Position,
      expected: 'ok' | 'hidden' | 'forbidden' | 'unauthenticated',
    ) => {
      const build = probes[routeKey(route)];
      if (!build) return;
      const probe = await build(units[position], caller);
      const answer = await send(caller, probe);
      checks++;
      const accepted = probe.accepts?.(answer) ?? false;
      const success = (answer.status >= 200 && answer.status < 300) || accepted;
      let actual: string;
      if (accepted) actual = 'ok';
      else if (answer.status === 401) actual = 'unauthenticated';
      else if (answer.status === 403) actual = 'forbidden';
      else if (answer.status === 404) actual = 'hidden';
      else if (success && probe.shows) actual = (await probe.shows(answer)) ? 'ok' : 'hidden';
      else if (success) actual = 'ok';
      else actual = `status ${answer.status} ${JSON.stringify(answer.json)}`;
      if (actual !== expected) {
        failures.push(
          `${routeKey(route)} ${caller.kind} ${caller.role ?? ''} @${position}: expected ${expected}, got ${actual}`,
        );
      }
    };
    const expectedFor = (outcome: RoleOutcome, position: Position) =>
      outcome === 'forbidden'
        ? 'forbidden'
        : outcome === 'hidden'
          ? 'hidden'
          : outcome === 'allow' || INSIDE.includes(position)
            ? 'ok'
            : 'hidden';

    const started = Date.now();
    for (const route of routes) {
      await check(route, anonymous, 'own', route.expect.anonymous === 'allow' ? 'ok' : 'unauthenticated');
      for (const position of POSITIONS) {
        // Each user appears once per position, so these may run side by side: logout-everywhere and
        // change-password of one user would end or outdate that user's other request.
        await runAtMost(
          CONCURRENT_CHECKS,
          ROLES.flatMap((role) => {
            const outcome = route.expect.roles[role];
            return [
              () => check(route, sessionCaller(role), position, expectedFor(outcome, position)),
              () =>
                check(
                  route,
                  bearerCaller(role),
                  position,
                  route.expect.bearer === 'forbidden' ? 'forbidden' : expectedFor(outcome, position),
                ),
            ];
          }),
        );
      }
    }
    console.log(
      `authorization matrix: ${routes.length} routes × ${ROLES.length} roles × ${POSITIONS.length} positions ` +
        `(${routes.length * ROLES.length * POSITIONS.length}) × 2 caller kinds (session, bearer) + ` +
        `${routes.length} anonymous = ${checks} checks in ${((Date.now() - started) / 1000).toFixed(1)} s, ` +
        `${failures.length} failures`,
    );
    expect(failures).toEqual([]);
    expect(checks).toBe(routes.length * (ROLES.length * POSITIONS.length * 2 + 1));
    expect(contractViolations).toEqual([]);
  });
});
