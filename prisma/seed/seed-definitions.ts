// Publishes the built-in process definitions. A definition whose content is unchanged is left
// alone; a changed one becomes a new published version, so running instances keep theirs.
import { builtInDefinitions } from '../../workflows/definitions';
import { contentHash } from '../../workflows/engine';
import type { Prisma, PrismaClient } from '../generated/client';

export async function seedBuiltInDefinitions(prisma: PrismaClient): Promise<Record<string, string>> {
  const versionIds: Record<string, string> = {};
  for (const [key, graph] of Object.entries(builtInDefinitions)) {
    const hash = contentHash(graph);
    versionIds[key] = await prisma.$transaction(async (tx) => {
      const definition = await tx.processDefinition.upsert({
        where: { key },
        create: { key, name: graph.name, description: graph.description ?? null },
        update: {},
      });
      const latest = await tx.processDefinitionVersion.findFirst({
        where: { definitionId: definition.id },
        orderBy: { version: 'desc' },
      });
      if (latest?.contentHash === hash) return latest.id;
      const created = await tx.processDefinitionVersion.create({
        data: {
          definitionId: definition.id,
          version: (latest?.version ?? 0) + 1,
          status: 'published',
          // A parsed definition is plain JSON data.
          graph: graph as unknown as Prisma.InputJsonValue,
          contentHash: hash,
          publishedAt: new Date(),
        },
      });
      return created.id;
    });
  }
  return versionIds;
}
