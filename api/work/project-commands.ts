// Starting and terminating projects. Officers and supervisors start at the units they work in and
// below; supervisors terminate projects within their subtree, with a reason.
import { randomUUID } from 'node:crypto';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import type { AuditEntry } from '../http/audit-entry';
import type { Orchestrator } from '../orchestrator/orchestrator';
import { isUnitWithin, scopeRoots } from '../policy/unit-scope';
import { startableUnitRoots, startableVersion } from './catalogue';
import { engineCall } from './engine-errors';
import { assertFormData } from './form-data-check';
import { projectDetail } from './project-reads';
import { startVariables } from './start-variables';
import type { TProjectDetail, TSendEventRequest, TStartProjectRequest } from './work.types';

interface Done {
  project: TProjectDetail;
  audit: AuditEntry;
}

export async function startProject(
  db: DbClient,
  orchestrator: Orchestrator,
  caller: Caller,
  body: TStartProjectRequest,
  idempotencyKey: string | undefined,
): Promise<Done> {
  const version = await startableVersion(db, caller, body.versionId);
  const startable = new Set(startVariables(version.definition).map((variable) => variable.name));
  const ownState = Object.keys(body.input ?? {}).filter((name) => !startable.has(name));
  if (ownState.length > 0)
    throw new AppError(
      'PROCESS_INPUT_INVALID',
      'The process sets these variables itself.',
      ownState.map((name) => ({
        field: `input.${name}`,
        reason: 'set by the process itself, not when it starts',
        reasonZh: '由流程自动填写，发起时不能填写',
      })),
      { detailZh: '发起时只能填写流程的发起信息' },
    );
  const unit = await db.orgUnit.findUnique({ where: { id: body.unitId } });
  const roots = startableUnitRoots(caller, version.definition);
  if (!unit || !unit.active || !(await isUnitWithin(db, roots, unit.id)))
    throw new AppError('NOT_FOUND', 'No such unit where you may start this process.', [
      {
        field: 'unitId',
        reason: 'not a unit where you may start this process',
        reasonZh: '您不能在该单位发起此流程',
      },
    ]);
  const result = await engineCall(
    () =>
      orchestrator.start({
        versionId: body.versionId,
        unitId: body.unitId,
        title: body.title,
        input: body.input ?? {},
        actor: { userId: caller.userId },
        idempotencyKey: `api/${idempotencyKey ?? randomUUID()}`,
      }),
    'input',
  );
  return {
    project: await projectDetail(db, caller, result.instanceId),
    audit: {
      action: 'project.started',
      resourceType: 'project',
      resourceId: result.instanceId,
      unitId: body.unitId,
      after: { title: body.title, definition: version.key, version: version.version },
    },
  };
}

/**
 * The project, for a command only a supervisor over its unit may make: 403 for anyone else who may
 * see it, 404 (visibility first) for a project the caller may not see.
 */
async function supervisedProject(
  db: DbClient,
  caller: Caller,
  projectId: string,
  doing: { en: string; zh: string },
): Promise<TProjectDetail> {
  const supervisorRoots = scopeRoots(caller, ['supervisor']);
  if (supervisorRoots.length === 0)
    throw new AppError('FORBIDDEN', `Only supervisors ${doing.en}.`, [], {
      detailZh: `只有督导可以${doing.zh}`,
    });
  const project = await projectDetail(db, caller, projectId);
  if (!(await isUnitWithin(db, supervisorRoots, project.unit.id)))
    throw new AppError('FORBIDDEN', `Only a supervisor over the project’s unit may ${doing.en}.`, [], {
      detailZh: `只有项目所属单位或上级单位的督导可以${doing.zh}`,
    });
  return project;
}

export async function cancelProject(
  db: DbClient,
  orchestrator: Orchestrator,
  caller: Caller,
  projectId: string,
  reason: string,
  idempotencyKey: string | undefined,
): Promise<Done> {
  const before = await supervisedProject(db, caller, projectId, {
    en: 'terminate projects',
    zh: '终止项目',
  });
  await engineCall(() =>
    orchestrator.cancel(
      projectId,
      { userId: caller.userId },
      reason,
      `api/${idempotencyKey ?? randomUUID()}`,
    ),
  );
  return {
    project: await projectDetail(db, caller, projectId),
    audit: {
      action: 'project.cancelled',
      resourceType: 'project',
      resourceId: projectId,
      unitId: before.unit.id,
      before: { status: before.status },
      after: { reason },
    },
  };
}

/**
 * Sends a project an external event its definition declares a handler for. A payload is checked
 * against the fields the definition declares for the event, as a task's form is (422 naming
 * `payload.<field>`); without declared fields it is any JSON the handlers read as `payload`, and a
 * handler's condition that cannot read it refuses the event (422).
 */
export async function sendProjectEvent(
  db: DbClient,
  orchestrator: Orchestrator,
  caller: Caller,
  projectId: string,
  body: TSendEventRequest,
  idempotencyKey: string | undefined,
): Promise<Done> {
  const before = await supervisedProject(db, caller, projectId, {
    en: 'send events to projects',
    zh: '向项目发送事件',
  });
  const declared = before.events.find((event) => event.name === body.name);
  if (!declared)
    throw new AppError('PROCESS_INPUT_INVALID', `The process declares no event ${body.name}.`, [
      {
        field: 'name',
        reason: `not an event this process declares (${before.events.map((e) => e.name).join(', ') || 'none'})`,
        reasonZh: '该流程未声明此事件',
      },
    ]);
  if (declared.payload) assertFormData(declared.payload, body.payload ?? {}, 'payload');
  await engineCall(
    () =>
      orchestrator.send(
        projectId,
        {
          type: 'external',
          name: body.name,
          ...(body.payload === undefined ? {} : { payload: body.payload }),
        },
        { userId: caller.userId },
        `api/${idempotencyKey ?? randomUUID()}`,
      ),
    'payload',
  );
  return {
    project: await projectDetail(db, caller, projectId),
    audit: {
      action: 'project.event_sent',
      resourceType: 'project',
      resourceId: projectId,
      unitId: before.unit.id,
      before: { status: before.status },
      after: { event: body.name, reason: body.reason, payload: body.payload ?? null },
    },
  };
}
