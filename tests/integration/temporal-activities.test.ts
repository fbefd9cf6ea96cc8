import { randomUUID } from 'node:crypto';
import { MockActivityEnvironment } from '@temporalio/testing';
import { Pool } from 'pg';
import { createTemporalActivities } from '../../activities/temporal-activities';
import { initialState, step } from '../../workflows/engine';
import { projectLifecycle } from '../../workflows/definitions';
import type { TransitionRecord } from '../../workflows/temporal/process-activities';
import { createRuntimeDatabase } from '../support/runtime-fixtures';

// The activities as the Temporal worker runs them, against a real migrated database: the
// transition the workflow records becomes the projection rows, once, whatever the retries.
jest.setTimeout(60_000);

describe('temporal activities on PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof createRuntimeDatabase>>;
  let pool: Pool;
  const env = new MockActivityEnvironment();

  beforeAll(async () => {
    db = await createRuntimeDatabase();
    pool = new Pool({ connectionString: db.db.url, max: 2 });
  });
  afterAll(async () => {
    await pool.end();
    await db.close();
  });

  function startedTransition(instanceId: string, userId: string): TransitionRecord {
    const at = '2025-03-01T01:00:00.000Z';
    const event = {
      type: 'started' as const,
      input: { projectName: '银龄守护' },
      actor: { userId },
      unitId: db.stationId,
    };
    const result = step(projectLifecycle, initialState(), event, at);
    if (!result.ok) throw new Error('start rejected');
    return {
      instanceId,
      event,
      actorId: userId,
      idempotencyKey: `start-${instanceId}`,
      at,
      state: result.state,
      effects: result.effects,
      meta: { versionId: db.versionIds['project-lifecycle']!, unitId: db.stationId, title: '银龄守护' },
    };
  }

  it('recordTransition writes the instance, the event and the first task once; a retry writes nothing and answers recorded', async () => {
    const { recordTransition } = createTemporalActivities({ pool });
    const instanceId = randomUUID();
    const transition = startedTransition(instanceId, db.users.shegong!);
    await expect(env.run(recordTransition, transition)).resolves.toBe(true);
    // A retry of an attempt that committed: the transition is in Postgres, so it is recorded.
    await expect(env.run(recordTransition, transition)).resolves.toBe(true);
    const events = await pool.query(
      'SELECT type, sequence, idempotency_key FROM instance_event WHERE instance_id = $1',
      [instanceId],
    );
    expect(events.rows).toEqual([{ type: 'started', sequence: 1, idempotency_key: `start-${instanceId}` }]);
    const tasks = await pool.query('SELECT node_id, status FROM task WHERE instance_id = $1', [instanceId]);
    expect(tasks.rows).toEqual([{ node_id: 'assess', status: 'open' }]);
    const instance = await pool.query('SELECT status, revision FROM process_instance WHERE id = $1', [
      instanceId,
    ]);
    expect(instance.rows).toEqual([{ status: 'running', revision: 1 }]);
  });

  it('recordTransition answers not recorded when the projection holds another history than the transition', async () => {
    const { recordTransition } = createTemporalActivities({ pool });
    const instanceId = randomUUID();
    await env.run(recordTransition, startedTransition(instanceId, db.users.shegong!));
    // Another start of the same instance (another key): the row is at revision 1 already, not by it.
    const other = { ...startedTransition(instanceId, db.users.shegong!), idempotencyKey: 'another-start' };
    await expect(env.run(recordTransition, other)).resolves.toBe(false);
  });

  it('loadPublishedDefinition gives the latest published version, and a non-retryable failure for an unknown key', async () => {
    const { loadPublishedDefinition } = createTemporalActivities({ pool });
    await expect(env.run(loadPublishedDefinition, 'project-lifecycle')).resolves.toMatchObject({
      versionId: db.versionIds['project-lifecycle'],
      definition: { key: 'project-lifecycle' },
    });
    await expect(env.run(loadPublishedDefinition, 'no-such-definition')).rejects.toMatchObject({
      type: 'DefinitionNotPublished',
      nonRetryable: true,
    });
  });

  it('deliverNotification stores one notification per idempotency key', async () => {
    const { recordTransition, deliverNotification } = createTemporalActivities({ pool });
    const instanceId = randomUUID();
    await env.run(recordTransition, startedTransition(instanceId, db.users.shegong!));
    const notification = {
      idempotencyKey: `${instanceId}/notify/task-1/task.reminder`,
      instanceId,
      to: { type: 'user' as const, userId: db.users.shegong! },
      template: 'task.reminder',
      payload: { taskId: 'task-1', nodeId: 'assess' },
    };
    await expect(env.run(deliverNotification, notification)).resolves.toEqual({ delivered: true });
    await expect(env.run(deliverNotification, notification)).resolves.toEqual({ delivered: false });
    const rows = await pool.query('SELECT template FROM notification WHERE instance_id = $1', [instanceId]);
    expect(rows.rows).toEqual([{ template: 'task.reminder' }]);
  });
});
