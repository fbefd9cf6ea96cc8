import { MockActivityEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/common';
import { createTemporalActivities } from '../../../activities/temporal-activities';
import type { ActionCall } from '../../../workflows/temporal/process-activities';

// The worker's activity wrappers: failures retrying cannot fix become non-retryable
// ApplicationFailures; everything else stays retryable. None of these cases reach the database.
const noDatabase = {
  query: () => Promise.reject(new Error('no database in this test')),
  connect: () => Promise.reject(new Error('no database in this test')),
};

function activitiesWith(fetch: typeof globalThis.fetch = () => Promise.reject(new Error('no network'))) {
  return createTemporalActivities({ pool: noDatabase as never, fetch, webhookTimeoutMs: 1000 });
}

const request = (action: string, params: Record<string, unknown>): ActionCall => ({
  instanceId: 'instance-1',
  actionId: 'action-1',
  action,
  params,
  idempotencyKey: 'instance-1/action/action-1',
  context: { startedBy: 'officer-1', unitId: 'station-1' },
});

const answer = (status: number) => () => Promise.resolve(new Response(null, { status }));

describe('temporal activity wrappers', () => {
  const env = new MockActivityEnvironment();

  it('returns an action result unchanged', async () => {
    const { runAction } = activitiesWith();
    await expect(
      env.run(runAction, request('setVariables', { values: { approved: true } })),
    ).resolves.toEqual({
      approved: true,
    });
  });

  it.each([
    ['an unknown action', request('noSuchAction', {}), undefined],
    ['invalid parameters', request('setVariables', { values: 'not an object' }), undefined],
    [
      'a webhook answering 404',
      request('webhook', { url: 'https://example.org/hook', method: 'POST' }),
      answer(404),
    ],
  ])('turns %s into a non-retryable NonRetryableActionError failure', async (_case, call, fetch) => {
    const { runAction } = activitiesWith(fetch);
    const failure = await env.run(runAction, call).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({
      type: 'NonRetryableActionError',
      nonRetryable: true,
      details: [{ attempt: 1 }],
    });
  });

  it('leaves a webhook answering 503 retryable, carrying the attempt it failed at', async () => {
    const { runAction } = activitiesWith(answer(503));
    // The fourth of Temporal's attempts: the workflow tells the engine the action ran four times.
    const fourthAttempt = new MockActivityEnvironment({ attempt: 4 });
    const failure = await fourthAttempt
      .run(runAction, request('webhook', { url: 'https://example.org/hook', method: 'POST' }))
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'ActionFailed', nonRetryable: false, details: [{ attempt: 4 }] });
    expect((failure as Error).message).toMatch(/503/);
  });

  it('leaves a database failure of recordTransition retryable', async () => {
    const { recordTransition } = activitiesWith();
    const transition = {
      instanceId: 'i-1',
      event: { type: 'timerFired', timerId: 'timer-1' },
      actorId: null,
      idempotencyKey: 'k-1',
      at: '2025-03-01T00:00:00.000Z',
      state: { revision: 2, status: 'running', tasks: {} },
      effects: [],
    };
    const failure = await env.run(recordTransition, transition as never).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).not.toBeInstanceOf(ApplicationFailure);
    expect((failure as Error).message).toMatch(/no database/);
  });
});
