// One generic Temporal workflow per process instance: it hosts the pure engine, takes commands as
// updates (validated by a dry run) or signals, records every accepted step through an activity,
// turns effects into timers, activities and child workflows, and continues-as-new when told to.
// Commands are applied one at a time, each on the state its predecessor recorded: the workflow's
// state never runs ahead of Postgres, and a command is acknowledged only once it is recorded.
import {
  type CalendarStamp,
  calendarOf,
  SHIPPED_ONLY,
  withCalendarRevision,
} from '../../activities/working-day-calendar';
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
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  startChild,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import {
  alreadyOnTarget,
  childInstanceTitle,
  type Effect,
  type EngineEvent,
  initialState,
  type InstanceState,
  type LocalizedMessage,
  migrateState,
  type MigrationResult,
  notificationKey,
  notificationPayload,
  type Rejection,
  repointedTasks,
  step,
} from '../engine';
import { NON_RETRYABLE_ACTION_ERROR, type InstanceMeta, type ProcessActivities } from './process-activities';
import {
  type CommandInput,
  type CommandOutcome,
  commandUpdate,
  eventSignal,
  type MigrationAnswer,
  type MigrationInput,
  migrateUpdate,
  type ProcessResult,
  type ProcessWorkflowArgs,
  type PublishedDefinition,
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

// A short read of the admins' calendar: a local activity, whose result the history keeps as a marker.
const calendarActivities = proxyLocalActivities<ProcessActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/** The patch that made system events read the admins' calendar; histories from before it count over the shipped table. */
export const CALENDAR_FOR_SYSTEM_EVENTS = 'calendar-for-system-events';

/** The calendar a step counts working days over: the one its command brought, or the current one. */
async function calendarFor(brought: CalendarStamp | undefined): Promise<CalendarStamp> {
  if (brought) return brought;
  if (!patched(CALENDAR_FOR_SYSTEM_EVENTS)) return SHIPPED_ONLY;
  return calendarActivities.currentCalendar();
}

/** What applying one command came to: its outcome, or why it was not applied. */
type Applied =
  | { ok: true; outcome: CommandOutcome }
  | { ok: false; rejection: Rejection }
  | { ok: false; notRecorded: string };

/** The error type of a command whose transition could not be written to Postgres (the port's code). */
export const TRANSITION_NOT_RECORDED = 'TRANSITION_NOT_RECORDED';

const notRecordedMessage: LocalizedMessage = {
  zh: '流程状态未能写入数据库，命令未生效，请重试',
  en: 'the transition could not be recorded; the command was not applied, try again',
};

function rejectionFailure(rejection: Rejection): ApplicationFailure {
  return ApplicationFailure.create({
    type: rejection.code,
    message: rejection.message.en,
    nonRetryable: true,
    details: [rejection],
  });
}

function failureOf(applied: Extract<Applied, { ok: false }>): ApplicationFailure {
  if ('rejection' in applied) return rejectionFailure(applied.rejection);
  return ApplicationFailure.create({
    type: TRANSITION_NOT_RECORDED,
    message: `${notRecordedMessage.en} (${applied.notRecorded})`,
    nonRetryable: true,
    details: [{ code: TRANSITION_NOT_RECORDED, message: notRecordedMessage }],
  });
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function failureMessage(error: ActivityFailure): string {
  return error.cause?.message ?? error.message;
}

/** The attempt an action's activity failed at (temporal-activities' detail), or once when unknown. */
function attemptsOf(error: ActivityFailure): number {
  const detail: unknown = error.cause instanceof ApplicationFailure ? error.cause.details?.[0] : undefined;
  const attempt = (detail as { attempt?: unknown } | undefined)?.attempt;
  return typeof attempt === 'number' && Number.isInteger(attempt) && attempt >= 1 ? attempt : 1;
}

/** The outcome a cancelled child reports to its parent (the same on the embedded runtime). */
const CANCELLED_OUTCOME = 'cancelled';

export async function processWorkflow(args: ProcessWorkflowArgs): Promise<ProcessResult> {
  const { instanceId, meta } = args;
  // A migration swaps both (see migrateAndRecord); continue-as-new carries them on.
  let definition = args.definition;
  let versionId = meta.versionId;
  let state: InstanceState = args.carried?.state ?? initialState();
  const seenKeys: Record<string, CommandOutcome> = { ...args.carried?.seenKeys };
  /** Child id -> the child's workflow (= instance) id, to cancel it with this instance. */
  const childInstances: Record<string, string> = { ...args.carried?.childInstances };
  const timers = new Map<string, CancellationScope>();
  let queue: Promise<unknown> = Promise.resolve();
  let pending = 0;
  let effectsInFlight = 0;
  let fatal: Error | undefined;

  /**
   * Queues one command behind those before it. It is decided on the last recorded state and, once
   * accepted, recorded before the state moves on and before its effects are carried out.
   */
  function apply(input: CommandInput, atLeast?: string, startMeta?: InstanceMeta): Promise<Applied> {
    return inTurn(() => decideAndRecord(input, atLeast, startMeta));
  }

  /** Runs `work` after the commands and migrations queued before it. */
  function inTurn<T>(work: () => Promise<T>): Promise<T> {
    pending += 1;
    const done = queue.then(work);
    // The next command waits for this one whatever came of it; a failure here is the workflow's.
    queue = done
      .then(
        () => undefined,
        (error: unknown) => void (fatal = asError(error)),
      )
      .finally(() => void (pending -= 1));
    return done;
  }

  async function decideAndRecord(
    input: CommandInput,
    atLeast: string | undefined,
    startMeta: InstanceMeta | undefined,
  ): Promise<Applied> {
    const first = seenKeys[input.idempotencyKey];
    if (first) return { ok: true, outcome: { ...first, duplicate: true } };
    const calendar = await calendarFor(input.calendar);
    const at = atLeast === undefined ? workflowNow() : laterOf(workflowNow(), atLeast);
    const result = step(definition, state, input.event, at, { calendar: calendarOf(calendar) });
    if (!result.ok) return result;
    let recorded: boolean;
    try {
      recorded = await projection.recordTransition({
        instanceId,
        event: withCalendarRevision(input.event, calendar.revision),
        actorId: input.actorId,
        idempotencyKey: input.idempotencyKey,
        at,
        state: result.state,
        effects: result.effects,
        ...(startMeta ? { meta: startMeta } : {}),
      });
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      recorded = false;
      log.error('transition not recorded', { event: input.event.type, error: failureMessage(error) });
    }
    if (!recorded)
      return { ok: false, notRecorded: `revision ${result.state.revision} of ${input.event.type}` };
    state = result.state;
    const outcome: CommandOutcome = { revision: state.revision, status: state.status, duplicate: false };
    seenKeys[input.idempotencyKey] = outcome;
    carryOut(result.effects);
    return { ok: true, outcome };
  }

  /** What moving to the input's version would make of the state now (nothing is changed). */
  function migrationOf(input: MigrationInput): MigrationResult {
    if (input.versionId === versionId) return { ok: false, reasons: [alreadyOnTarget] };
    return migrateState(state, definition, input.definition, input.mapping);
  }

  /**
   * Migrates the last recorded state and records it before the instance runs on: from then on
   * every step is decided on the new definition. Timers and running activities are keyed by ids
   * the migration keeps, so they carry on as they are.
   */
  async function migrateAndRecord(
    input: MigrationInput,
  ): Promise<{ answer: MigrationAnswer } | { notRecorded: string }> {
    const first = seenKeys[input.idempotencyKey];
    if (first) return { answer: { migrated: true, revision: first.revision, duplicate: true } };
    const result = migrationOf(input);
    if (!result.ok) return { answer: { migrated: false, reasons: result.reasons } };
    let recorded: boolean;
    try {
      recorded = await projection.recordMigration({
        instanceId,
        fromVersionId: versionId,
        toVersionId: input.versionId,
        mapping: input.mapping,
        actorId: input.actorId,
        idempotencyKey: input.idempotencyKey,
        at: workflowNow(),
        state: result.state,
        tasks: repointedTasks(result.state, input.definition),
      });
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      recorded = false;
      log.error('migration not recorded', { error: failureMessage(error) });
    }
    if (!recorded) return { notRecorded: `revision ${result.state.revision} of migrated` };
    state = result.state;
    definition = input.definition;
    versionId = input.versionId;
    seenKeys[input.idempotencyKey] = { revision: state.revision, status: state.status, duplicate: false };
    return { answer: { migrated: true, revision: state.revision, duplicate: false } };
  }

  /** Applies an event no caller waits for; what is not applied is logged. */
  async function applySystemEvent(
    event: EngineEvent,
    idempotencyKey: string,
    atLeast?: string,
  ): Promise<Applied> {
    const applied = await apply({ event, actorId: null, idempotencyKey }, atLeast);
    // E.g. a timer whose task finished first: the engine no longer waits for it.
    if (!applied.ok)
      log.info('system event not applied', {
        event: event.type,
        code: 'rejection' in applied ? applied.rejection.code : TRANSITION_NOT_RECORDED,
      });
    return applied;
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
        case 'cancelChild':
          track(() => cancelChildInstance(effect));
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
          track(() => fireTimer(timerId, fireAt));
        },
        (error: unknown) => {
          if (!isCancellation(error)) fatal = asError(error);
        },
      );
  }

  /**
   * A timer the engine refuses as not yet due is armed again for its fireAt; refused for any other
   * reason it is dropped, through the engine, so no later run arms it again (as on the embedded runtime).
   */
  async function fireTimer(timerId: string, fireAt: string): Promise<void> {
    const fired = await applySystemEvent({ type: 'timerFired', timerId }, `timer/${timerId}`, fireAt);
    if (fired.ok || !('rejection' in fired)) return;
    const code = fired.rejection.code;
    if (code === 'TIMER_NOT_DUE') return armTimer(timerId, fireAt);
    if (code === 'TIMER_NOT_FOUND' || code === 'NOT_RUNNING') return;
    log.warn('timer dropped', { timerId, code });
    await applySystemEvent({ type: 'timerDropped', timerId, reason: code }, `timer/${timerId}/dropped`);
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
      event = {
        type: 'actionFailed',
        actionId: effect.actionId,
        error: failureMessage(error),
        attempts: attemptsOf(error),
      };
    }
    const outcome = event.type === 'actionCompleted' ? 'completed' : 'failed';
    await applySystemEvent(event, `action/${effect.actionId}/${outcome}`);
  }

  async function notify(effect: Extract<Effect, { type: 'notify' }>): Promise<void> {
    try {
      await effectActivities.deliverNotification({
        idempotencyKey: notificationKey(instanceId, effect),
        instanceId,
        to: effect.to,
        template: effect.template,
        payload: notificationPayload(effect),
      });
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      log.warn('notification not delivered', { taskId: effect.taskId, error: failureMessage(error) });
    }
  }

  /** A child runs the latest published version of its definition at the moment it starts (as on the embedded runtime). */
  async function startChildInstance(effect: Extract<Effect, { type: 'startChild' }>): Promise<void> {
    let published: PublishedDefinition;
    try {
      published = await effectActivities.loadPublishedDefinition(effect.definitionKey);
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      // The parent keeps waiting for the child, visibly; an operator publishes the definition or cancels.
      log.error('no published definition for child', {
        definitionKey: effect.definitionKey,
        error: failureMessage(error),
      });
      return;
    }
    const childInstanceId = uuid4();
    childInstances[effect.childId] = childInstanceId;
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
            title: childInstanceTitle({
              rendered: effect.title,
              parentTitle: meta.title,
              childDefinitionName: published.definition.name,
            }),
            parentId: instanceId,
            businessKey: effect.childId,
          },
          input: effect.input,
          actor: { userId: state.startedBy ?? args.actor.userId },
          idempotencyKey: `${instanceId}/child/${effect.childId}`,
          ...(state.unitAncestors ? { unitAncestors: state.unitAncestors } : {}),
          ...(state.unitHeads ? { unitHeads: state.unitHeads } : {}),
        },
      ],
    });
  }

  async function cancelChildInstance(effect: Extract<Effect, { type: 'cancelChild' }>): Promise<void> {
    const childInstanceId = childInstances[effect.childId];
    if (!childInstanceId) return; // never started (its definition was missing)
    const input: CommandInput = {
      event: {
        type: 'cancelled',
        actor: effect.actor,
        reason: `parent ${instanceId} cancelled${effect.reason === undefined ? '' : `: ${effect.reason}`}`,
      },
      actorId: null,
      idempotencyKey: `parent/${instanceId}/cancelled`,
    };
    try {
      await getExternalWorkflowHandle(childInstanceId).signal(eventSignal, input);
    } catch (error) {
      // The child has finished already; its report to this closed instance is ignored in turn.
      log.info('child not cancelled: it has closed', { childInstanceId, error: asError(error).message });
    }
  }

  /** A child reports how it ended, cancelled included; a parent that has closed no longer listens. */
  async function reportToParent(parentId: string, childId: string): Promise<void> {
    const outcome = state.status === 'cancelled' ? CANCELLED_OUTCOME : state.outcome;
    try {
      await getExternalWorkflowHandle(parentId).signal(eventSignal, {
        event: {
          type: 'childCompleted',
          childId,
          ...(outcome === undefined ? {} : { outcome }),
          variables: state.variables,
        },
        actorId: null,
        idempotencyKey: `child/${instanceId}`,
      });
    } catch (error) {
      log.info('parent has closed: child result ignored', { parentId, error: asError(error).message });
    }
  }

  if (args.carried) {
    // Continued: re-arm the durable timers the engine still waits for (keys already carry the rest).
    for (const timer of Object.values(state.timers)) armTimer(timer.id, timer.fireAt);
  } else {
    const started = apply(
      {
        event: {
          type: 'started',
          input: args.input,
          actor: args.actor,
          unitId: meta.unitId,
          ...(args.unitAncestors ? { unitAncestors: args.unitAncestors } : {}),
          ...(args.unitHeads ? { unitHeads: args.unitHeads } : {}),
        },
        actorId: args.actor.userId,
        idempotencyKey: args.idempotencyKey,
        ...(args.calendar ? { calendar: args.calendar } : {}),
      },
      undefined,
      meta,
    );
    void started.then((applied) => {
      if (!applied.ok) fatal = failureOf(applied);
    });
  }

  // Handlers after `started`: setHandler delivers buffered messages at once, and they need a running instance.
  setHandler(stateQuery, () => ({ state, revision: state.revision }));
  setHandler(eventSignal, async (input) => {
    const applied = await apply(input);
    if (!applied.ok)
      log.warn('event not applied', {
        event: input.event.type,
        code: 'rejection' in applied ? applied.rejection.code : TRANSITION_NOT_RECORDED,
      });
  });
  setHandler(
    commandUpdate,
    async (input) => {
      const applied = await apply(input);
      if (!applied.ok) throw failureOf(applied);
      return applied.outcome;
    },
    {
      // An early answer on the last recorded state; the handler decides again in turn. While a
      // transition is in flight its rows may already be visible (recordTransition wrote them) though
      // `state` has not moved on yet: a command for what they show must wait its turn, not be refused.
      validator: (input: CommandInput) => {
        if (seenKeys[input.idempotencyKey] || pending > 0) return;
        const dryRun = step(definition, state, input.event, workflowNow(), {
          calendar: calendarOf(input.calendar ?? SHIPPED_ONLY),
        });
        if (!dryRun.ok) throw rejectionFailure(dryRun.rejection);
      },
    },
  );
  setHandler(migrateUpdate, async (input) => {
    const done = await inTurn(() => migrateAndRecord(input));
    if ('notRecorded' in done) throw failureOf({ ok: false, notRecorded: done.notRecorded });
    return done.answer;
  });
  setHandler(settledUpdate, async () => {
    await queue;
    return { revision: state.revision, status: state.status, duplicate: false };
  });

  const ended = () => state.status === 'completed' || state.status === 'cancelled';
  for (;;) {
    await condition(() => fatal !== undefined || ended() || workflowInfo().continueAsNewSuggested);
    await condition(
      () => fatal !== undefined || (pending === 0 && effectsInFlight === 0 && allHandlersFinished()),
    );
    if (fatal !== undefined) throw fatal;
    if (ended()) break;
    await continueAsNew<typeof processWorkflow>({
      ...args,
      definition,
      meta: { ...meta, versionId },
      carried: { state, seenKeys, childInstances },
    });
  }

  if (meta.parentId && meta.businessKey) await reportToParent(meta.parentId, meta.businessKey);
  return { outcome: state.outcome, state };
}
