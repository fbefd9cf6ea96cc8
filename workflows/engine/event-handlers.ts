// Instance-level handlers for named external events: record the payload, set variables, and open a
// new path at the target node; an interrupting handler first withdraws every open path.
import type { EventHandler } from './definition-schema';
import type { ParsedEngineEvent } from './engine-events';
import { conditionHolds } from './feel-conditions';
import { rejectWith } from './localized-message';
import { createToken, discardAllTokens, evaluateOrReject, feelContext, type Run } from './run-context';

function isActive(run: Run, handler: EventHandler, payload: unknown): boolean {
  const tokens = Object.values(run.state.tokens);
  if (handler.activeIn && !tokens.some((token) => handler.activeIn?.includes(token.nodeId))) return false;
  return handler.condition === undefined || conditionHolds(handler.condition, feelContext(run, { payload }));
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
