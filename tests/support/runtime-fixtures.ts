// Fixtures for runtime tests: a migrated database with the demo county and the built-in
// definitions published, plus helpers to publish ad-hoc definitions.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { seedBuiltInDefinitions } from '../../prisma/seed/seed-definitions';
import { seedDemo } from '../../prisma/seed/seed-demo';
import { ZProcessDefinition, contentHash, type ProcessDefinition } from '../../workflows/engine';
import { createTestPrisma } from './test-database';

export async function createRuntimeDatabase() {
  const ctx = await createTestPrisma();
  await seedDemo(ctx.prisma, { passwords: {} });
  const versionIds = await seedBuiltInDefinitions(ctx.prisma);
  const station = await ctx.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'LC-HJL' } });
  const users = Object.fromEntries((await ctx.prisma.user.findMany()).map((u) => [u.username, u.id]));
  return { ...ctx, versionIds, stationId: station.id, users };
}

/** Publishes the graph as the next version of its key (version 1 of a new key); returns the version id. */
export async function publishDefinition(databaseUrl: string, definition: unknown): Promise<string> {
  const graph: ProcessDefinition = ZProcessDefinition.parse(definition);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const versionId = randomUUID();
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO process_definition (id, key, name) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET key = EXCLUDED.key RETURNING id`,
      [randomUUID(), graph.key, graph.name],
    );
    await client.query(
      `INSERT INTO process_definition_version (id, definition_id, version, status, graph, content_hash, published_at)
       SELECT $1, $2, coalesce(max(version), 0) + 1, 'published', $3, $4, now()
       FROM process_definition_version WHERE definition_id = $2`,
      [versionId, rows[0]!.id, JSON.stringify(graph), contentHash(graph)],
    );
    return versionId;
  } finally {
    await client.end();
  }
}

/** A clock tests move by hand. */
export function manualClock(startIso: string) {
  let now = new Date(startIso);
  return {
    now: () => new Date(now),
    set: (iso: string) => void (now = new Date(iso)),
    advance: (ms: number) => void (now = new Date(now.getTime() + ms)),
  };
}
