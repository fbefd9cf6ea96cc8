// Attachments on projects and tasks (being built: the route table is wired in api/app.ts).
import type { Db } from '../db/prisma-client';
import type { AnyRoute } from '../http/route';

export function attachmentRoutes(_prisma: Db, _dataDir: string): AnyRoute[] {
  return [];
}
