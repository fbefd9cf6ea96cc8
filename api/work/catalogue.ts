// The process catalogue: the published definitions a caller may start, and where.
import type { ProcessDefinition } from '../../workflows/engine';
import type { TRole } from '../auth/auth.types';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import { scopeRoots, unitsWithin } from '../policy/unit-scope';
import { definitionOf } from './definition-cache';
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

/** Node properties that name a variable the node writes. */
const WRITING_PROPERTIES = ['decisionVariable', 'resultVariable', 'ratingVariable', 'formVariable'] as const;

/**
 * Variables the process writes itself — a form's fields, an approval's decision, a review's score
 * and rating, an action's or sub-process's result, a node's outputs, an event handler's updates.
 * They are its own state, never something the person who starts it types in.
 */
function writtenVariables(definition: ProcessDefinition): Set<string> {
  const names = new Set<string>();
  for (const node of definition.nodes) {
    const record = node as Partial<Record<(typeof WRITING_PROPERTIES)[number], string>> & {
      outputs?: Record<string, string>;
    };
    for (const property of WRITING_PROPERTIES) if (record[property]) names.add(record[property]);
    for (const name of Object.keys(record.outputs ?? {})) names.add(name);
    if (node.kind === 'userTask' && !node.formVariable) for (const field of node.form) names.add(field.name);
  }
  for (const handler of definition.eventHandlers) {
    if (handler.payloadVariable) names.add(handler.payloadVariable);
    if (handler.appendPayloadTo) names.add(handler.appendPayloadTo);
    for (const name of Object.keys(handler.setVariables ?? {})) names.add(name);
  }
  return names;
}

/** The variables a person starting the process fills in: those the process does not write itself. */
export function startVariables(definition: ProcessDefinition) {
  const written = writtenVariables(definition);
  return definition.variables.filter((variable) => !written.has(variable.name));
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
