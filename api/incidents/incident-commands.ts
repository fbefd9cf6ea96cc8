// Retrying and resolving incidents. Engine incidents go through the Orchestrator port as
// `incidentRetried` / `incidentResolved` (the same on both runtimes); a parked effect is a
// pending_effect row of the embedded scheduler: a retry queues it again, resolving marks it handled.
import { randomUUID } from 'node:crypto';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import type { AuditEntry } from '../http/audit-entry';
import type { Orchestrator } from '../orchestrator/orchestrator';
import { engineCall } from '../work/engine-errors';
import { incidentDetail } from './incident-reads';
import type { TIncident, TResolveIncidentRequest, TRetryIncidentRequest } from './incident.types';

interface Done {
  incident: TIncident;
  audit: AuditEntry;
}

/** The open incident the caller may handle: 404 outside their scope, 409 once resolved. */
async function openIncident(db: DbClient, caller: Caller, id: string): Promise<TIncident> {
  const incident = await incidentDetail(db, caller, id);
  if (incident.status === 'resolved')
    throw new AppError('INCIDENT_RESOLVED', `Incident ${id} is already resolved.`, [], {
      detailZh: `异常 ${id} 已处理`,
    });
  return incident;
}

/** The engine's id of an engine incident (`<project>.<incident-n>`). */
const engineIncidentId = (incident: TIncident) => incident.id.slice(incident.project.id.length + 1);
const effectRowId = (incident: TIncident) => incident.id.slice('effect.'.length);

/** A parked effect changes only while it is still parked; anything else lost a race with another operator. */
async function updateParkedEffect(db: DbClient, incident: TIncident, status: 'pending' | 'resolved') {
  const changed = await db.$executeRaw`UPDATE pending_effect
    SET status = ${status}::"EffectStatus", attempts = CASE WHEN ${status} = 'pending' THEN 0 ELSE attempts END,
        next_attempt_at = now(), updated_at = now()
    WHERE id = ${effectRowId(incident)}::uuid AND status = 'failed'`;
  if (changed !== 1)
    throw new AppError('INCIDENT_RESOLVED', `Incident ${incident.id} was handled meanwhile.`, [], {
      detailZh: `异常 ${incident.id} 已被他人处理`,
    });
}

function auditOf(incident: TIncident, action: AuditEntry['action'], after: unknown): AuditEntry {
  return {
    action,
    resourceType: 'incident',
    resourceId: incident.id,
    unitId: incident.unit.id,
    before: {
      kind: incident.kind,
      error: incident.error,
      attempts: incident.attempts,
      project: incident.project.id,
    },
    after,
  };
}

export async function retryIncident(
  db: DbClient,
  orchestrator: Orchestrator,
  caller: Caller,
  id: string,
  body: TRetryIncidentRequest,
  idempotencyKey: string | undefined,
): Promise<Done> {
  const incident = await openIncident(db, caller, id);
  if (incident.kind === 'effect') {
    if (body.variables !== undefined)
      throw new AppError('PROCESS_INPUT_INVALID', 'An effect is retried as it was; it reads no variables.', [
        { field: 'variables', reason: 'not for a parked effect', reasonZh: '外部操作重试时不读取流程变量' },
      ]);
    await updateParkedEffect(db, incident, 'pending');
  } else {
    await engineCall(
      () =>
        orchestrator.send(
          incident.project.id,
          {
            type: 'incidentRetried',
            incidentId: engineIncidentId(incident),
            ...(body.variables === undefined ? {} : { variables: body.variables }),
          },
          { userId: caller.userId },
          `api/${idempotencyKey ?? randomUUID()}`,
        ),
      body.variables === undefined ? '' : 'variables',
    );
  }
  return {
    incident: await incidentDetail(db, caller, id),
    audit: auditOf(incident, 'incident.retried', { variables: body.variables ?? null }),
  };
}

/** A gateway's incident names the edge to take; checked here so the 422 names the field in both languages. */
function checkEdge(incident: TIncident, edgeId: string | undefined): void {
  const gateway = incident.edges.length > 0;
  if (gateway && incident.edges.some((edge) => edge.id === edgeId)) return;
  if (!gateway && edgeId === undefined) return;
  const reason = gateway
    ? { reason: 'choose one of the gateway’s outgoing edges', reasonZh: '请选择网关的一条出口分支' }
    : { reason: 'only a gateway incident takes an edge', reasonZh: '只有网关的异常可以选择分支' };
  throw new AppError('PROCESS_INPUT_INVALID', reason.reason, [{ field: 'edgeId', ...reason }], {
    detailZh: reason.reasonZh,
  });
}

export async function resolveIncident(
  db: DbClient,
  orchestrator: Orchestrator,
  caller: Caller,
  id: string,
  body: TResolveIncidentRequest,
  idempotencyKey: string | undefined,
): Promise<Done> {
  const incident = await openIncident(db, caller, id);
  checkEdge(incident, body.edgeId);
  if (incident.kind === 'effect') await updateParkedEffect(db, incident, 'resolved');
  else
    await engineCall(() =>
      orchestrator.send(
        incident.project.id,
        {
          type: 'incidentResolved',
          incidentId: engineIncidentId(incident),
          note: body.note,
          ...(body.edgeId === undefined ? {} : { edgeId: body.edgeId }),
        },
        { userId: caller.userId },
        `api/${idempotencyKey ?? randomUUID()}`,
      ),
    );
  return {
    incident: await incidentDetail(db, caller, id),
    audit: auditOf(incident, 'incident.resolved', { note: body.note, edgeId: body.edgeId ?? null }),
  };
}
