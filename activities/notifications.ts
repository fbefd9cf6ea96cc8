// Stores a notification for a person or a role. Keyed by the effect's idempotency key, so an
// effect retried after a crash never notifies twice. A role notification keeps its scope in the
// payload (`recipientScope`): the inbox reaches the role's holders by the engine's candidacy rule.
import type { InstanceState, ResolvedAssignee } from '../workflows/engine';
import type { Sql } from './sql';

export interface NotificationInput {
  idempotencyKey: string;
  instanceId: string;
  to: ResolvedAssignee;
  template: string;
  payload: Record<string, unknown>;
}

export async function deliverNotification(sql: Sql, n: NotificationInput): Promise<{ delivered: boolean }> {
  const result = await sql.query(
    `INSERT INTO notification (id, idempotency_key, instance_id, recipient_user_id, recipient_role, recipient_unit_id, template, payload)
     VALUES (gen_random_uuid(), $1, $2, $3, $4::"Role", $5, $6, $7) ON CONFLICT (idempotency_key) DO NOTHING`,
    [
      n.idempotencyKey,
      n.instanceId,
      n.to.type === 'user' ? n.to.userId : null,
      n.to.type === 'role' ? n.to.role : null,
      n.to.type === 'role' ? n.to.unitId : null,
      n.template,
      JSON.stringify(storedPayload(n.to, n.payload)),
    ],
  );
  return { delivered: (result.rowCount ?? 0) > 0 };
}

/** The payload as stored: a role notification's scope rides along (the table has no column for it). */
export function storedPayload(
  to: ResolvedAssignee,
  payload: Record<string, unknown>,
): Record<string, unknown> {
  return to.type === 'role' ? { ...payload, recipientScope: to.scope } : payload;
}

/** The `to` of a notify action, resolved against the instance like a task assignee. */
export function resolveRecipient(
  to:
    | { role: string; scope?: 'unit' | 'ancestors' | 'unitOrAncestors' }
    | { userId: string }
    | { starter: true },
  state: Pick<InstanceState, 'startedBy' | 'unitId'>,
): ResolvedAssignee {
  if ('userId' in to) return { type: 'user', userId: to.userId };
  if ('starter' in to) {
    if (!state.startedBy) throw new Error('the instance has no starter to notify');
    return { type: 'user', userId: state.startedBy };
  }
  return { type: 'role', role: to.role as never, unitId: state.unitId ?? null, scope: to.scope ?? 'unit' };
}
