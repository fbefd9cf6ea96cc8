// Rebuilds an instance's state by folding its event log through the engine, each event with the
// `now` and the holiday calendar revision it was first applied with. Used to check that stored
// state and log never disagree.
import type { Pool } from 'pg';
import { createCalendarRevisions } from '../../activities/calendar-revisions';
import { calendarOf, calendarRevisionOf } from '../../activities/working-day-calendar';
import { initialState, step, type EngineEvent, type InstanceState } from '../../workflows/engine';
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
  const definition = await definitions.byVersion(instance[0].version_id);
  const { rows: events } = await pool.query<{ payload: EngineEvent; occurred_at: Date; sequence: number }>(
    'SELECT payload, occurred_at, sequence FROM instance_event WHERE instance_id = $1 ORDER BY sequence',
    [instanceId],
  );
  const calendars = createCalendarRevisions(pool);
  let state = initialState();
  for (const row of events) {
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
