// What both runtimes check before migrating an instance: that it exists, that the target is a
// published version of the same definition, whether the caller's key moved it already and whether
// it runs on the target already. The migration itself is decided by the engine (migrateState).
import type { Sql } from '../../activities/sql';
import { alreadyOnTarget, type InstanceState } from '../../workflows/engine';
import { OrchestratorError, type MigrationOutcome } from './orchestrator';

/** An instance to migrate: where it runs now, or the answer when there is nothing to do. */
export type MigrationSubject =
  { outcome: MigrationOutcome } | { fromVersionId: string; state: InstanceState; revision: number };

export async function migrationSubject(
  sql: Sql,
  instanceId: string,
  targetVersionId: string,
  scopedKey: string,
): Promise<MigrationSubject> {
  const { rows } = await sql.query<{
    version_id: string;
    state: InstanceState;
    revision: number;
    logged: number | null;
    target_status: string | null;
    same_definition: boolean | null;
  }>(
    `SELECT i.version_id, i.state, i.revision,
            (SELECT e.sequence FROM instance_event e WHERE e.instance_id = i.id AND e.idempotency_key = $3) AS logged,
            t.status AS target_status, t.definition_id = s.definition_id AS same_definition
     FROM process_instance i JOIN process_definition_version s ON s.id = i.version_id
     LEFT JOIN process_definition_version t ON t.id = $2::uuid
     WHERE i.id = $1::uuid`,
    [instanceId, targetVersionId, scopedKey],
  );
  const row = rows[0];
  if (!row)
    throw new OrchestratorError('INSTANCE_NOT_FOUND', {
      zh: `流程实例 ${instanceId} 不存在`,
      en: `instance ${instanceId} does not exist`,
    });
  if (row.logged !== null) return { outcome: { migrated: true, revision: row.logged, duplicate: true } };
  // A draft may still change, and another definition's graph has no business with this instance.
  if (row.target_status !== 'published' || !row.same_definition)
    throw new OrchestratorError('VERSION_NOT_FOUND', {
      zh: `流程定义版本 ${targetVersionId} 不是该流程已发布的版本`,
      en: `${targetVersionId} is not a published version of the instance's definition`,
    });
  if (row.version_id === targetVersionId) return { outcome: { migrated: false, reasons: [alreadyOnTarget] } };
  return { fromVersionId: row.version_id, state: row.state, revision: row.revision };
}
