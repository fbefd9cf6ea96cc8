// Dashboards over a unit subtree and the project list export (being built: wired in api/app.ts).
import type { Db } from '../db/prisma-client';
import type { AnyRoute } from '../http/route';

export function dashboardRoutes(_prisma: Db): AnyRoute[] {
  return [];
}
