// Liveness and readiness in one: the database is pinged on every call.
import { Router } from 'express';
import type { Db } from './db/prisma-client';

export interface HealthInfo {
  runtime: 'embedded' | 'temporal';
  version: string;
  databaseKind: 'embedded' | 'external';
}

export function healthRoutes(prisma: Db, info: HealthInfo): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const started = process.hrtime.bigint();
    const database = await prisma.$queryRaw`SELECT 1`.then(
      () => 'up' as const,
      () => 'down' as const,
    );
    const latencyMs = Number(process.hrtime.bigint() - started) / 1e6;
    res.status(database === 'up' ? 200 : 503).json({
      status: database === 'up' ? 'ok' : 'degraded',
      database,
      databaseKind: info.databaseKind,
      databaseLatencyMs: Math.round(latencyMs * 10) / 10,
      runtime: info.runtime,
      version: info.version,
    });
  });
  return router;
}
