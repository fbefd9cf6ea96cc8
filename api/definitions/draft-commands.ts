// Commands on definitions and their one draft: create a definition, start a draft, save it with
// If-Match, discard it, publish it. Each runs in the route's transaction with its audit row; the
// audit row names the key, version, revision and content hash, never the graph.
import type { Prisma } from '../../prisma/generated/client';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import type { AuditEntry } from '../http/audit-entry';
import { AppError } from '../http/app-error';
import { emptyGraph, graphHash, issuesOf, parsedGraph, withKey } from './definition-graphs';
import { definitionByKey, draftViewOf, versionNotFound, type DraftRow } from './definition-reads';
import {
  DEFINITION_KEY_PATTERN,
  type TCreateDefinitionRequest,
  type TCreateDraftRequest,
  type TDefinitionGraph,
  type TDraftView,
  type TPublishResult,
} from './definitions.types';
import { latestPublished, lockDefinitionKey, publishVersion } from './publish-version';

interface Outcome<T> {
  body: T;
  audit: AuditEntry;
}

const auditOf = (
  action: AuditEntry['action'],
  definitionId: string,
  after: Record<string, unknown>,
): AuditEntry => ({
  action,
  resourceType: 'definition',
  resourceId: definitionId,
  unitId: null,
  after,
});

/** What a command reads back of the draft it wrote: its view and its audit row. */
const DRAFT_FIELDS = {
  version: true,
  revision: true,
  graph: true,
  updatedAt: true,
  updatedById: true,
  contentHash: true,
} as const;

type WrittenDraft = DraftRow & { contentHash: string };

/** What the audit log keeps of a written draft: which one and which content, not the graph. */
const draftSummary = (key: string, draft: WrittenDraft) => ({
  key,
  version: draft.version,
  revision: draft.revision,
  contentHash: draft.contentHash,
});

/** The first draft's revision; each save adds one. */
const FIRST_REVISION = 1;

async function insertDraft(
  db: DbClient,
  caller: Caller,
  definitionId: string,
  version: number,
  graph: TDefinitionGraph,
): Promise<WrittenDraft> {
  return db.processDefinitionVersion.create({
    data: {
      definitionId,
      version,
      status: 'draft',
      graph: graph as Prisma.InputJsonValue,
      contentHash: graphHash(graph),
      revision: FIRST_REVISION,
      createdById: caller.userId,
      updatedById: caller.userId,
    },
    select: DRAFT_FIELDS,
  });
}

export async function createDefinition(
  db: DbClient,
  caller: Caller,
  request: TCreateDefinitionRequest,
): Promise<Outcome<TDraftView>> {
  if (!DEFINITION_KEY_PATTERN.test(request.key))
    throw new AppError('DEFINITION_KEY_INVALID', 'Keys are 3–64 lowercase letters, digits or hyphens.', [
      {
        field: 'key',
        reason: 'starts with a lowercase letter; 3–64 lowercase letters, digits or hyphens',
        reasonZh: '以小写字母开头，由 3–64 位小写字母、数字或连字符组成',
      },
    ]);
  await lockDefinitionKey(db, request.key);
  if (await db.processDefinition.findUnique({ where: { key: request.key } }))
    throw new AppError('CONFLICT', `A process definition ${request.key} exists.`, [
      { field: 'key', reason: 'already taken', reasonZh: '该流程标识已被使用' },
    ]);
  // The definition's key and name are the form's; an imported graph keeps the rest of its own.
  const graph = {
    ...(request.definition ?? emptyGraph(request.key, request.name)),
    key: request.key,
    name: request.name,
    ...(request.description ? { description: request.description } : {}),
  };
  const description =
    request.description ?? (typeof graph.description === 'string' ? graph.description : null);
  const definition = await db.processDefinition.create({
    data: { key: request.key, name: request.name, description },
  });
  const draft = await insertDraft(db, caller, definition.id, 1, graph);
  return {
    body: await draftViewOf(db, request.key, draft),
    audit: auditOf('definition.created', definition.id, {
      ...draftSummary(request.key, draft),
      imported: request.definition !== undefined,
    }),
  };
}

function draftExists(key: string): AppError {
  return new AppError('DRAFT_EXISTS', `Definition ${key} already has a draft.`, [
    { field: 'key', reason: 'already has a draft', reasonZh: '已有草稿' },
  ]);
}

export async function createDraft(
  db: DbClient,
  caller: Caller,
  key: string,
  request: TCreateDraftRequest,
): Promise<Outcome<TDraftView>> {
  await lockDefinitionKey(db, key);
  const definition = await definitionByKey(db, key);
  const versions = await db.processDefinitionVersion.findMany({
    where: { definitionId: definition.id },
    orderBy: { version: 'desc' },
    select: { id: true, version: true, status: true },
  });
  if (versions.some((v) => v.status === 'draft')) throw draftExists(key);
  const graphOf = async (id: string) =>
    (await db.processDefinitionVersion.findUniqueOrThrow({ where: { id }, select: { graph: true } }))
      .graph as TDefinitionGraph;
  let graph: TDefinitionGraph;
  if ('definition' in request) graph = request.definition;
  else if (request.fromVersion !== undefined) {
    const source = versions.find((v) => v.version === request.fromVersion);
    if (!source) throw versionNotFound(key, request.fromVersion);
    graph = await graphOf(source.id);
  } else {
    const latest = versions.find((v) => v.status === 'published');
    graph = latest ? await graphOf(latest.id) : emptyGraph(key, definition.name);
  }
  const newest = versions[0]?.version ?? 0;
  const draft = await insertDraft(db, caller, definition.id, newest + 1, withKey(graph, key));
  return {
    body: await draftViewOf(db, key, draft),
    audit: auditOf('definition.draft_created', definition.id, {
      ...draftSummary(key, draft),
      ...('fromVersion' in request && request.fromVersion !== undefined
        ? { fromVersion: request.fromVersion }
        : {}),
    }),
  };
}

interface LockedDraft {
  id: string;
  definition_id: string;
  version: number;
  revision: number;
  updated_at: Date;
  updated_by_id: string | null;
}

/** The key's draft, locked until the transaction ends; 404 without one, 412 when If-Match names another revision. */
async function lockedDraft(
  db: DbClient,
  key: string,
  expectedRevision: number | undefined,
): Promise<LockedDraft> {
  const [draft] = await db.$queryRaw<LockedDraft[]>`
    SELECT v.id, v.definition_id, v.version, v.revision, v.updated_at, v.updated_by_id
    FROM process_definition_version v JOIN process_definition d ON d.id = v.definition_id
    WHERE d.key = ${key} AND v.status = 'draft' FOR UPDATE OF v`;
  if (!draft) {
    await definitionByKey(db, key);
    throw versionNotFound(key, 'draft');
  }
  if (expectedRevision !== undefined && expectedRevision !== draft.revision) {
    const editor = draft.updated_by_id
      ? await db.user.findUnique({
          where: { id: draft.updated_by_id },
          select: { id: true, displayName: true },
        })
      : null;
    throw new AppError(
      'PRECONDITION_FAILED',
      'Someone saved the draft since you read it; reload it or overwrite it.',
      [{ field: 'If-Match', reason: 'does not match the current ETag', reasonZh: '草稿已被他人保存' }],
      {
        current: {
          revision: draft.revision,
          updatedAt: draft.updated_at.toISOString(),
          updatedBy: editor ?? null,
        },
      },
    );
  }
  return draft;
}

export async function saveDraft(
  db: DbClient,
  caller: Caller,
  key: string,
  graph: TDefinitionGraph,
  expectedRevision: number | undefined,
): Promise<Outcome<TDraftView>> {
  const locked = await lockedDraft(db, key, expectedRevision);
  const stored = withKey(graph, key);
  const draft = await db.processDefinitionVersion.update({
    where: { id: locked.id },
    data: {
      graph: stored as Prisma.InputJsonValue,
      contentHash: graphHash(stored),
      revision: { increment: 1 },
      updatedAt: new Date(),
      updatedById: caller.userId,
    },
    select: DRAFT_FIELDS,
  });
  return {
    body: await draftViewOf(db, key, draft),
    audit: auditOf('definition.draft_saved', locked.definition_id, draftSummary(key, draft)),
  };
}

export async function deleteDraft(
  db: DbClient,
  key: string,
  expectedRevision: number | undefined,
): Promise<{ audit: AuditEntry }> {
  const locked = await lockedDraft(db, key, expectedRevision);
  await db.processDefinitionVersion.delete({ where: { id: locked.id } });
  return {
    audit: auditOf('definition.draft_deleted', locked.definition_id, {
      key,
      version: locked.version,
      revision: locked.revision,
    }),
  };
}

/** Problems as the problem body's errors: each names the node or edge it concerns. */
function problemErrors(graph: unknown) {
  return issuesOf(graph).map((issue) => ({
    field: issue.nodeId ? `nodes.${issue.nodeId}` : issue.edgeId ? `edges.${issue.edgeId}` : 'definition',
    reason: `${issue.code}: ${issue.message.en}`,
    reasonZh: issue.message.zh,
  }));
}

export function definitionInvalid(graph: unknown): AppError {
  const errors = problemErrors(graph);
  return new AppError(
    'DEFINITION_INVALID',
    `The definition has ${errors.length} problem(s); fix them first.`,
    errors,
    {
      issues: issuesOf(graph),
    },
  );
}

export async function publishDraft(
  db: DbClient,
  caller: Caller,
  key: string,
  expectedRevision: number | undefined,
): Promise<Outcome<TPublishResult>> {
  await lockDefinitionKey(db, key);
  const locked = await lockedDraft(db, key, expectedRevision);
  const draft = await db.processDefinitionVersion.findUniqueOrThrow({ where: { id: locked.id } });
  const graph = parsedGraph(draft.graph);
  if (!graph || issuesOf(draft.graph).length > 0) throw definitionInvalid(draft.graph);
  const latest = await latestPublished(db, draft.definitionId);
  const summary = { key, revision: draft.revision, contentHash: draft.contentHash };
  await db.processDefinitionVersion.delete({ where: { id: draft.id } });
  if (latest?.contentHash === draft.contentHash) {
    return {
      body: { published: false, version: latest.version },
      audit: auditOf('definition.published', draft.definitionId, {
        ...summary,
        published: false,
        version: latest.version,
      }),
    };
  }
  const created = await publishVersion(db, {
    definitionId: draft.definitionId,
    graph,
    shipped: false,
    publishedById: caller.userId,
    revision: draft.revision,
  });
  // The catalogue shows the definition's name: the published version's.
  await db.processDefinition.update({
    where: { id: draft.definitionId },
    data: {
      name: graph.name,
      ...(graph.description !== undefined ? { description: graph.description } : {}),
    },
  });
  return {
    body: { published: true, version: created.version, versionId: created.id },
    audit: auditOf('definition.published', draft.definitionId, {
      ...summary,
      published: true,
      version: created.version,
    }),
  };
}
