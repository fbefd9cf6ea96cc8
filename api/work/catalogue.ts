// The process catalogue: the published definitions a caller may start, and where.
import type { ProcessDefinition } from '../../workflows/engine';
import type { TRole } from '../auth/auth.types';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import { scopeRoots, unitsWithin } from '../policy/unit-scope';
import { definitionOf } from './definition-cache';
import { startVariables } from './start-variables';
import type { TCatalogue, TCatalogueEntry } from './work.types';

/** Who starts a process when its definition does not say: the people who run projects. */
const DEFAULT_STARTER_ROLES: readonly TRole[] = ['officer', 'supervisor'];

export function starterRolesOf(definition: ProcessDefinition): readonly TRole[] {
  return definition.starterRoles ?? DEFAULT_STARTER_ROLES;
}

/** The units (with their subtrees) where the caller may start the definition. */
export function startableUnitRoots(caller: Caller, definition: ProcessDefinition): string[] {
  return scopeRoots(caller, starterRolesOf(definition));
}

interface VersionRow {
  definition_id: string;
  key: string;
  name: string;
  description: string | null;
  version_id: string;
  version: number;
}

async function latestPublished(db: DbClient): Promise<VersionRow[]> {
  return db.$queryRaw<VersionRow[]>`
    SELECT DISTINCT ON (d.id) d.id AS definition_id, d.key, d.name, d.description, v.id AS version_id, v.version
    FROM process_definition d JOIN process_definition_version v ON v.definition_id = d.id
    WHERE v.status = 'published' ORDER BY d.id, v.version DESC`;
}

export async function catalogueFor(db: DbClient, caller: Caller): Promise<TCatalogue> {
  const items: TCatalogueEntry[] = [];
  for (const row of await latestPublished(db)) {
    const definition = await definitionOf(db, row.version_id);
    const roots = startableUnitRoots(caller, definition);
    if (roots.length === 0) continue;
    const units = await db.$queryRaw<{ id: string; name: string; kind: string }[]>`
      SELECT id, name, kind::text AS kind FROM org_unit WHERE active AND id IN ${unitsWithin(roots)} ORDER BY code`;
    items.push({
      definitionId: row.definition_id,
      key: row.key,
      name: row.name,
      description: row.description ?? definition.description ?? null,
      versionId: row.version_id,
      version: row.version,
      stages: definition.stages.map(({ id, name }) => ({ id, name })),
      startFields: startVariables(definition).map((v) => ({
        name: v.name,
        label: v.label ?? v.name,
        type: v.type,
        required: v.required,
      })),
      units,
    });
  }
  items.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return { items };
}

/** A published version the caller may start; 404 naming the field otherwise. */
export async function startableVersion(db: DbClient, caller: Caller, versionId: string) {
  const version = await db.processDefinitionVersion.findUnique({
    where: { id: versionId },
    include: { definition: true },
  });
  const definition = version?.status === 'published' ? await definitionOf(db, versionId) : undefined;
  if (!version || !definition || startableUnitRoots(caller, definition).length === 0)
    throw new AppError('NOT_FOUND', 'No such published process that you may start.', [
      {
        field: 'versionId',
        reason: 'not a published process you may start',
        reasonZh: '不是您可以发起的已发布流程',
      },
    ]);
  return { key: version.definition.key, version: version.version, definition };
}
