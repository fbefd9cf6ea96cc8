// Contracts of the incidents API: what an operator sees of a held process and what they send to
// retry or resolve it. The web's incidents page and the project page import these.
import { z } from 'zod';
import { ZId, ZShortText } from '../admin/common.types';
import { ZPageQuery, pageOf } from '../http/pagination';
import { ZUnitRef } from '../work/work.types';

/**
 * condition: a condition could not decide a route; action: an action failed with no error edge;
 * effect: an outside effect (a notification, a child's start, an event to another instance) that
 * kept failing and was parked by the embedded runtime's scheduler.
 */
export const ZIncidentKind = z.enum(['condition', 'action', 'effect']);
export type TIncidentKind = z.infer<typeof ZIncidentKind>;

/** `<project id>.<engine incident id>` or `effect.<pending effect id>`. */
export const ZIncidentId = z
  .string()
  .regex(
    /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\.incident-\d{1,9}$|^effect\.[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i,
    'not an incident id',
  );

export const ZIncidentParams = z.object({ id: ZIncidentId });

export const ZIncidentListQuery = ZPageQuery.extend({
  /** Only incidents of projects at this unit and the units below it. */
  unitId: ZId.optional(),
  definitionKey: z.string().max(100).optional(),
  /** Only this project's incidents (the project page). */
  projectId: ZId.optional(),
  kind: ZIncidentKind.optional(),
  status: z.enum(['open', 'resolved']).default('open'),
});
export type TIncidentListQuery = z.input<typeof ZIncidentListQuery>;

export const ZIncident = z
  .object({
    id: z.string(),
    kind: ZIncidentKind,
    status: z.enum(['open', 'resolved']),
    project: z.object({ id: z.string(), title: z.string(), status: z.string() }),
    unit: ZUnitRef,
    definitionKey: z.string(),
    definitionName: z.string(),
    /** The node the token waits at; null for an effect that belongs to no node. */
    nodeId: z.string().nullable(),
    nodeName: z.string().nullable(),
    /** The effect's type (notify, startChild, …) or the action's name; null for a condition. */
    operation: z.string().nullable(),
    /** A condition's expression. */
    expression: z.string().nullable(),
    error: z.string(),
    attempts: z.number().int(),
    raisedAt: z.string(),
    /** A retried action is running again: its outcome comes before another retry or a resolution. */
    retrying: z.boolean(),
    resolvedAt: z.string().nullable(),
    /** retried, withdrawn (the path was withdrawn) or resolved (by hand). */
    resolution: z.enum(['retried', 'withdrawn', 'resolved']).nullable(),
    note: z.string().nullable(),
    /** A gateway's outgoing edges: resolving a gateway incident names the one to take. */
    edges: z.array(z.object({ id: z.string(), to: z.string(), toName: z.string() })),
  })
  .meta({ id: 'Incident' });
export type TIncident = z.infer<typeof ZIncident>;

export const ZIncidentPage = pageOf(ZIncident);
export type TIncidentPage = z.infer<typeof ZIncidentPage>;

export const ZRetryIncidentRequest = z.object({
  /** Corrections applied in the same step as the retry (conditions and actions only). */
  variables: z.record(z.string(), z.unknown()).optional(),
});
export type TRetryIncidentRequest = z.output<typeof ZRetryIncidentRequest>;

export const ZResolveIncidentRequest = z.object({
  note: ZShortText(500),
  /** For a gateway's condition incident: the outgoing edge the token takes. */
  edgeId: z.string().min(1).max(100).optional(),
});
export type TResolveIncidentRequest = z.infer<typeof ZResolveIncidentRequest>;
