// Liveness and readiness in one: the database is pinged on every call.
import type { Db } from './db/prisma-client';
import { ZHealth } from './health.types';
import { defineRoute } from './http/route';
import { expectPublic } from './policy/route-expectations';

export interface HealthInfo {
  runtime: 'embedded' | 'temporal';
  version: string;
  databaseKind: 'embedded' | 'external';
}

export function healthRoutes(prisma: Db, info: HealthInfo) {
  return [
    defineRoute({
      method: 'get',
      path: '/health',
      tag: 'system',
      summary: 'Liveness and database readiness',
      access: { kind: 'public' },
      expect: expectPublic,
      responses: {
        200: { description: 'Healthy', schema: ZHealth },
        503: { description: 'The database does not answer', schema: ZHealth },
      },
      handle: async () => {
        const started = process.hrtime.bigint();
        const database = await prisma.$queryRaw`SELECT 1`.then(
          () => 'up' as const,
          () => 'down' as const,
        );
        const latencyMs = Number(process.hrtime.bigint() - started) / 1e6;
        return {
          status: database === 'up' ? 200 : 503,
          body: {
            status: database === 'up' ? 'ok' : 'degraded',
            database,
            databaseKind: info.databaseKind,
            databaseLatencyMs: Math.round(latencyMs * 10) / 10,
            runtime: info.runtime,
            version: info.version,
          },
        };
      },
    }),
  ];
}
