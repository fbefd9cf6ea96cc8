// Instance-level handlers for named external events: record the payload, set variables, and open a
// new path at the target node; an interrupting handler first withdraws every open path.
import type { EventHandler } from './definition-schema';
import type { ParsedEngineEvent } from './engine-events';
import { evaluateCondition, valuesRead } from './feel-conditions';
import { rejectWith } from './localized-message';
import { createToken, discardAllTokens, evaluateOrReject, feelContext, type Run } from './run-context';

/**
 * A handler condition that fails (throws, or gives no boolean) refuses the event rather than
 * counting as "not handled": no token waits here to hold an incident, and the sender is still there
 * to learn why and send again once the data is right.
 */
function isActive(run: Run, handler: EventHandler, payload: unknown): boolean {
  const tokens = Object.values(run.state.tokens);
  if (handler.activeIn && !tokens.some((token) => handler.activeIn?.includes(token.nodeId))) return false;
  if (handler.condition === undefined) return true;
  const context = feelContext(run, { payload });
  const result = evaluateCondition(handler.condition, context);
  if (!result.ok)
    rejectWith(
      'FEEL_ERROR',
      `事件处理 ${handler.id} 的条件无法求值：${handler.condition}`,
      `the condition of event handler ${handler.id} cannot be evaluated: ${handler.condition}`,
      { handlerId: handler.id, error: result.error, values: valuesRead(handler.condition, context) },
    );
  return result.holds;
}

export function handleExternal(run: Run, event: Extract<ParsedEngineEvent, { type: 'external' }>): void {
  const payload = event.payload ?? null;
  const handlers = run.def.eventHandlers.filter(
    (handler) => handler.event === event.name && isActive(run, handler, payload),
  );
  if (handlers.length === 0)
    rejectWith(
      'EVENT_NOT_HANDLED',
      `当前状态不处理事件 ${event.name}`,
      `event ${event.name} is not handled in the current state`,
    );
  for (const handler of handlers) {
    const variables = run.state.variables;
    if (handler.payloadVariable) variables[handler.payloadVariable] = payload;
    if (handler.appendPayloadTo) {
      const list = variables[handler.appendPayloadTo];
      variables[handler.appendPayloadTo] = [...(Array.isArray(list) ? (list as unknown[]) : []), payload];
    }
    const updates = Object.entries(handler.setVariables ?? {}).map(
      ([name, expression]) => [name, evaluateOrReject(run, expression, { payload })] as const,
    );
    for (const [name, value] of updates) variables[name] = value;
    if (handler.interrupting) discardAllTokens(run);
    if (handler.target) run.queue.push({ tokenId: createToken(run, handler.target).id, via: null });
  }
}
