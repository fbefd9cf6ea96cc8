// The activities as the Temporal worker registers them: the shared functions, with failures that
// retrying cannot fix turned into non-retryable ApplicationFailures so Temporal stops at once.
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import {
  ACTION_FAILED,
  DEFINITION_NOT_PUBLISHED,
  NON_RETRYABLE_ACTION_ERROR,
  type ProcessActivities,
} from '../workflows/temporal/process-activities';
import { type ActivityDeps, createActivities, DefinitionNotPublishedError } from './create-activities';
import { NonRetryableActionError } from './run-action';

async function mapNonRetryable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NonRetryableActionError) {
      throw ApplicationFailure.create({
        type: NON_RETRYABLE_ACTION_ERROR,
        message: error.message,
        nonRetryable: true,
      });
    }
    if (error instanceof DefinitionNotPublishedError) {
      throw ApplicationFailure.create({
        type: DEFINITION_NOT_PUBLISHED,
        message: error.message,
        nonRetryable: true,
      });
    }
    throw error;
  }
}

/**
 * An action's failure carries the attempt it ended, so the workflow can tell the engine how many
 * times the action really ran (Temporal's retries included) when it gives up.
 */
async function withAttempt<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await mapNonRetryable(work);
  } catch (error) {
    const { attempt } = Context.current().info;
    if (error instanceof ApplicationFailure)
      throw ApplicationFailure.create({
        type: error.type ?? ACTION_FAILED,
        message: error.message,
        nonRetryable: error.nonRetryable === true,
        details: [{ attempt }],
      });
    throw ApplicationFailure.create({
      type: ACTION_FAILED,
      message: error instanceof Error ? error.message : String(error),
      details: [{ attempt }],
    });
  }
}

export function createTemporalActivities(deps: ActivityDeps): ProcessActivities {
  const activities = createActivities(deps);
  return {
    recordTransition: (input) => mapNonRetryable(() => activities.recordTransition(input)),
    recordMigration: (input) => activities.recordMigration(input),
    loadPublishedDefinition: (key) => mapNonRetryable(() => activities.loadPublishedDefinition(key)),
    runAction: (request) => withAttempt(() => activities.runAction(request)),
    deliverNotification: (input) => mapNonRetryable(() => activities.deliverNotification(input)),
    currentCalendar: () => activities.currentCalendar(),
  };
}
