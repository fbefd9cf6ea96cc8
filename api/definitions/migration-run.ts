// Executing a migration: each named instance moves through the Orchestrator port on its own, all
// or nothing, and each move gets its audit row (right after the move commits, as every command
// through the port is recorded). Instances already on the target, or on neither
// version, are reported with a reason rather than failing the request.
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import type { AuditEntry } from '../http/audit-entry';
import type { Orchestrator } from '../orchestrator/orchestrator';
import { engineCall } from '../work/engine-errors';
import { notOnSource } from '../../workflows/engine';
import { checkMapping, migrationVersions } from './migration-plan';
import type { TMigrationResults } from './migration.types';

export interface MigrationRun {
  fromVersion: number;
  toVersion: number;
  mapping: Record<string, string>;
  instanceIds: string[];
}

async function isAudited(db: DbClient, instanceId: string, revision: number): Promise<boolean> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT 1 FROM audit_log
    WHERE resource_type = 'project' AND resource_id = ${instanceId} AND action = 'project.migrated'
      AND detail->'after'->>'revision' = ${String(revision)}`;
  return rows.length > 0;
}

export async function runMigrations(
  db: DbClient,
  orchestrator: Orchestrator,
  caller: Caller,
  key: string,
  run: MigrationRun,
  idempotencyKey: string | undefined,
  audit: (entry: AuditEntry) => Promise<void>,
): Promise<TMigrationResults> {
  const { from, to } = await migrationVersions(db, key, run.fromVersion, run.toVersion);
  checkMapping(from, to, run.mapping);
  const ids = [...new Set(run.instanceIds)];
  const rows = await db.$queryRaw<Array<{ id: string; version_id: string; unit_id: string }>>`
    SELECT i.id, i.version_id, i.unit_id
    FROM process_instance i JOIN process_definition_version v ON v.id = i.version_id
      JOIN process_definition d ON d.id = v.definition_id
    WHERE i.id = ANY(${ids}::uuid[]) AND d.key = ${key}`;
  const byId = new Map(rows.map((row) => [row.id, row]));
  const unknown = ids.flatMap((id, index) => (byId.has(id) ? [] : [{ id, index }]));
  if (unknown.length > 0)
    throw new AppError(
      'MIGRATION_INVALID',
      'Some instances are not instances of this definition.',
      unknown.map(({ id, index }) => ({
        field: `instanceIds.${index}`,
        reason: `${id} is not an instance of ${key}`,
        reasonZh: `${id} 不是流程 ${key} 的实例`,
      })),
      { detailZh: '部分实例不属于该流程定义' },
    );
  // One key for every instance: the port keeps it per instance (and per caller), so a retried
  // request moves none of them twice.
  const instanceKey = idempotencyKey === undefined ? undefined : `migration/${idempotencyKey}`;
  const results: TMigrationResults['results'] = [];
  for (const id of ids) {
    const row = byId.get(id)!;
    if (row.version_id !== from.id && row.version_id !== to.id) {
      results.push({ instanceId: id, migrated: false, reasons: [notOnSource] });
      continue;
    }
    const outcome = await engineCall(() =>
      orchestrator.migrate(id, to.id, run.mapping, { userId: caller.userId }, instanceKey),
    );
    if (!outcome.migrated) {
      results.push({ instanceId: id, migrated: false, reasons: outcome.reasons });
      continue;
    }
    // A duplicate was moved by an earlier attempt of this request, which may have stopped before
    // its audit row: written now if it is missing.
    if (!outcome.duplicate || !(await isAudited(db, id, outcome.revision)))
      await audit({
        action: 'project.migrated',
        resourceType: 'project',
        resourceId: id,
        unitId: row.unit_id,
        before: { version: from.version },
        after: { version: to.version, mapping: run.mapping, revision: outcome.revision },
      });
    results.push({ instanceId: id, migrated: true, reasons: [] });
  }
  return { results };
}
