// Publishing a definition version: the one code path for start-up (the definitions shipped with
// the product) and for an admin's draft. Writers of a key take turns, versions are numbered after
// the last published one, and the key's draft, if any, stays numbered one above it.
import type { Prisma } from '../../prisma/generated/client';
import { contentHash, type ProcessDefinition } from '../../workflows/engine';
import type { DbClient } from '../db/prisma-client';

/** Holds the key's lock until the transaction ends: publishing and drafting of one key take turns. */
export async function lockDefinitionKey(tx: DbClient, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sgf.definition/${key}`}))`;
}

/** The newest published version of a definition, if any (drafts never count). */
export async function latestPublished(tx: DbClient, definitionId: string) {
  return tx.processDefinitionVersion.findFirst({
    where: { definitionId, status: 'published' },
    orderBy: { version: 'desc' },
    select: { id: true, version: true, contentHash: true, publishedAt: true },
  });
}

export interface PublishOptions {
  definitionId: string;
  graph: ProcessDefinition;
  /** Start-up publishing a shipped definition, rather than an admin. */
  shipped: boolean;
  publishedById: string | null;
  /** The draft's revision when an admin publishes one, so the version records what was published. */
  revision?: number;
}

/** Makes the next published version; the caller holds the key's lock. */
export async function publishVersion(
  tx: DbClient,
  options: PublishOptions,
): Promise<{ id: string; version: number }> {
  const newest = await tx.processDefinitionVersion.aggregate({
    where: { definitionId: options.definitionId, status: { not: 'draft' } },
    _max: { version: true },
  });
  const version = (newest._max.version ?? 0) + 1;
  // A draft keeps the number its version will have when published.
  await tx.processDefinitionVersion.updateMany({
    where: { definitionId: options.definitionId, status: 'draft' },
    data: { version: version + 1 },
  });
  const now = new Date();
  return tx.processDefinitionVersion.create({
    data: {
      definitionId: options.definitionId,
      version,
      status: 'published',
      // A parsed definition is plain JSON data.
      graph: options.graph as unknown as Prisma.InputJsonValue,
      contentHash: contentHash(options.graph),
      shipped: options.shipped,
      createdById: options.publishedById,
      updatedById: options.publishedById,
      revision: options.revision ?? 0,
      publishedAt: now,
      updatedAt: now,
    },
    select: { id: true, version: true },
  });
}
