// The idempotency key of a notify effect, the same on both runtimes so a retried effect never
// notifies twice. It names the recipient, since one effect list may notify several people of the
// same task and template (抄送 to two colleagues), and the copy, since a task may be copied again.
import type { Effect } from './engine-events';

export function notificationKey(instanceId: string, effect: Extract<Effect, { type: 'notify' }>): string {
  const to = effect.to.type === 'user' ? effect.to.userId : `${effect.to.role}@${effect.to.scope}`;
  const copy = effect.copy ? `/${effect.copy.id}` : '';
  return `${instanceId}/notify/${effect.taskId}/${effect.template}${copy}/${to}`;
}

/** What a notification row keeps of the effect besides its recipient and template. */
export function notificationPayload(effect: Extract<Effect, { type: 'notify' }>): Record<string, unknown> {
  return {
    taskId: effect.taskId,
    nodeId: effect.nodeId,
    ...(effect.dueAt === undefined ? {} : { dueAt: effect.dueAt }),
    ...(effect.copy === undefined ? {} : { copy: effect.copy }),
  };
}
