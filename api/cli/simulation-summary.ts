// The readable form of a simulation for `npm run simulate`: each event, accepted or rejected with
// its reason, the open tasks after it, and the outcome (`--json` prints the full trace instead).
import type { EngineEvent, InstanceState, ProcessDefinition, Simulation } from '../../workflows/engine';

/** The event's type, what it targets and who sent it, in a few words. */
function describeEvent(event: EngineEvent): string {
  const by = (actor: { userId: string }) => `by ${actor.userId}`;
  switch (event.type) {
    case 'started':
      return `started ${by(event.actor)}${event.unitId ? ` in ${event.unitId}` : ''}`;
    case 'taskCompleted':
      return `taskCompleted ${event.taskId} ${by(event.actor)}`;
    case 'approvalVoted':
      return `approvalVoted ${event.taskId} ${event.vote} ${by(event.actor)}`;
    case 'reviewSubmitted':
      return `reviewSubmitted ${event.taskId}${event.recused ? ' (recused)' : ''} ${by(event.actor)}`;
    case 'timerFired':
      return `timerFired ${event.timerId}`;
    case 'timerDropped':
      return `timerDropped ${event.timerId} (${event.reason})`;
    case 'actionCompleted':
      return `actionCompleted ${event.actionId}`;
    case 'actionFailed':
      return `actionFailed ${event.actionId} (${event.error})`;
    case 'childCompleted':
      return `childCompleted ${event.childId}${event.outcome ? ` with outcome ${event.outcome}` : ''}`;
    case 'external':
      return `external ${event.name}`;
    case 'cancelled':
      return `cancelled ${by(event.actor)}${event.reason ? ` (${event.reason})` : ''}`;
    case 'variablesUpdated':
      return `variablesUpdated ${Object.keys(event.variables).join(', ')} ${by(event.actor)}`;
    case 'incidentRetried':
      return `incidentRetried ${event.incidentId} ${by(event.actor)}`;
    case 'incidentResolved':
      return `incidentResolved ${event.incidentId} ${by(event.actor)}: ${event.note}`;
    case 'taskReassigned':
    case 'taskDelegated':
    case 'taskTransferred':
      return `${event.type} ${event.fromTaskId} to ${event.to.userId} ${by(event.actor)}`;
    case 'taskCopied':
      return `taskCopied ${event.taskId} to ${event.to.map((holder) => holder.userId).join(', ')} ${by(event.actor)}`;
    case 'signerAdded':
      return `signerAdded ${event.position} ${event.taskId}: ${event.to.userId} ${by(event.actor)}`;
    case 'taskProxied':
      return `taskProxied ${event.fromTaskId} of ${event.from.userId} to ${event.to.userId} (proxy ${event.proxyId})`;
    case 'unitHeadChanged':
      return `unitHeadChanged ${event.unitId} to ${event.headId ?? 'no head'}`;
    case 'taskReturned':
      return `taskReturned ${event.taskId} to ${event.toNodeId} ${by(event.actor)}`;
    case 'taskResolved':
    case 'taskCommented':
    case 'taskTakenBack':
      return `${event.type} ${event.taskId} ${by(event.actor)}`;
    default: {
      const unknown: never = event;
      return String(unknown);
    }
  }
}

/** "task-2 headApproval (站长审批) → supervisor@station-1" for each open task. */
function describeTasks(definition: ProcessDefinition, state: InstanceState): string {
  const tasks = Object.values(state.tasks);
  if (tasks.length === 0) return 'none';
  return tasks
    .map((task) => {
      const node = definition.nodes.find((candidate) => candidate.id === task.nodeId);
      const who =
        task.assignee.type === 'user'
          ? task.assignee.userId
          : `${task.assignee.role}${task.assignee.unitId ? `@${task.assignee.unitId}` : ''}`;
      return `${task.id} ${task.nodeId}${node ? ` (${node.name})` : ''} → ${who}`;
    })
    .join('; ');
}

/** Timers, actions and children the instance waits on: what the next events of a file can be. */
function describeWaits(state: InstanceState): string | undefined {
  const waits = [
    ...Object.values(state.timers).map(
      (timer) => `${timer.id}${timer.purpose === 'timer' ? '' : ` (${timer.purpose})`} at ${timer.fireAt}`,
    ),
    ...Object.values(state.pendingActions).map(
      (action) => `${action.id} ${action.action} (${action.status})`,
    ),
    ...Object.values(state.children)
      .filter((child) => child.status === 'running')
      .map((child) => `${child.id} ${child.definitionKey}`),
    ...Object.values(state.incidents ?? {})
      .filter((incident) => incident.status === 'open')
      .map((incident) => `${incident.id} at ${incident.nodeId}`),
  ];
  return waits.length > 0 ? waits.join('; ') : undefined;
}

/** Field issues (form, start input, variable corrections) as "field: message"; other details as JSON. */
function describeDetails(details: unknown): string {
  if (details === undefined) return '';
  const fieldIssues = Array.isArray(details)
    ? details.flatMap((issue: unknown) =>
        typeof issue === 'object' && issue !== null && 'field' in issue && 'message' in issue
          ? [`${String(issue.field)}: ${String(issue.message)}`]
          : [],
      )
    : [];
  const shown =
    Array.isArray(details) && fieldIssues.length === details.length
      ? fieldIssues.join('; ')
      : JSON.stringify(details);
  return ` (${shown})`;
}

function describeOutcome(state: InstanceState): string {
  switch (state.status) {
    case 'created':
      return 'not started';
    case 'running':
      return `still running at revision ${state.revision}`;
    case 'completed':
      return `completed${state.outcome ? ` with outcome ${state.outcome}` : ''} at revision ${state.revision}`;
    case 'cancelled':
      return `cancelled${state.cancelReason ? ` (${state.cancelReason})` : ''} at revision ${state.revision}`;
  }
}

export function formatSimulation(definition: ProcessDefinition, simulation: Simulation): string {
  const lines = [`${definition.key} (${definition.name}): ${simulation.trace.length} events`];
  // A rejected event changes nothing: the tasks after it are those of the last accepted one.
  let state: InstanceState | undefined;
  simulation.trace.forEach((entry, index) => {
    // simulate() records a rejection for every refused event, and none for an accepted one.
    const verdict = !entry.rejection
      ? 'accepted'
      : `REJECTED ${entry.rejection.code}: ${entry.rejection.message.en} / ${entry.rejection.message.zh}${describeDetails(entry.rejection.details)}`;
    state = entry.state ?? state;
    lines.push(`${String(index + 1).padStart(3)}. ${entry.at}  ${describeEvent(entry.event)}: ${verdict}`);
    if (!state) return;
    lines.push(`      open tasks: ${describeTasks(definition, state)}`);
    const waits = describeWaits(state);
    if (waits) lines.push(`      waiting on: ${waits}`);
  });
  const rejected = simulation.trace.filter((entry) => !entry.ok).length;
  lines.push(
    `Outcome: ${describeOutcome(simulation.final)} (${simulation.trace.length - rejected} accepted, ${rejected} rejected)`,
  );
  return `${lines.join('\n')}\n`;
}
