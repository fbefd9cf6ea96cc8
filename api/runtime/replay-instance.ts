// Rebuilds an instance's state by folding its event log through the engine, each event with the
// `now` and the holiday calendar revision it was first applied with, and each `migrated` row
// through migrateState onto the version it moved to. Used to check that stored state and log never
// disagree.
import type { Pool } from 'pg';
import { createCalendarRevisions } from '../../activities/calendar-revisions';
import { calendarOf, calendarRevisionOf } from '../../activities/working-day-calendar';
import type { MigratedPayload } from '../../activities/instance-migration';
import {
  initialState,
  migrateState,
  step,
  type EngineEvent,
  type InstanceState,
} from '../../workflows/engine';
import type { DefinitionStore } from './definition-store';

export async function replayInstance(
  pool: Pool,
  definitions: DefinitionStore,
  instanceId: string,
): Promise<InstanceState> {
  const { rows: instance } = await pool.query<{ version_id: string }>(
    'SELECT version_id FROM process_instance WHERE id = $1',
    [instanceId],
  );
  if (!instance[0]) throw new Error(`instance ${instanceId} does not exist`);
  const { rows: events } = await pool.query<{
    type: string;
    payload: EngineEvent | MigratedPayload;
    occurred_at: Date;
    sequence: number;
  }>(
    'SELECT type, payload, occurred_at, sequence FROM instance_event WHERE instance_id = $1 ORDER BY sequence',
    [instanceId],
  );
  // The instance started on the version its first migration left, else on the one it runs on.
  const firstMigration = events.find((row) => row.type === 'migrated')?.payload as
    MigratedPayload | undefined;
  let definition = await definitions.byVersion(firstMigration?.fromVersionId ?? instance[0].version_id);
  const calendars = createCalendarRevisions(pool);
  let state = initialState();
  for (const row of events) {
    if (row.payload.type === 'migrated') {
      const target = await definitions.byVersion(row.payload.toVersionId);
      const moved = migrateState(state, definition, target, row.payload.mapping);
      if (!moved.ok) throw new Error(`migration ${row.sequence} of ${instanceId} no longer applies`);
      state = moved.state;
      definition = target;
      continue;
    }
    const calendar = await calendars.at(calendarRevisionOf(row.payload));
    const result = step(definition, state, row.payload, row.occurred_at.toISOString(), {
      calendar: calendarOf(calendar),
    });
    if (!result.ok)
      throw new Error(`event ${row.sequence} of ${instanceId} no longer applies: ${result.rejection.code}`);
    state = result.state;
  }
  return state;
}
