// Instance-level handlers for named external events: record the payload, set variables, and open a
// new path at the target node; an interrupting handler first withdraws every open path.
import type { EventHandler, FormField, ProcessDefinition } from './definition-schema';
import type { ParsedEngineEvent } from './engine-events';
import { evaluateCondition, valuesRead } from './feel-conditions';
import { validateFormData } from './form-validation';
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

/** The payload fields the definition declares for an event (the validator keeps its handlers agreeing). */
export function payloadFieldsOf(def: ProcessDefinition, eventName: string): FormField[] | undefined {
  return def.eventHandlers.find((handler) => handler.event === eventName && handler.payload)?.payload;
}

/**
 * A declared payload is checked like a task's form before any handler reads it, so a condition or
 * `setVariables` never sees a value of the wrong type; no payload counts as an empty form.
 */
function checkedPayload(run: Run, event: Extract<ParsedEngineEvent, { type: 'external' }>): unknown {
  const fields = payloadFieldsOf(run.def, event.name);
  if (!fields) return event.payload ?? null;
  const checked = validateFormData(fields, event.payload ?? {});
  if (!checked.ok)
    rejectWith(
      'PAYLOAD_INVALID',
      `事件 ${event.name} 的数据不符合要求`,
      `the payload of event ${event.name} is invalid`,
      checked.issues,
    );
  return checked.data;
}

export function handleExternal(run: Run, event: Extract<ParsedEngineEvent, { type: 'external' }>): void {
  const payload = checkedPayload(run, event);
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
