// The administration API: unit tree, users and role assignments, API tokens, audit, working-day calendar.
import type { Db } from '../db/prisma-client';
import { auditRoutes } from './audit.routes';
import { calendarRoutes } from './calendar.routes';
import { tokenRoutes } from './tokens.routes';
import type { UnitHeadSync } from './unit-head-sync';
import { unitRoutes } from './units.routes';
import { userRoutes } from './users.routes';

export function adminRoutes(prisma: Db, unitHeadSync?: Pick<UnitHeadSync, 'syncSoon'>) {
  return [
    ...unitRoutes(prisma, unitHeadSync),
    ...userRoutes(prisma),
    ...tokenRoutes(prisma),
    ...auditRoutes(prisma),
    ...calendarRoutes(prisma),
  ];
}
