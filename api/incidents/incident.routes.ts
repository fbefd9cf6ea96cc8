// The incidents API: supervisors (over their subtree) and admins (everywhere) list the conditions
// that could not decide, the actions that failed and the effects that were parked, and retry or
// resolve them (docs/incidents-and-events.md).
import type { Db } from '../db/prisma-client';
import { readIdempotencyKey } from '../http/idempotency';
import { defineRoute } from '../http/route';
import type { Orchestrator } from '../orchestrator/orchestrator';
import { expectIncidentOperators } from '../policy/route-expectations';
import { resolveIncident, retryIncident } from './incident-commands';
import { incidentDetail, listIncidents } from './incident-reads';
import {
  ZIncident,
  ZIncidentListQuery,
  ZIncidentPage,
  ZIncidentParams,
  ZResolveIncidentRequest,
  ZRetryIncidentRequest,
} from './incident.types';

const operators = { kind: 'signedIn' } as const;

export function incidentRoutes(prisma: Db, orchestrator: Orchestrator | undefined) {
  const command = {
    tag: 'incidents',
    access: operators,
    expect: expectIncidentOperators,
    idempotent: true,
    params: ZIncidentParams,
  } as const;
  const runtime = () => {
    if (!orchestrator) throw new Error('This route table was built without an orchestrator.');
    return orchestrator;
  };
  return [
    defineRoute({
      method: 'get',
      path: '/incidents',
      tag: 'incidents',
      summary: 'Incidents of the projects the caller operates: failed conditions and actions, parked effects',
      access: operators,
      expect: expectIncidentOperators,
      query: ZIncidentListQuery,
      responses: { 200: { description: 'One page, newest first', schema: ZIncidentPage } },
      handle: async ({ caller, query }) => ({
        status: 200,
        body: await listIncidents(prisma, caller, query),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/incidents/:id',
      tag: 'incidents',
      summary: 'One incident',
      access: operators,
      expect: expectIncidentOperators,
      params: ZIncidentParams,
      responses: { 200: { description: 'The incident', schema: ZIncident } },
      handle: async ({ caller, params }) => ({
        status: 200,
        body: await incidentDetail(prisma, caller, params.id),
      }),
    }),
    defineRoute({
      ...command,
      method: 'post',
      path: '/incidents/:id/retry',
      summary:
        'Retry: re-evaluate the node (after the variable corrections sent), run the action or effect again',
      body: ZRetryIncidentRequest,
      responses: { 200: { description: 'The incident after the retry', schema: ZIncident } },
      handle: async ({ db, caller, params, body, req }) => {
        const done = await retryIncident(db, runtime(), caller, params.id, body, readIdempotencyKey(req));
        return { status: 200, body: done.incident, audit: done.audit };
      },
    }),
    defineRoute({
      ...command,
      method: 'post',
      path: '/incidents/:id/resolve',
      summary: 'Resolve by hand with a note: the path moves on (or the parked effect counts as handled)',
      body: ZResolveIncidentRequest,
      responses: { 200: { description: 'The incident, resolved', schema: ZIncident } },
      handle: async ({ db, caller, params, body, req }) => {
        const done = await resolveIncident(db, runtime(), caller, params.id, body, readIdempotencyKey(req));
        return { status: 200, body: done.incident, audit: done.audit };
      },
    }),
  ];
}
