// Publishes the built-in process definitions at start-up. A shipped definition becomes a new
// published version only when its content differs from the last version start-up published for
// it (not the latest version, which may be an admin's edit), so running instances keep theirs and
// an admin's published edit survives restarts until the product ships a new version. An admin's
// draft of the key moves up a number (api/definitions/publish-version.ts).
import { builtInDefinitions } from '../../workflows/definitions';
import { contentHash, type ProcessDefinition } from '../../workflows/engine';
import { lockDefinitionKey, publishVersion } from '../../api/definitions/publish-version';
import type { Prisma, PrismaClient } from '../generated/client';
import { SEED_TRANSACTION } from './seed-transaction';

/** Returns, per key, the id of the last shipped version. */
export async function seedBuiltInDefinitions(
  prisma: PrismaClient,
  definitions: Readonly<Record<string, ProcessDefinition>> = builtInDefinitions,
): Promise<Record<string, string>> {
  const versionIds: Record<string, string> = {};
  for (const [key, graph] of Object.entries(definitions)) {
    versionIds[key] = await prisma.$transaction((tx) => publishIfChanged(tx, key, graph), SEED_TRANSACTION);
  }
  return versionIds;
}

async function publishIfChanged(
  tx: Prisma.TransactionClient,
  key: string,
  graph: ProcessDefinition,
): Promise<string> {
  // Processes starting together take turns per key (held until commit), so they neither race on
  // version numbers nor publish the same content twice.
  await lockDefinitionKey(tx, key);
  const hash = contentHash(graph);
  const definition = await tx.processDefinition.upsert({
    where: { key },
    create: { key, name: graph.name, description: graph.description ?? null },
    update: {},
  });
  const lastShipped = await tx.processDefinitionVersion.findFirst({
    where: { definitionId: definition.id, shipped: true },
    orderBy: { version: 'desc' },
    select: { id: true, contentHash: true },
  });
  if (lastShipped?.contentHash === hash) return lastShipped.id;
  const created = await publishVersion(tx, {
    definitionId: definition.id,
    graph,
    shipped: true,
    publishedById: null,
  });
  return created.id;
}
