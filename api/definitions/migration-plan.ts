// The migration plan of a definition's running instances from one published version to another:
// the node mapping (suggested from ids and kinds, or the admin's edit) and, per instance on the
// source version, whether the engine's migrateState would accept it and why not.
import { Prisma } from '../../prisma/generated/client';
import type { DbClient } from '../db/prisma-client';
import { namedCurrentNodes } from '../work/stage-view';
import { AppError, type FieldError } from '../http/app-error';
import {
  checkInstanceMigration,
  mappingOf,
  mappingProblems,
  suggestNodeMapping,
  ZProcessDefinition,
  type InstanceState,
  type ProcessDefinition,
} from '../../workflows/engine';
import type { TMigrationPlan } from './migration.types';

export interface PublishedVersionOf {
  id: string;
  version: number;
  definition: ProcessDefinition;
}

/** The two published versions a migration moves between: 404 for an unknown key, 422 for a version it lacks. */
export async function migrationVersions(
  db: DbClient,
  key: string,
  fromVersion: number,
  toVersion: number,
): Promise<{ from: PublishedVersionOf; to: PublishedVersionOf }> {
  const rows = await db.$queryRaw<
    Array<{ id: string; version: number; graph: unknown; status: string | null }>
  >`
    SELECT v.id, v.version, v.graph, v.status::text AS status
    FROM process_definition d LEFT JOIN process_definition_version v
      ON v.definition_id = d.id AND v.version IN (${fromVersion}, ${toVersion}) AND v.status = 'published'
    WHERE d.key = ${key}`;
  if (rows.length === 0)
    throw new AppError('NOT_FOUND', `There is no definition ${key}.`, [], {
      detailZh: `流程定义 ${key} 不存在`,
    });
  const published = (version: number) => rows.find((row) => row.version === version);
  const missing: FieldError[] = (['fromVersion', 'toVersion'] as const)
    .filter((field) => !published(field === 'fromVersion' ? fromVersion : toVersion))
    .map((field) => ({
      field,
      reason: 'not a published version of this definition',
      reasonZh: '不是该流程已发布的版本',
    }));
  if (missing.length > 0)
    throw new AppError('MIGRATION_INVALID', 'Migrations move between published versions.', missing, {
      detailZh: '迁移只能在已发布的版本之间进行',
    });
  const parsed = (version: number): PublishedVersionOf => {
    const row = published(version)!;
    return { id: row.id, version, definition: ZProcessDefinition.parse(row.graph) };
  };
  return { from: parsed(fromVersion), to: parsed(toVersion) };
}

/** 422 naming each mapping entry that points outside the two versions. */
export function checkMapping(
  from: PublishedVersionOf,
  to: PublishedVersionOf,
  mapping: Record<string, string>,
): void {
  const problems = mappingProblems(from.definition, to.definition, mapping);
  if (problems.length > 0)
    throw new AppError('MIGRATION_INVALID', 'The node mapping names nodes the versions lack.', problems, {
      detailZh: '节点对应关系中有不存在的节点',
    });
}

export async function planMigration(
  db: DbClient,
  key: string,
  request: { fromVersion: number; toVersion: number; mapping?: Record<string, string> | undefined },
): Promise<TMigrationPlan> {
  const { from, to } = await migrationVersions(db, key, request.fromVersion, request.toVersion);
  const suggestedMapping = suggestNodeMapping(from.definition, to.definition);
  const mapping = request.mapping ?? mappingOf(suggestedMapping);
  checkMapping(from, to, mapping);
  const instances = await db.$queryRaw<
    Array<{ id: string; title: string; unit_name: string; status: string; state: InstanceState }>
  >(Prisma.sql`
    SELECT i.id, i.title, u.name AS unit_name, i.status::text AS status, i.state
    FROM process_instance i JOIN org_unit u ON u.id = i.unit_id
    WHERE i.version_id = ${from.id}::uuid AND i.status = 'running'
    ORDER BY i.started_at, i.id`);
  return {
    suggestedMapping,
    mapping,
    instances: instances.map((row) => ({
      instanceId: row.id,
      title: row.title,
      unitName: row.unit_name,
      status: row.status,
      currentNodes: namedCurrentNodes(from.definition, row.state),
      ...checkInstanceMigration(row.state, from.definition, to.definition, mapping),
    })),
  };
}
