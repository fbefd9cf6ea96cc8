// Starting and terminating projects. Officers and supervisors start at the units they work in and
// below; supervisors terminate projects within their subtree, with a reason.
import { randomUUID } from 'node:crypto';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import type { AuditEntry } from '../http/audit-entry';
import type { Orchestrator } from '../orchestrator/orchestrator';
import { isUnitWithin, scopeRoots } from '../policy/unit-scope';
import { startableUnitRoots, startableVersion, startVariables } from './catalogue';
import { engineCall } from './engine-errors';
import { projectDetail } from './project-reads';
import type { TProjectDetail, TStartProjectRequest } from './work.types';

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

export async function cancelProject(
  db: DbClient,
  orchestrator: Orchestrator,
  caller: Caller,
  projectId: string,
  reason: string,
  idempotencyKey: string | undefined,
): Promise<Done> {
  const supervisorRoots = scopeRoots(caller, ['supervisor']);
  if (supervisorRoots.length === 0)
    throw new AppError('FORBIDDEN', 'Only supervisors terminate projects.', [], {
      detailZh: '只有督导可以终止项目',
    });
  // Then visibility: a project the caller may not see is 404.
  const before = await projectDetail(db, caller, projectId);
  if (!(await isUnitWithin(db, supervisorRoots, before.unit.id)))
    throw new AppError('FORBIDDEN', 'Only a supervisor over the project’s unit may terminate it.', [], {
      detailZh: '只有项目所属单位或上级单位的督导可以终止项目',
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
