// The benchmark's load: lanes of project-lifecycle instances driven the way people would, through
// the Orchestrator port of either runtime. Each lane keeps `window` instances in flight and visits
// them in turn, one command per visit: a window of 1 drives one instance straight through (the
// instance cache always hits), a window wider than the cache makes every command miss it.
import { randomUUID } from 'node:crypto';
import {
  type Actor,
  type CommandEvent,
  type CommandResult,
  type Orchestrator,
  OrchestratorError,
} from '../api/orchestrator/orchestrator';
import type { InstanceState } from '../workflows/engine';
import { lifecycleReviewScores, lifecycleTaskDataFor } from '../tests/fixtures/project-lifecycle-data';

export type Timed = <T>(fn: () => Promise<T>) => Promise<T>;

/** Who may act on a task: its assignee, else a holder of its role (one distinct person per seat). */
export interface Candidates {
  stationSupervisor: string;
  centreSupervisors: string[];
}

export interface DriveOptions {
  orchestrator: Orchestrator;
  start: () => Promise<CommandResult>;
  candidates: Candidates;
  lanes: number;
  /** Instances to start; each is driven to its end unless `stepsPerInstance` stops it first. */
  instances: number;
  /** Instances each lane keeps in flight and visits in turn (those it starts itself). */
  window: number;
  /** Commands after its start at which an instance is left open (the cache variants). */
  stepsPerInstance?: number;
  /**
   * `send`: the driver fires due timers itself (the bench clock races ahead, the scheduler is off);
   * `runtime`: the runtime fires its own timers and runs its effects, and the driver waits for them.
   */
  timers: 'send' | 'runtime';
  /** Wraps every command whose latency counts. */
  timed: Timed;
}

interface InFlight {
  instanceId: string;
  state: InstanceState;
  revision: number;
  steps: number;
  /** Refusals in a row; a command refused this often is a real error, not a race. */
  refusals: number;
}

type Visit = 'moved' | 'waiting' | 'done';

export interface DriveResult {
  /** Commands the runtime accepted, starts included. */
  accepted: number;
  starts: number;
  /**
   * Commands refused in `runtime` mode and sent again, by code: the driver acted on a state the
   * runtime had since moved on from, or on a projection ahead of what the runtime decides on (seen
   * once on Temporal: TASK_NOT_FOUND for a task its projection showed open).
   */
  refused: Record<string, number>;
  completed: number;
}

function actorFor(task: InstanceState['tasks'][string], candidates: Candidates): Actor {
  const assignee = task.assignee;
  if (assignee.type === 'user') return { userId: assignee.userId };
  if (assignee.scope === 'unit') return { userId: candidates.stationSupervisor };
  const userId = candidates.centreSupervisors[task.seat];
  if (!userId) throw new Error(`no centre supervisor for seat ${task.seat} of ${task.nodeId}`);
  return { userId };
}

/** The command that completes the task the way the lifecycle's happy path does. */
function eventFor(task: InstanceState['tasks'][string]): CommandEvent {
  if (task.kind === 'approval') return { type: 'approvalVoted', taskId: task.id, vote: 'approve' };
  if (task.kind === 'review')
    return { type: 'reviewSubmitted', taskId: task.id, scores: lifecycleReviewScores };
  return { type: 'taskCompleted', taskId: task.id, data: lifecycleTaskDataFor(task.nodeId) };
}

const MAX_REFUSALS = 100;

function inFlight(first: CommandResult): InFlight {
  return {
    instanceId: first.instanceId,
    state: first.state,
    revision: first.revision,
    steps: 0,
    refusals: 0,
  };
}

/** Starts `count` instances over `lanes` connections and leaves them open. */
export async function openLifecycles(
  start: () => Promise<CommandResult>,
  count: number,
  lanes: number,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < count) {
        next += 1;
        await start();
      }
    }),
  );
}

export async function driveLifecycles(options: DriveOptions): Promise<DriveResult> {
  const { orchestrator, timed } = options;
  const result: DriveResult = { accepted: 0, starts: 0, refused: {}, completed: 0 };
  let failed = false;
  let started = 0;

  async function startOne(): Promise<InFlight> {
    started += 1;
    const first = await timed(options.start);
    result.accepted += 1;
    result.starts += 1;
    return inFlight(first);
  }

  async function send(slot: InFlight, event: CommandEvent, actor: Actor | null): Promise<void> {
    const key = randomUUID();
    const { state, revision } = await timed(() => orchestrator.send(slot.instanceId, event, actor, key));
    Object.assign(slot, { state, revision, steps: slot.steps + 1, refusals: 0 });
    result.accepted += 1;
  }

  /** Takes up what the runtime did on its own since the driver last looked; false if nothing. */
  async function refresh(slot: InFlight): Promise<boolean> {
    const view = await orchestrator.get(slot.instanceId);
    if (!view || view.revision <= slot.revision) return false;
    Object.assign(slot, { state: view.state, revision: view.revision });
    return true;
  }

  async function visit(slot: InFlight): Promise<Visit> {
    const { state, instanceId } = slot;
    if (state.status !== 'running') {
      if (state.outcome !== 'completed')
        throw new Error(`instance ${instanceId} ended as ${state.status}/${state.outcome}`);
      result.completed += 1;
      return 'done';
    }
    if (options.stepsPerInstance !== undefined && slot.steps >= options.stepsPerInstance) return 'done';
    const task = Object.values(state.tasks).sort((a, b) =>
      a.id.localeCompare(b.id, 'en', { numeric: true }),
    )[0];
    try {
      if (task) {
        await send(slot, eventFor(task), actorFor(task, options.candidates));
        return 'moved';
      }
      if (options.timers === 'runtime') return (await refresh(slot)) ? 'moved' : 'waiting';
      const due = Object.values(state.timers).sort((a, b) => a.fireAt.localeCompare(b.fireAt))[0];
      if (!due) throw new Error(`instance ${instanceId} waits for nothing`);
      await send(slot, { type: 'timerFired', timerId: due.id }, null);
      return 'moved';
    } catch (error) {
      if (!(error instanceof OrchestratorError) || !error.rejected) throw error;
      // The bench clock moves on with every reading; the next attempt finds the timer due.
      if (error.code === 'TIMER_NOT_DUE') return 'moved';
      if (options.timers === 'runtime' && slot.refusals < MAX_REFUSALS) {
        slot.refusals += 1;
        result.refused[error.code] = (result.refused[error.code] ?? 0) + 1;
        return (await refresh(slot)) ? 'moved' : 'waiting';
      }
      throw new Error(`instance ${instanceId}: ${error.code} ${error.message}`, { cause: error });
    }
  }

  async function lane(): Promise<void> {
    const slots: InFlight[] = [];
    while (!failed) {
      while (slots.length < options.window && started < options.instances) slots.push(await startOne());
      if (slots.length === 0) return;
      let moved = false;
      for (let i = 0; i < slots.length && !failed;) {
        const outcome = await visit(slots[i]!);
        moved ||= outcome !== 'waiting';
        if (outcome === 'done') slots.splice(i, 1);
        else i += 1;
      }
      // Every instance of the lane waits for the runtime (a timer, an effect): look again shortly.
      if (!moved) await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  // A failing lane stops the others, and all have settled before the error goes up: no command
  // is left in flight when the caller closes the runtime.
  const lanes = await Promise.allSettled(
    Array.from({ length: options.lanes }, () =>
      lane().catch((error: unknown) => {
        failed = true;
        throw error;
      }),
    ),
  );
  const failure = lanes.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  return result;
}
