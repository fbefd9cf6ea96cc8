// Test-only workflow interceptor: reports each command the workflow issues (with activity type
// names, which the replayer itself does not compare) through a sink that also runs during replay.
import { proxySinks, type Sinks, type WorkflowInterceptorsFactory } from '@temporalio/workflow';

export interface RecorderSinks extends Sinks {
  commands: { record(command: string): void };
}

const { commands } = proxySinks<RecorderSinks>();

export const interceptors: WorkflowInterceptorsFactory = () => ({
  outbound: [
    {
      scheduleActivity: (input, next) => {
        commands.record(`activity:${input.activityType}`);
        return next(input);
      },
      startTimer: (input, next) => {
        commands.record(`timer:${input.durationMs}`);
        return next(input);
      },
      startChildWorkflowExecution: (input, next) => {
        commands.record(`child:${input.workflowType}`);
        return next(input);
      },
      continueAsNew: (input, next) => {
        commands.record(`continueAsNew:${input.options.workflowType ?? ''}`);
        return next(input);
      },
    },
  ],
});
