// Writes an instance's migration to another version of its definition: the instance row (state,
// revision, version), the `migrated` event in its log and the re-pointed open task rows. Both
// runtimes call it. One statement, so it applies completely or not at all, guarded like every
// transition by the revision it was decided on, the version it was decided from and its key.
import type { MigrationRecord } from '../workflows/temporal/process-activities';
import type { Sql } from './sql';

/** The payload of a `migrated` row of the instance log (built by the statement below). */
export interface MigratedPayload {
  type: 'migrated';
  fromVersionId: string;
  toVersionId: string;
  fromVersion: number;
  toVersion: number;
  mapping: Record<string, string>;
  actor: { userId: string } | null;
}

/** Writes the migration; false when the instance had moved on (or the key was logged): nothing written. */
export async function writeMigration(sql: Sql, record: MigrationRecord): Promise<boolean> {
  const { rows } = await sql.query<{ written: number }>({
    name: 'sgf_write_migration',
    text: `WITH moved AS (
        UPDATE process_instance SET state = $2::jsonb, revision = $3, version_id = $4::uuid
        WHERE id = $1::uuid AND revision = $3 - 1 AND version_id = $5::uuid
          AND NOT EXISTS (SELECT FROM instance_event e WHERE e.instance_id = $1::uuid AND e.idempotency_key = $7)
        RETURNING id
      ), logged AS (
        INSERT INTO instance_event (instance_id, sequence, type, payload, actor_id, idempotency_key, occurred_at)
        SELECT moved.id, $3, 'migrated',
               jsonb_build_object('type', 'migrated', 'fromVersionId', $5::text, 'toVersionId', $4::text,
                 'fromVersion', (SELECT version FROM process_definition_version WHERE id = $5::uuid),
                 'toVersion', (SELECT version FROM process_definition_version WHERE id = $4::uuid),
                 'mapping', $6::jsonb,
                 'actor', CASE WHEN $8::uuid IS NULL THEN NULL ELSE jsonb_build_object('userId', $8::text) END),
               $8::uuid, $7, $9::timestamptz
        FROM moved
      ), repointed AS (
        UPDATE task t SET node_id = o."nodeId", name = o.name, form = coalesce(o.form, t.form)
        FROM moved, jsonb_to_recordset($10::jsonb) AS o("engineTaskId" text, "nodeId" text, name text, form jsonb)
        WHERE t.instance_id = moved.id AND t.engine_task_id = o."engineTaskId"
          AND t.status NOT IN ('completed', 'cancelled')
      )
      SELECT count(*)::int AS written FROM moved`,
    values: [
      record.instanceId,
      JSON.stringify(record.state),
      record.state.revision,
      record.toVersionId,
      record.fromVersionId,
      JSON.stringify(record.mapping),
      record.idempotencyKey,
      record.actorId,
      record.at,
      JSON.stringify(record.tasks),
    ],
  });
  return rows[0]!.written === 1;
}
