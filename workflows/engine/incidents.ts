// Incidents (as Camunda 8 has them): a condition that cannot decide a route holds its token at the
// node, visibly, until an operator corrects the variables and retries. Never a silent default route.
import type { FormField, ProcessDefinition, VariableDeclaration } from './definition-schema';
import type { ParsedEngineEvent } from './engine-events';
import { valuesRead } from './feel-conditions';
import type { Incident, Token } from './instance-state';
import { checkInput } from './interpreter';
import { rejectWith } from './localized-message';
import type { Run } from './run-context';
import { knownVariables } from './validate-definition';

export type ConditionFailure = {
  expression: string;
  /** The gateway edge whose condition failed; absent for a condition that belongs to the node. */
  edgeId?: string;
  error: string;
  /** What the expression was evaluated over; the incident keeps the values it read. */
  context: Record<string, unknown>;
};

/**
 * Holds `token` at its node with an incident. A token that fails again on a retry keeps its
 * incident (updated, one more attempt) rather than opening a second one.
 */
export function raiseIncident(run: Run, token: Token, failure: ConditionFailure): void {
  const incidents = (run.state.incidents ??= {});
  const { expression, edgeId, error } = failure;
  const values = valuesRead(expression, failure.context);
  const wait = token.wait;
  const retried = wait?.kind === 'incident' ? incidents[wait.incidentId] : undefined;
  if (retried?.status === 'retrying' && retried.nodeId === token.nodeId) {
    retried.status = 'open';
    retried.expression = expression;
    if (edgeId === undefined) delete retried.edgeId;
    else retried.edgeId = edgeId;
    retried.error = error;
    retried.values = values;
    retried.attempts += 1;
    return;
  }
  // Incidents are never deleted, so their count numbers them without a new counter in old states.
  const id = `incident-${Object.keys(incidents).length + 1}`;
  incidents[id] = {
    id,
    status: 'open',
    nodeId: token.nodeId,
    tokenId: token.id,
    expression,
    ...(edgeId === undefined ? {} : { edgeId }),
    error,
    values,
    raisedAt: run.now,
    attempts: 1,
  };
  token.wait = { kind: 'incident', incidentId: id };
}

/** `incidentRetried`: the token enters its node again, which evaluates its conditions anew. */
export function retryIncident(
  run: Run,
  event: Extract<ParsedEngineEvent, { type: 'incidentRetried' }>,
): void {
  const incident = run.state.incidents?.[event.incidentId];
  if (incident?.status !== 'open')
    rejectWith(
      'INCIDENT_NOT_FOUND',
      `没有未解决的异常 ${event.incidentId}`,
      `there is no open incident ${event.incidentId}`,
    );
  const token = run.state.tokens[incident.tokenId];
  if (token?.wait?.kind !== 'incident' || token.wait.incidentId !== incident.id)
    throw new Error(`incident ${incident.id} holds no token`);
  incident.status = 'retrying';
  incident.lastRetry = { at: run.now, by: event.actor.userId };
  run.queue.push({ tokenId: token.id, via: null });
}

/**
 * Run once the event's moves are done: a retried incident whose token moved on is resolved, and so
 * is an open one whose token was withdrawn (instance cancelled, interrupting handler, terminate end).
 */
export function settleIncidents(run: Run): void {
  for (const incident of Object.values(run.state.incidents ?? {})) {
    if (incident.status === 'resolved') continue;
    const wait = run.state.tokens[incident.tokenId]?.wait;
    const held = wait?.kind === 'incident' && wait.incidentId === incident.id;
    if (incident.status === 'retrying') resolve(incident, run.now, 'retried');
    else if (!held) resolve(incident, run.now, 'withdrawn');
  }
}

function resolve(incident: Incident, now: string, resolution: Incident['resolution']): void {
  incident.status = 'resolved';
  incident.resolvedAt = now;
  incident.resolution = resolution;
}

/**
 * `variablesUpdated`: an operator sets variables, each checked against its declared type (or the
 * type of the form field that writes it). Names the process never reads or writes are refused.
 */
export function updateVariables(
  run: Run,
  event: Extract<ParsedEngineEvent, { type: 'variablesUpdated' }>,
): void {
  const types = variableTypes(run.def);
  const known = knownVariables(run.def);
  const unknown = Object.keys(event.variables)
    .filter((name) => !known.has(name))
    .map((name) => `${name}: not a variable of this process`);
  const typed = types.filter((declaration) => declaration.name in event.variables);
  const typedValues = Object.fromEntries(typed.map(({ name }) => [name, event.variables[name]]));
  const issues = [...unknown, ...checkInput(typed, typedValues)];
  if (Object.keys(event.variables).length === 0) issues.push('variables: nothing to update');
  if (issues.length > 0)
    rejectWith('VARIABLES_INVALID', '变量更正无效', 'the variable corrections are invalid', issues);
  Object.assign(run.state.variables, structuredClone(event.variables));
}

const fieldTypes: Record<FormField['type'], VariableDeclaration['type']> = {
  text: 'string',
  textarea: 'string',
  select: 'string',
  number: 'number',
  integer: 'integer',
  boolean: 'boolean',
  date: 'date',
  multiselect: 'list',
  list: 'list',
  file: 'list',
  user: 'string',
};

/** Declared variables, then the variables forms write (a form under `formVariable` is an object). */
function variableTypes(def: ProcessDefinition): VariableDeclaration[] {
  const byName = new Map(def.variables.map((declaration) => [declaration.name, declaration]));
  const add = (name: string, type: VariableDeclaration['type']) => {
    if (!byName.has(name)) byName.set(name, { name, type, required: false });
  };
  for (const node of def.nodes) {
    if (node.kind !== 'userTask') continue;
    if (node.formVariable) add(node.formVariable, 'object');
    else for (const field of node.form) add(field.name, fieldTypes[field.type]);
  }
  return [...byName.values()];
}
