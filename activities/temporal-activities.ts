// The activities as the Temporal worker registers them: the shared functions, with failures that
// retrying cannot fix turned into non-retryable ApplicationFailures so Temporal stops at once.
import { ApplicationFailure } from '@temporalio/common';
import {
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

export function createTemporalActivities(deps: ActivityDeps): ProcessActivities {
  const activities = createActivities(deps);
  return {
    recordTransition: (input) => mapNonRetryable(() => activities.recordTransition(input)),
    recordMigration: (input) => activities.recordMigration(input),
    loadPublishedDefinition: (key) => mapNonRetryable(() => activities.loadPublishedDefinition(key)),
    runAction: (request) => mapNonRetryable(() => activities.runAction(request)),
    deliverNotification: (input) => mapNonRetryable(() => activities.deliverNotification(input)),
    currentCalendar: () => activities.currentCalendar(),
  };
}
