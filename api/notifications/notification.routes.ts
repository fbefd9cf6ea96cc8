// The in-app notification inbox and its live stream (being built: wired in api/app.ts).
import type { Db } from '../db/prisma-client';
import type { AnyRoute } from '../http/route';

export function notificationRoutes(_prisma: Db): AnyRoute[] {
  return [];
}
