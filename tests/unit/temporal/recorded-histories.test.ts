import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';
import { bundleWorkflowCode, DefaultLogger, type InjectedSinks, Runtime, Worker } from '@temporalio/worker';
import { historiesDir, KEPT_PREFIX, recordedScenarios } from '../../support/temporal-history-recorder';
import type { RecorderSinks } from './command-recorder.interceptor';

// Histories recorded from a live Temporal server by the live suites (`npm run record:histories`)
// replay against today's workflow code, offline: a change to the workflow that alters its command
// sequence fails here on every machine. The replayer checks each command against the recorded
// events that follow it; commands issued in the last recorded activation have none, so the activity
// and child workflow types the replay schedules are also compared in full, through an interceptor.
jest.setTimeout(120_000);

const files = readdirSync(historiesDir)
  .filter((name) => name.endsWith('.json'))
  .sort();

type History = temporal.api.history.v1.History;
let workflowBundle: { code: string };

beforeAll(async () => {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed by another suite in this jest worker.
  }
  workflowBundle = await bundleWorkflowCode({
    workflowsPath: require.resolve('../../../workflows/temporal/process.workflow'),
    workflowInterceptorModules: [require.resolve('./command-recorder.interceptor')],
    logger: new DefaultLogger('WARN'),
  });
});

function load(file: string): History {
  return temporal.api.history.v1.History.fromObject(
    JSON.parse(readFileSync(join(historiesDir, file), 'utf8')) as Record<string, unknown>,
  );
}

/** The activity and child workflow types the recorded run scheduled, in order. */
function scheduledTypes(history: History): string[] {
  return (history.events ?? []).flatMap((event) => {
    const activity = event.activityTaskScheduledEventAttributes?.activityType?.name;
    if (activity) return [`activity:${activity}`];
    const child = event.startChildWorkflowExecutionInitiatedEventAttributes?.workflowType?.name;
    return child ? [`child:${child}`] : [];
  });
}

describe('recorded Temporal histories', () => {
  // Also what keeps this suite from passing with no history at all. `kept-` files are histories
  // of older workflow code kept while a patched() branch still serves them (docs/temporal.md).
  it('are present for exactly the live scenarios that record one', () => {
    const recorded = files.filter((file) => !file.startsWith(KEPT_PREFIX));
    expect(recorded).toEqual(recordedScenarios.map((name) => `${name}.json`).sort());
  });

  it.each(files)('%s replays with the same commands and activity types', async (file) => {
    const history = load(file);
    const recorded: string[] = [];
    const sinks: InjectedSinks<RecorderSinks> = {
      commands: { record: { fn: (_info, command) => void recorded.push(command), callDuringReplay: true } },
    };
    await Worker.runReplayHistory({ workflowBundle, sinks }, history, file);
    const replayedTypes = recorded.filter((command) => /^(activity|child):/.test(command));
    expect(replayedTypes).toEqual(scheduledTypes(history));
  });
});
