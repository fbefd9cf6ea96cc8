// Builds workflow histories in code (the server's side of a conversation) for the replayer:
// each method appends the events a real server would write, numbering ids and advancing time.
import { defaultPayloadConverter } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

const EventType = temporal.api.enums.v1.EventType;
// Plain objects: History.fromObject turns numbers into the Longs the proto types declare.
type Event = Record<string, unknown>;

export const TASK_QUEUE = 'replay-queue';

function payloads(...values: unknown[]) {
  return { payloads: values.map((value) => defaultPayloadConverter.toPayload(value)) };
}

function duration(ms: number) {
  return { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1_000_000 };
}

export function historyBuilder(workflowType: string, startAt: string) {
  const events: Event[] = [];
  let clock = Date.parse(startAt);
  let protocolSeq = 0;
  const add = (event: Event): number => {
    const eventId = events.length + 1;
    events.push({
      eventId,
      eventTime: { seconds: Math.floor(clock / 1000), nanos: (clock % 1000) * 1_000_000 },
      ...event,
    });
    return eventId;
  };
  const builder = {
    /** Moves the server clock on; the next workflow task starts at the new time. */
    advance(ms: number) {
      clock += ms;
      return builder;
    },
    now: () => new Date(clock).toISOString(),
    started(...args: unknown[]) {
      add({
        eventType: EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED,
        workflowExecutionStartedEventAttributes: {
          workflowType: { name: workflowType },
          taskQueue: { name: TASK_QUEUE },
          input: payloads(...args),
          workflowTaskTimeout: duration(10_000),
          originalExecutionRunId: 'run-1',
          firstExecutionRunId: 'run-1',
          attempt: 1,
          identity: 'history-builder',
        },
      });
      return builder;
    },
    /** Scheduled, started and completed; returns the completed event id that commands refer to. */
    workflowTask(options: { suggestContinueAsNew?: boolean } = {}): number {
      const scheduledEventId = add({
        eventType: EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED,
        workflowTaskScheduledEventAttributes: {
          taskQueue: { name: TASK_QUEUE },
          startToCloseTimeout: duration(10_000),
          attempt: 1,
        },
      });
      const startedEventId = add({
        eventType: EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED,
        workflowTaskStartedEventAttributes: {
          scheduledEventId,
          identity: 'history-builder',
          requestId: `request-${scheduledEventId}`,
          suggestContinueAsNew: options.suggestContinueAsNew ?? false,
          historySizeBytes: 1024,
        },
      });
      return add({
        eventType: EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED,
        workflowTaskCompletedEventAttributes: {
          scheduledEventId,
          startedEventId,
          identity: 'history-builder',
        },
      });
    },
    activityScheduled(
      activityId: string,
      activityType: string,
      workflowTaskCompletedEventId: number,
      input: unknown = null,
    ): number {
      return add({
        eventType: EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED,
        activityTaskScheduledEventAttributes: {
          activityId,
          activityType: { name: activityType },
          taskQueue: { name: TASK_QUEUE },
          input: payloads(input),
          startToCloseTimeout: duration(30_000),
          workflowTaskCompletedEventId,
        },
      });
    },
    activityCompleted(scheduledEventId: number, result: unknown) {
      const startedEventId = add({
        eventType: EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED,
        activityTaskStartedEventAttributes: { scheduledEventId, identity: 'history-builder', attempt: 1 },
      });
      add({
        eventType: EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED,
        activityTaskCompletedEventAttributes: { scheduledEventId, startedEventId, result: payloads(result) },
      });
      return builder;
    },
    activityFailed(
      scheduledEventId: number,
      failure: { message: string; type: string; nonRetryable: boolean },
    ) {
      const startedEventId = add({
        eventType: EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED,
        activityTaskStartedEventAttributes: { scheduledEventId, identity: 'history-builder', attempt: 1 },
      });
      add({
        eventType: EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED,
        activityTaskFailedEventAttributes: {
          scheduledEventId,
          startedEventId,
          failure: {
            message: failure.message,
            applicationFailureInfo: { type: failure.type, nonRetryable: failure.nonRetryable },
          },
          retryState: temporal.api.enums.v1.RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE,
        },
      });
      return builder;
    },
    timerStarted(timerId: string, ms: number, workflowTaskCompletedEventId: number): number {
      return add({
        eventType: EventType.EVENT_TYPE_TIMER_STARTED,
        timerStartedEventAttributes: {
          timerId,
          startToFireTimeout: duration(ms),
          workflowTaskCompletedEventId,
        },
      });
    },
    timerFired(timerId: string, startedEventId: number) {
      add({
        eventType: EventType.EVENT_TYPE_TIMER_FIRED,
        timerFiredEventAttributes: { timerId, startedEventId },
      });
      return builder;
    },
    timerCanceled(timerId: string, startedEventId: number, workflowTaskCompletedEventId: number) {
      add({
        eventType: EventType.EVENT_TYPE_TIMER_CANCELED,
        timerCanceledEventAttributes: {
          timerId,
          startedEventId,
          workflowTaskCompletedEventId,
          identity: 'history-builder',
        },
      });
      return builder;
    },
    signaled(signalName: string, ...args: unknown[]) {
      add({
        eventType: EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED,
        workflowExecutionSignaledEventAttributes: {
          signalName,
          input: payloads(...args),
          identity: 'history-builder',
        },
      });
      return builder;
    },
    /** The accepted event a server writes after the workflow task whose validator accepted the update. */
    updateAccepted(
      name: string,
      workflowTaskStartedEventId: number,
      ...args: unknown[]
    ): { acceptedEventId: number; updateId: string } {
      protocolSeq += 1;
      const updateId = `update-${protocolSeq}`;
      const acceptedEventId = add({
        eventType: EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED,
        workflowExecutionUpdateAcceptedEventAttributes: {
          protocolInstanceId: updateId,
          acceptedRequestMessageId: `${updateId}/request`,
          acceptedRequestSequencingEventId: workflowTaskStartedEventId,
          acceptedRequest: {
            meta: { updateId, identity: 'history-builder' },
            input: { name, args: payloads(...args) },
          },
        },
      });
      return { acceptedEventId, updateId };
    },
    updateCompleted(update: { acceptedEventId: number; updateId: string }, result: unknown) {
      add({
        eventType: EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED,
        workflowExecutionUpdateCompletedEventAttributes: {
          meta: { updateId: update.updateId, identity: 'history-builder' },
          acceptedEventId: update.acceptedEventId,
          outcome: { success: payloads(result) },
        },
      });
      return builder;
    },
    continuedAsNew(workflowTaskCompletedEventId: number, ...args: unknown[]) {
      add({
        eventType: EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW,
        workflowExecutionContinuedAsNewEventAttributes: {
          newExecutionRunId: 'run-2',
          workflowType: { name: workflowType },
          taskQueue: { name: TASK_QUEUE },
          input: payloads(...args),
          workflowTaskTimeout: duration(10_000),
          workflowTaskCompletedEventId,
        },
      });
      return builder;
    },
    completed(workflowTaskCompletedEventId: number, result: unknown) {
      add({
        eventType: EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED,
        workflowExecutionCompletedEventAttributes: { result: payloads(result), workflowTaskCompletedEventId },
      });
      return builder;
    },
    /** The started event id of the most recent workflow task (an accepted update's sequencing event). */
    lastWorkflowTaskStarted(): number {
      for (let i = events.length - 1; i >= 0; i--) {
        if (events[i]?.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED) return i + 1;
      }
      throw new Error('no workflow task yet');
    },
    build: () => temporal.api.history.v1.History.fromObject({ events }),
    events: () => events,
  };
  return builder;
}
