// Reads of the definitions API: the definition list with its versions, drafts and instance counts,
// one version, the draft, and the graph a diff or a dry run starts from.
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import { issuesOf } from './definition-graphs';
import type {
  TDefinitionGraph,
  TDefinitionSummary,
  TDraftView,
  TVersionRef,
  ZVersionList,
  ZVersionView,
} from './definitions.types';
import type { z } from 'zod';

export function definitionNotFound(key: string): AppError {
  return new AppError('NOT_FOUND', `No process definition ${key}.`, [
    { field: 'key', reason: 'no such definition', reasonZh: '没有此流程定义' },
  ]);
}

export function versionNotFound(key: string, version: number | 'draft'): AppError {
  return version === 'draft'
    ? new AppError('NOT_FOUND', `Definition ${key} has no draft.`, [
        { field: 'version', reason: 'no draft', reasonZh: '该流程没有草稿' },
      ])
    : new AppError('NOT_FOUND', `Definition ${key} has no version ${version}.`, [
        { field: 'version', reason: 'no such version', reasonZh: '没有此版本' },
      ]);
}

export async function definitionByKey(db: DbClient, key: string) {
  const definition = await db.processDefinition.findUnique({ where: { key } });
  if (!definition) throw definitionNotFound(key);
  return definition;
}

type PersonRef = { id: string; displayName: string } | null;

async function peopleById(
  db: DbClient,
  ids: readonly (string | null)[],
): Promise<(id: string | null) => PersonRef> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const people = await db.user.findMany({
    where: { id: { in: wanted } },
    select: { id: true, displayName: true },
  });
  const byId = new Map(people.map((person) => [person.id, person]));
  return (id) => (id === null ? null : (byId.get(id) ?? null));
}

interface InstanceCountRow {
  version_id: string;
  running: number;
  total: number;
}

async function instanceCounts(db: DbClient, definitionId?: string): Promise<Map<string, InstanceCountRow>> {
  const rows = await db.$queryRaw<InstanceCountRow[]>`
    SELECT i.version_id, count(*) FILTER (WHERE i.status = 'running')::int AS running, count(*)::int AS total
    FROM process_instance i JOIN process_definition_version v ON v.id = i.version_id
    WHERE ${definitionId ?? null}::uuid IS NULL OR v.definition_id = ${definitionId ?? null}::uuid
    GROUP BY i.version_id`;
  return new Map(rows.map((row) => [row.version_id, row]));
}

export async function listDefinitions(db: DbClient): Promise<{ items: TDefinitionSummary[] }> {
  const definitions = await db.processDefinition.findMany({
    include: {
      versions: {
        orderBy: { version: 'desc' },
        select: {
          id: true,
          version: true,
          status: true,
          publishedAt: true,
          createdAt: true,
          revision: true,
          updatedAt: true,
          updatedById: true,
        },
      },
    },
  });
  const drafts = await db.processDefinitionVersion.findMany({
    where: { status: 'draft' },
    select: { id: true, graph: true, updatedById: true },
  });
  const problemCounts = new Map(drafts.map((draft) => [draft.id, issuesOf(draft.graph).length]));
  const person = await peopleById(
    db,
    drafts.map((draft) => draft.updatedById),
  );
  const counts = await instanceCounts(db);
  const items = definitions.map((definition): TDefinitionSummary => {
    const draft = definition.versions.find((v) => v.status === 'draft');
    const latest = definition.versions.find((v) => v.status === 'published');
    return {
      key: definition.key,
      name: definition.name,
      description: definition.description,
      latest: latest
        ? {
            version: latest.version,
            versionId: latest.id,
            publishedAt: (latest.publishedAt ?? latest.createdAt).toISOString(),
          }
        : null,
      publishedVersions: definition.versions.filter((v) => v.status === 'published').length,
      draft: draft
        ? {
            version: draft.version,
            revision: draft.revision,
            updatedAt: draft.updatedAt.toISOString(),
            updatedBy: person(draft.updatedById),
            problemCount: problemCounts.get(draft.id) ?? 0,
          }
        : null,
      instances: definition.versions.flatMap((v) => {
        const count = counts.get(v.id);
        return count ? [{ version: v.version, running: count.running, total: count.total }] : [];
      }),
    };
  });
  return { items: items.sort(byName) };
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN');

export async function listVersions(db: DbClient, key: string): Promise<z.input<typeof ZVersionList>> {
  const definition = await definitionByKey(db, key);
  const versions = await db.processDefinitionVersion.findMany({
    where: { definitionId: definition.id },
    orderBy: { version: 'desc' },
    select: {
      id: true,
      version: true,
      status: true,
      contentHash: true,
      createdAt: true,
      publishedAt: true,
      createdById: true,
    },
  });
  const person = await peopleById(
    db,
    versions.map((v) => v.createdById),
  );
  const counts = await instanceCounts(db, definition.id);
  return {
    items: versions.map((v) => ({
      version: v.version,
      versionId: v.id,
      status: v.status,
      contentHash: v.contentHash,
      createdAt: v.createdAt.toISOString(),
      publishedAt: v.publishedAt?.toISOString() ?? null,
      createdBy: person(v.createdById),
      instances: { running: counts.get(v.id)?.running ?? 0, total: counts.get(v.id)?.total ?? 0 },
    })),
  };
}

/** A version by number (the draft's number included), or by 'draft'. */
export async function versionRow(db: DbClient, key: string, ref: TVersionRef) {
  const definition = await definitionByKey(db, key);
  const row = await db.processDefinitionVersion.findFirst({
    where: { definitionId: definition.id, ...(ref === 'draft' ? { status: 'draft' } : { version: ref }) },
  });
  if (!row) throw versionNotFound(key, ref);
  return { definition, row };
}

export async function readVersion(
  db: DbClient,
  key: string,
  version: number,
): Promise<z.input<typeof ZVersionView>> {
  const { row } = await versionRow(db, key, version);
  return {
    key,
    version: row.version,
    versionId: row.id,
    status: row.status,
    definition: row.graph as TDefinitionGraph,
    contentHash: row.contentHash,
    issues: issuesOf(row.graph),
  };
}

export interface DraftRow {
  version: number;
  revision: number;
  graph: unknown;
  updatedAt: Date;
  updatedById: string | null;
}

export async function draftViewOf(db: DbClient, key: string, draft: DraftRow): Promise<TDraftView> {
  const person = await peopleById(db, [draft.updatedById]);
  return {
    key,
    version: draft.version,
    revision: draft.revision,
    definition: draft.graph as TDefinitionGraph,
    issues: issuesOf(draft.graph),
    updatedAt: draft.updatedAt.toISOString(),
    updatedBy: person(draft.updatedById),
  };
}

export async function readDraft(db: DbClient, key: string): Promise<TDraftView> {
  const { row } = await versionRow(db, key, 'draft');
  return draftViewOf(db, key, row);
}

/** The ETag of a draft: weak, since the body's issues are recomputed, not stored. */
export const draftEtag = (revision: number): string => `W/"${revision}"`;
