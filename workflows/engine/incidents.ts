// Incidents (as Camunda 8 has them): a condition that cannot decide a route, or an action that failed
// with no error edge, holds its token at the node, visibly, until an operator retries (after
// correcting the variables) or resolves it by hand with a note. Never a silent default route.
import type { FormField, ProcessDefinition, VariableDeclaration } from './definition-schema';
import type { ParsedEngineEvent } from './engine-events';
import { valuesRead } from './feel-conditions';
import { outgoingOf } from './graph';
import type { Incident, PendingAction, Token } from './instance-state';
import { checkInput } from './interpreter';
import { rejectWith } from './localized-message';
import { leave, nodeOf, type Run, takeEdge } from './run-context';
import { knownVariables } from './written-variables';

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
  const { id } = openNewIncident(run, {
    nodeId: token.nodeId,
    tokenId: token.id,
    expression,
    ...(edgeId === undefined ? {} : { edgeId }),
    error,
    values,
  });
  token.wait = { kind: 'incident', incidentId: id };
}

function openNewIncident(
  run: Run,
  fields: Omit<Incident, 'id' | 'status' | 'raisedAt' | 'attempts'>,
  attempts = 1,
): Incident {
  const incidents = (run.state.incidents ??= {});
  // Incidents are never deleted, so their count numbers them without a new counter in old states.
  const id = `incident-${Object.keys(incidents).length + 1}`;
  const incident: Incident = { id, status: 'open', ...fields, raisedAt: run.now, attempts };
  incidents[id] = incident;
  return incident;
}

/**
 * Opens an incident for a failed action with no `error` edge (its token keeps waiting at the
 * node); a retried action that fails again updates the incident it belongs to. `attempts` counts
 * every run of the action, the host's automatic retries included, so an operator sees how often
 * it was really tried.
 */
export function raiseActionIncident(run: Run, action: PendingAction, error: string, attempts = 1): void {
  const incidents = (run.state.incidents ??= {});
  const retried = Object.values(incidents).find(
    (incident) => incident.status === 'open' && incident.kind === 'action' && incident.actionId === action.id,
  );
  if (retried) {
    retried.error = error;
    retried.attempts += attempts;
    return;
  }
  openNewIncident(
    run,
    {
      kind: 'action',
      nodeId: action.nodeId,
      tokenId: action.tokenId,
      actionId: action.id,
      error,
      values: {},
    },
    attempts,
  );
}

/** `actionCompleted`: an action that had failed (and was retried) succeeded, which resolves its incident. */
export function settleActionIncident(run: Run, actionId: string): void {
  const incident = Object.values(run.state.incidents ?? {}).find(
    (candidate) => candidate.status === 'open' && candidate.actionId === actionId,
  );
  if (incident) resolve(incident, run.now, 'retried');
}

function openIncident(run: Run, incidentId: string): { incident: Incident; token: Token } {
  const incident = run.state.incidents?.[incidentId];
  if (incident?.status !== 'open')
    rejectWith(
      'INCIDENT_NOT_FOUND',
      `没有未解决的异常 ${incidentId}`,
      `there is no open incident ${incidentId}`,
    );
  const token = run.state.tokens[incident.tokenId];
  const wait = token?.wait;
  const held =
    incident.kind === 'action'
      ? wait?.kind === 'action' && wait.actionId === incident.actionId
      : wait?.kind === 'incident' && wait.incidentId === incident.id;
  if (!token || !held) throw new Error(`incident ${incident.id} holds no token`);
  return { incident, token };
}

/** The failed action of an action incident; one a retry runs again is not failed (yet). */
function failedAction(run: Run, incident: Incident): PendingAction {
  const action = run.state.pendingActions[incident.actionId ?? ''];
  if (action?.status !== 'failed')
    rejectWith(
      'INCIDENT_RETRYING',
      `异常 ${incident.id} 的动作正在重试，请等待结果`,
      `the action of incident ${incident.id} is being retried; wait for its outcome`,
    );
  return action;
}

/**
 * `incidentRetried`: the token enters its node again, which evaluates its conditions anew, or runs
 * a failed action again (its parameters evaluated anew, under a new action id). Corrections sent
 * with the retry are applied first, in the same step, so a refused correction retries nothing.
 */
export function retryIncident(
  run: Run,
  event: Extract<ParsedEngineEvent, { type: 'incidentRetried' }>,
): void {
  const { incident, token } = openIncident(run, event.incidentId);
  if (event.variables !== undefined)
    updateVariables(run, { type: 'variablesUpdated', actor: event.actor, variables: event.variables });
  if (incident.kind === 'action') delete run.state.pendingActions[failedAction(run, incident).id];
  incident.status = 'retrying';
  incident.lastRetry = { at: run.now, by: event.actor.userId };
  run.queue.push({ tokenId: token.id, via: null });
}

/**
 * `incidentResolved`: an operator moves the token on by hand. A failed action's path continues
 * without a result (the action's result variable and outputs stay unset, as Camunda and Flowable
 * operators complete a failed job by hand); a gateway's token takes the outgoing edge the operator
 * chose; a timer whose `until` failed ends its cycle along its `done` edge.
 */
export function resolveIncident(
  run: Run,
  event: Extract<ParsedEngineEvent, { type: 'incidentResolved' }>,
): void {
  const { incident, token } = openIncident(run, event.incidentId);
  const node = nodeOf(run, incident.nodeId);
  const settle = () => {
    resolve(incident, run.now, 'resolved');
    incident.resolvedBy = event.actor.userId;
    incident.note = event.note;
  };
  if (incident.kind === 'action') {
    delete run.state.pendingActions[failedAction(run, incident).id];
    settle();
    return leave(run, token);
  }
  if (node.kind === 'gateway') {
    const edge = outgoingOf(run.graph, node.id).find((candidate) => candidate.id === event.edgeId);
    if (!edge)
      rejectWith(
        'EVENT_INVALID',
        '请选择网关的一条出口分支',
        `choose one of gateway ${node.id}'s outgoing edges`,
        [
          `edgeId: ${event.edgeId === undefined ? 'required for a gateway' : 'not an outgoing edge of the gateway'}`,
        ],
      );
    settle();
    return takeEdge(run, token, edge);
  }
  if (event.edgeId !== undefined)
    rejectWith('EVENT_INVALID', '只有网关的异常可以选择分支', 'only a gateway incident takes an edge', [
      'edgeId: only for a gateway',
    ]);
  if (token.cycles) delete token.cycles[node.id];
  settle();
  leave(run, token, 'done');
}

/**
 * Run once the event's moves are done: a retried condition whose token moved on is resolved, and so
 * is an open incident whose token was withdrawn (instance cancelled, interrupting handler, terminate
 * end). A retried action runs again: its incident stays open, following the new action, until the
 * action's outcome comes back.
 */
export function settleIncidents(run: Run): void {
  for (const incident of Object.values(run.state.incidents ?? {})) {
    if (incident.status === 'resolved') continue;
    const wait = run.state.tokens[incident.tokenId]?.wait;
    if (incident.kind === 'action') {
      const running = wait?.kind === 'action' ? wait.actionId : undefined;
      if (incident.status === 'retrying' && running) {
        incident.status = 'open';
        incident.actionId = running;
      } else if (running === undefined || running !== incident.actionId) {
        resolve(incident, run.now, 'withdrawn');
      }
      continue;
    }
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
    .map((name) => ({
      field: name,
      message: 'not a variable of this process',
      messageZh: '不是本流程的变量',
    }));
  const typed = types.filter((declaration) => declaration.name in event.variables);
  const typedValues = Object.fromEntries(typed.map(({ name }) => [name, event.variables[name]]));
  const issues = [...unknown, ...checkInput(typed, typedValues)];
  if (Object.keys(event.variables).length === 0)
    issues.push({ field: 'variables', message: 'nothing to update', messageZh: '没有要更正的变量' });
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
