// Implementations of the registered actions an `action` node may run. Parameters are parsed with
// the catalogue's schema; actions that touch the outside world use the effect's idempotency key.
import { actionCatalog } from '../workflows/engine';
import type { ActionCall } from '../workflows/temporal/process-activities';
import { deliverNotification, resolveRecipient } from './notifications';
import type { Pool } from 'pg';
import { computeEligibility, publishRound, rankAndAllocate, setRoundStatus } from './talent-round-actions';
import { runTalentTermAction } from './talent-term-actions';

/** One action to run: the workflow's activity contract (`ActionCall`), which the embedded scheduler shares. */
export type ActionRequest = ActionCall;

/** A failure retrying cannot fix (unknown action, bad parameters): the runtime parks it at once. */
export class NonRetryableActionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NonRetryableActionError';
  }
}

export interface ActionDeps {
  /** A pool: the talent actions write their rows in transactions of their own. */
  sql: Pool;
  fetch: typeof fetch;
  webhookTimeoutMs: number;
}

export async function runAction(deps: ActionDeps, request: ActionRequest): Promise<unknown> {
  const entry = actionCatalog[request.action as keyof typeof actionCatalog];
  if (!entry) throw new NonRetryableActionError(`unknown action ${request.action}`);
  const parsed = entry.params.safeParse(request.params);
  if (!parsed.success) {
    throw new NonRetryableActionError(`invalid parameters for ${request.action}: ${parsed.error.message}`);
  }
  switch (request.action) {
    case 'notify': {
      const p = actionCatalog.notify.params.parse(request.params);
      return deliverNotification(deps.sql, {
        idempotencyKey: request.idempotencyKey,
        instanceId: request.instanceId,
        to: resolveRecipient(p.to, request.context),
        template: p.template,
        payload: p.data ?? {},
      });
    }
    case 'setVariables':
      return actionCatalog.setVariables.params.parse(request.params).values;
    case 'webhook': {
      const p = actionCatalog.webhook.params.parse(request.params);
      const response = await deps.fetch(p.url, {
        method: p.method,
        headers: { 'content-type': 'application/json', 'idempotency-key': request.idempotencyKey },
        body: JSON.stringify(p.body ?? null),
        signal: AbortSignal.timeout(deps.webhookTimeoutMs),
      });
      if (response.status >= 400 && response.status < 500) {
        throw new NonRetryableActionError(`webhook answered ${response.status}`);
      }
      if (!response.ok) throw new Error(`webhook answered ${response.status}`);
      return { status: response.status };
    }
    case 'computeEligibility':
      return computeEligibility(
        deps.sql,
        actionCatalog.computeEligibility.params.parse(request.params).roundId,
      );
    case 'rankAndAllocate':
      return rankAndAllocate(deps.sql, actionCatalog.rankAndAllocate.params.parse(request.params).roundId);
    case 'setRoundStatus':
      return setRoundStatus(
        deps.sql,
        actionCatalog.setRoundStatus.params.parse(request.params),
        new Date(),
        request.idempotencyKey,
      );
    case 'publishRound':
      return publishRound(
        deps.sql,
        actionCatalog.publishRound.params.parse(request.params),
        new Date(),
        request.idempotencyKey,
      );
    case 'beginTerm':
    case 'payAllowance':
    case 'stopBenefits':
    case 'revokeTitle':
    case 'recordAssessment':
    case 'recordTermEvent':
      return runTalentTermAction(deps.sql, request.action, request);
    default:
      // A catalogue action without an implementation here: parked at once as an incident.
      throw new NonRetryableActionError(`action ${request.action} has no implementation in this release`);
  }
}
