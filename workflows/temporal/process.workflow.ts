// One generic Temporal workflow per process instance: it hosts the pure engine, takes commands as
// updates (validated by a dry run) or signals, records every accepted step through an activity,
// turns effects into timers, activities and child workflows, and continues-as-new when told to.
import './sandbox-globals';
import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  isCancellation,
  log,
  proxyActivities,
  setHandler,
  sleep,
  startChild,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import {
  type Effect,
  type EngineEvent,
  initialState,
  type InstanceState,
  type Rejection,
  step,
} from '../engine';
import { NON_RETRYABLE_ACTION_ERROR, type InstanceMeta, type ProcessActivities } from './process-activities';
import {
  type CommandInput,
  type CommandOutcome,
  commandUpdate,
  eventSignal,
  type ProcessResult,
  type ProcessWorkflowArgs,
  settledUpdate,
  stateQuery,
} from './process-messages';
import { laterOf, millisUntil, workflowNow } from './workflow-clock';

export type { ProcessWorkflowArgs, ProcessResult } from './process-messages';

// The projection must eventually be written: retried without an attempt limit.
const projection = proxyActivities<ProcessActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// Outside work: bounded retries with backoff, then the engine hears actionFailed.
const effectActivities = proxyActivities<ProcessActivities>({
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    maximumAttempts: 5,
    nonRetryableErrorTypes: [NON_RETRYABLE_ACTION_ERROR],
  },
});

type Applied =
  { ok: true; outcome: CommandOutcome; recorded: Promise<void> } | { ok: false; rejection: Rejection };

function rejectionFailure(rejection: Rejection): ApplicationFailure {
  return ApplicationFailure.create({
    type: rejection.code,
    message: rejection.message.en,
    nonRetryable: true,
    details: [rejection],
  });
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function failureMessage(error: ActivityFailure): string {
  return error.cause?.message ?? error.message;
}

export async function processWorkflow(args: ProcessWorkflowArgs): Promise<ProcessResult> {
  const { instanceId, definition, meta } = args;
  let state: InstanceState = args.carried?.state ?? initialState();
  const seenKeys: Record<string, CommandOutcome> = { ...args.carried?.seenKeys };
  const timers = new Map<string, CancellationScope>();
  let recording: Promise<void> = Promise.resolve();
  let unrecorded = 0;
  let effectsInFlight = 0;
  let fatal: Error | undefined;

  /** Steps the engine synchronously (so handlers see each other's results in arrival order) and queues the record. */
  function apply(input: CommandInput, at: string = workflowNow(), startMeta?: InstanceMeta): Applied {
    const first = seenKeys[input.idempotencyKey];
    if (first) return { ok: true, outcome: { ...first, duplicate: true }, recorded: recording };
    const result = step(definition, state, input.event, at);
    if (!result.ok) return result;
    state = result.state;
    const outcome: CommandOutcome = { revision: state.revision, status: state.status, duplicate: false };
    seenKeys[input.idempotencyKey] = outcome;
    const transition = {
      instanceId,
      event: input.event,
      actorId: input.actorId,
      idempotencyKey: input.idempotencyKey,
      at,
      state,
      effects: result.effects,
      ...(startMeta ? { meta: startMeta } : {}),
    };
    unrecorded += 1;
    // One at a time, in order: the projection row must never go back to an older revision.
    recording = recording.then(async () => {
      if (fatal !== undefined) return;
      try {
        await projection.recordTransition(transition);
      } catch (error) {
        fatal = asError(error);
        return;
      }
      unrecorded -= 1;
      carryOut(result.effects);
    });
    return { ok: true, outcome, recorded: recording };
  }

  function applySystemEvent(event: EngineEvent, idempotencyKey: string, at?: string): void {
    const applied = apply({ event, actorId: null, idempotencyKey }, at);
    // E.g. a timer whose task finished first: the engine no longer waits for it.
    if (!applied.ok)
      log.info('system event not applied', { event: event.type, code: applied.rejection.code });
  }

  function track(work: () => Promise<void>): void {
    effectsInFlight += 1;
    void work().then(
      () => void (effectsInFlight -= 1),
      (error: unknown) => void (fatal = asError(error)),
    );
  }

  function carryOut(effects: Effect[]): void {
    for (const effect of effects) {
      switch (effect.type) {
        case 'scheduleTimer':
          armTimer(effect.timerId, effect.fireAt);
          break;
        case 'cancelTimer':
          timers.get(effect.timerId)?.cancel();
          timers.delete(effect.timerId);
          break;
        case 'runAction':
          track(() => runAction(effect));
          break;
        case 'notify':
          track(() => notify(effect));
          break;
        case 'startChild':
          track(() => startChildInstance(effect));
          break;
        case 'createTask':
        case 'cancelTask':
        case 'completed':
          break; // task rows come from recordTransition; completion ends the main loop
        default: {
          const unhandled: never = effect;
          throw new Error(`unhandled effect ${JSON.stringify(unhandled)}`);
        }
      }
    }
  }

  function armTimer(timerId: string, fireAt: string): void {
    const scope = new CancellationScope();
    timers.set(timerId, scope);
    void scope
      .run(() => sleep(Math.max(1, millisUntil(fireAt))))
      .then(
        () => {
          timers.delete(timerId);
          applySystemEvent(
            { type: 'timerFired', timerId },
            `timer/${timerId}`,
            laterOf(workflowNow(), fireAt),
          );
        },
        (error: unknown) => {
          if (!isCancellation(error)) fatal = asError(error);
        },
      );
  }

  async function runAction(effect: Extract<Effect, { type: 'runAction' }>): Promise<void> {
    let event: EngineEvent;
    try {
      const result = await effectActivities.runAction({
        instanceId,
        actionId: effect.actionId,
        action: effect.action,
        params: effect.params,
        idempotencyKey: `${instanceId}/action/${effect.actionId}`,
        context: { startedBy: state.startedBy, unitId: state.unitId },
      });
      event = { type: 'actionCompleted', actionId: effect.actionId, result };
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      event = { type: 'actionFailed', actionId: effect.actionId, error: failureMessage(error) };
    }
    const outcome = event.type === 'actionCompleted' ? 'completed' : 'failed';
    applySystemEvent(event, `action/${effect.actionId}/${outcome}`);
  }

  async function notify(effect: Extract<Effect, { type: 'notify' }>): Promise<void> {
    try {
      await effectActivities.deliverNotification({
        idempotencyKey: `${instanceId}/notify/${effect.taskId}/${effect.template}`,
        instanceId,
        to: effect.to,
        template: effect.template,
        payload: { taskId: effect.taskId, nodeId: effect.nodeId, dueAt: effect.dueAt },
      });
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      log.warn('notification not delivered', { taskId: effect.taskId, error: failureMessage(error) });
    }
  }

  async function startChildInstance(effect: Extract<Effect, { type: 'startChild' }>): Promise<void> {
    const published = args.definitions?.[effect.definitionKey];
    if (!published) {
      // The adapter loads every reachable definition; a missing one leaves the instance waiting, visibly.
      log.error('no published definition for child', { definitionKey: effect.definitionKey });
      return;
    }
    const childInstanceId = uuid4();
    await startChild(processWorkflow, {
      workflowId: childInstanceId,
      // The child reports back by signal, so it outlives this run's continue-as-new.
      parentClosePolicy: ParentClosePolicy.ABANDON,
      args: [
        {
          instanceId: childInstanceId,
          definition: published.definition,
          meta: {
            versionId: published.versionId,
            unitId: meta.unitId,
            title: `${effect.definitionKey} / ${effect.childId}`,
            parentId: instanceId,
            businessKey: effect.childId,
          },
          input: effect.input,
          actor: { userId: state.startedBy ?? args.actor.userId },
          idempotencyKey: `${instanceId}/child/${effect.childId}`,
          ...(args.definitions ? { definitions: args.definitions } : {}),
        },
      ],
    });
  }

  if (args.carried) {
    // Continued: re-arm the durable timers the engine still waits for (keys already carry the rest).
    for (const timer of Object.values(state.timers)) armTimer(timer.id, timer.fireAt);
  } else {
    const started = apply(
      {
        event: { type: 'started', input: args.input, actor: args.actor, unitId: meta.unitId },
        actorId: args.actor.userId,
        idempotencyKey: args.idempotencyKey,
      },
      workflowNow(),
      meta,
    );
    if (!started.ok) throw rejectionFailure(started.rejection);
  }

  // Handlers after `started`: setHandler delivers buffered messages at once, and they need a running instance.
  setHandler(stateQuery, () => ({ state, revision: state.revision }));
  setHandler(eventSignal, (input) => {
    const applied = apply(input);
    if (!applied.ok) log.warn('event rejected', { event: input.event.type, code: applied.rejection.code });
  });
  setHandler(
    commandUpdate,
    async (input) => {
      const applied = apply(input);
      if (!applied.ok) throw rejectionFailure(applied.rejection);
      await applied.recorded;
      return applied.outcome;
    },
    {
      validator: (input: CommandInput) => {
        if (seenKeys[input.idempotencyKey]) return;
        const dryRun = step(definition, state, input.event, workflowNow());
        if (!dryRun.ok) throw rejectionFailure(dryRun.rejection);
      },
    },
  );
  setHandler(settledUpdate, async () => {
    await recording;
    return { revision: state.revision, status: state.status, duplicate: false };
  });

  const ended = () => state.status === 'completed' || state.status === 'cancelled';
  for (;;) {
    await condition(() => fatal !== undefined || ended() || workflowInfo().continueAsNewSuggested);
    await condition(
      () => fatal !== undefined || (unrecorded === 0 && effectsInFlight === 0 && allHandlersFinished()),
    );
    if (fatal !== undefined) throw fatal;
    if (ended()) break;
    await continueAsNew<typeof processWorkflow>({ ...args, carried: { state, seenKeys } });
  }

  if (state.status === 'completed' && meta.parentId && meta.businessKey) {
    await getExternalWorkflowHandle(meta.parentId).signal(eventSignal, {
      event: {
        type: 'childCompleted',
        childId: meta.businessKey,
        ...(state.outcome === undefined ? {} : { outcome: state.outcome }),
        variables: state.variables,
      },
      actorId: null,
      idempotencyKey: `child/${instanceId}`,
    });
  }
  return { outcome: state.outcome, state };
}
