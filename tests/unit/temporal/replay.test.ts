import { bundleWorkflowCode, DefaultLogger, type InjectedSinks, Runtime, Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { initialState, step } from '../../../workflows/engine';
import { projectLifecycle } from '../../../workflows/definitions';
import type { ProcessWorkflowArgs } from '../../../workflows/temporal/process.workflow';
import { chain } from '../engine/drive';
import type { RecorderSinks } from './command-recorder.interceptor';
import { historyBuilder } from './history-builder';

// Scripted histories pin the exact commands the process workflow emits for a given sequence of
// messages, activity results and timer firings. The replayer fails on a different command order
// (DeterminismViolationError); activity type names, which it does not compare, are pinned through
// an interceptor that records every command during replay.
jest.setTimeout(120_000);

const T0 = '2025-03-01T01:00:00.000Z';
const DAY = 24 * 60 * 60 * 1000;
const assessForm = {
  targetGroup: '社区长者',
  serviceDomain: '为老服务',
  needsSummary: '独居长者缺少日常探访与照护',
};

const lifecycleArgs: ProcessWorkflowArgs = {
  instanceId: '00000000-0000-4000-8000-000000000001',
  definition: projectLifecycle,
  meta: { versionId: 'version-1', unitId: 'station-1', title: '银龄守护' },
  input: { projectName: '银龄守护' },
  actor: { userId: 'officer-1' },
  idempotencyKey: 'start-1',
};

type History = ReturnType<ReturnType<typeof historyBuilder>['build']>;
let workflowBundle: { code: string };

beforeAll(async () => {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed by another suite in this jest worker: its logger stays.
  }
  const quiet = new DefaultLogger('WARN');
  workflowBundle = await bundleWorkflowCode({
    workflowsPath: require.resolve('../../../workflows/temporal/process.workflow'),
    workflowInterceptorModules: [require.resolve('./command-recorder.interceptor')],
    logger: quiet,
  });
});

async function replay(history: History): Promise<string[]> {
  const recorded: string[] = [];
  const sinks: InjectedSinks<RecorderSinks> = {
    commands: { record: { fn: (_info, command) => void recorded.push(command), callDuringReplay: true } },
  };
  await Worker.runReplayHistory({ workflowBundle, sinks }, history, 'replay-instance');
  return recorded;
}

/** The opening every lifecycle history shares: start, record the `started` transition, arm the deadline timers. */
function startedLifecycle() {
  const h = historyBuilder('processWorkflow', T0).started(lifecycleArgs);
  const wft1 = h.workflowTask();
  h.activityCompleted(h.activityScheduled('1', 'recordTransition', wft1), true);
  const wft2 = h.workflowTask();
  const reminder = h.timerStarted('1', 14 * DAY, wft2);
  const escalation = h.timerStarted('2', 21 * DAY, wft2);
  return { h, reminder, escalation };
}

const startCommands = ['activity:recordTransition', `timer:${14 * DAY}`, `timer:${21 * DAY}`];

describe('process workflow replay', () => {
  it('start: records the started transition first, then arms the reminder and escalation timers of the first task', async () => {
    const { h } = startedLifecycle();
    await expect(replay(h.build())).resolves.toEqual(startCommands);
  });

  it('task completion by update: records it, cancels the old task timers, arms the next task timers, then answers', async () => {
    const { h, reminder, escalation } = startedLifecycle();
    h.advance(DAY);
    const wft3 = h.workflowTask();
    const update = h.updateAccepted('command', h.lastWorkflowTaskStarted(), {
      event: { type: 'taskCompleted', taskId: 'task-1', actor: { userId: 'officer-1' }, data: assessForm },
      actorId: 'officer-1',
      idempotencyKey: 'complete-assess',
    });
    h.activityCompleted(h.activityScheduled('2', 'recordTransition', wft3), true);
    const wft4 = h.workflowTask();
    // A cancelled sleep issues its CancelTimer command one microtask later, after the new timers.
    h.timerStarted('3', 7 * DAY, wft4);
    h.timerStarted('4', 10 * DAY, wft4);
    h.timerCanceled('1', reminder, wft4);
    h.timerCanceled('2', escalation, wft4);
    h.updateCompleted(update, { revision: 2, status: 'running', duplicate: false });
    await expect(replay(h.build())).resolves.toEqual([
      ...startCommands,
      'activity:recordTransition',
      `timer:${7 * DAY}`,
      `timer:${10 * DAY}`,
    ]);
  });

  it('a repeated idempotency key applies nothing: no record, no timer', async () => {
    const { h } = startedLifecycle();
    // Reusing the start's key for a cancellation: applied, it would record and cancel the timers.
    h.signaled('event', {
      event: { type: 'cancelled', actor: { userId: 'officer-1' }, reason: 'retried' },
      actorId: 'officer-1',
      idempotencyKey: 'start-1',
    });
    h.workflowTask();
    h.advance(DAY).signaled('event', {
      event: { type: 'cancelled', actor: { userId: 'officer-1' } },
      actorId: 'officer-1',
      idempotencyKey: 'cancel-1',
    });
    const wft4 = h.workflowTask();
    h.activityScheduled('2', 'recordTransition', wft4);
    await expect(replay(h.build())).resolves.toEqual([...startCommands, 'activity:recordTransition']);
  });

  it('timer firing: steps timerFired, records it, then delivers the reminder notification', async () => {
    const { h, reminder } = startedLifecycle();
    h.advance(14 * DAY).timerFired('1', reminder);
    const wft3 = h.workflowTask();
    h.activityCompleted(h.activityScheduled('2', 'recordTransition', wft3), true);
    const wft4 = h.workflowTask();
    h.activityCompleted(h.activityScheduled('3', 'deliverNotification', wft4), { delivered: true });
    h.workflowTask();
    await expect(replay(h.build())).resolves.toEqual([
      ...startCommands,
      'activity:recordTransition',
      'activity:deliverNotification',
    ]);
  });

  describe('activity results', () => {
    const actionDef = chain([
      {
        id: 'set',
        kind: 'action',
        name: '设置变量',
        action: 'setVariables',
        params: { values: { approved: true } },
      },
    ]);
    const actionArgs: ProcessWorkflowArgs = { ...lifecycleArgs, definition: actionDef, input: {} };

    function actionHistory() {
      const h = historyBuilder('processWorkflow', T0).started(actionArgs);
      const wft1 = h.workflowTask();
      h.activityCompleted(h.activityScheduled('1', 'recordTransition', wft1), true);
      const wft2 = h.workflowTask();
      const action = h.activityScheduled('2', 'runAction', wft2);
      return { h, action };
    }

    it('a completed action is stepped as actionCompleted, recorded, and the instance completes', async () => {
      const { h, action } = actionHistory();
      h.activityCompleted(action, { approved: true });
      const wft3 = h.workflowTask();
      h.activityCompleted(h.activityScheduled('3', 'recordTransition', wft3), true);
      h.completed(h.workflowTask(), { outcome: 'done' });
      await expect(replay(h.build())).resolves.toEqual([
        'activity:recordTransition',
        'activity:runAction',
        'activity:recordTransition',
      ]);
    });

    it('a non-retryable action failure is stepped as actionFailed and recorded', async () => {
      const { h, action } = actionHistory();
      h.activityFailed(action, {
        message: 'webhook answered 404',
        type: 'NonRetryableActionError',
        nonRetryable: true,
      });
      const wft3 = h.workflowTask();
      h.activityCompleted(h.activityScheduled('3', 'recordTransition', wft3), true);
      h.workflowTask();
      await expect(replay(h.build())).resolves.toEqual([
        'activity:recordTransition',
        'activity:runAction',
        'activity:recordTransition',
      ]);
    });
  });

  describe('continue-as-new', () => {
    it('continues as new once the server suggests it and the started transition is recorded', async () => {
      const h = historyBuilder('processWorkflow', T0).started(lifecycleArgs);
      const wft1 = h.workflowTask();
      h.activityCompleted(h.activityScheduled('1', 'recordTransition', wft1), true);
      const wft2 = h.workflowTask({ suggestContinueAsNew: true });
      h.timerStarted('1', 14 * DAY, wft2);
      h.timerStarted('2', 21 * DAY, wft2);
      h.continuedAsNew(wft2, lifecycleArgs);
      await expect(replay(h.build())).resolves.toEqual([...startCommands, 'continueAsNew:processWorkflow']);
    });

    it('the continued run re-arms the open timers from the carried state and records nothing', async () => {
      const started = step(
        projectLifecycle,
        initialState(),
        { type: 'started', input: lifecycleArgs.input, actor: lifecycleArgs.actor, unitId: 'station-1' },
        T0,
      );
      if (!started.ok) throw new Error('start rejected');
      const carried = {
        state: started.state,
        seenKeys: { 'start-1': { revision: 1, status: 'running' as const, duplicate: false } },
      };
      const h = historyBuilder('processWorkflow', T0)
        .advance(DAY)
        .started({ ...lifecycleArgs, carried });
      const wft1 = h.workflowTask();
      h.timerStarted('1', 13 * DAY, wft1);
      h.timerStarted('2', 20 * DAY, wft1);
      await expect(replay(h.build())).resolves.toEqual([`timer:${13 * DAY}`, `timer:${20 * DAY}`]);
    });
  });

  it('fails with DeterminismViolationError when the history holds a different command sequence', async () => {
    // Code that armed a timer before recording the started transition would have produced this history.
    const h = historyBuilder('processWorkflow', T0).started(lifecycleArgs);
    const wft1 = h.workflowTask();
    h.timerStarted('1', 14 * DAY, wft1);
    h.workflowTask();
    await expect(replay(h.build())).rejects.toThrow(DeterminismViolationError);
  });
});
