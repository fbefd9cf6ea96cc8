// Whose figures a dashboard may show: the content roles (officers, supervisors) over the subtrees
// of the units they hold those roles at. Other roles see projects only while taking part in one,
// which makes no subtree figure theirs: 403. A unit outside the caller's subtrees is 404, as
// everywhere in the API.
import { Prisma } from '../../prisma/generated/client';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import { contentRoots, isUnitWithin, unitsWithin } from '../policy/unit-scope';
import { projectsAreaProcess } from '../work/work-scope';
import type { TUnitRef } from '../work/work.types';

export interface DashboardScope {
  /** SQL over instance `i`: the instance lies in the dashboard's subtree. */
  sql: Prisma.Sql;
  unit: TUnitRef | null;
}

export async function dashboardScope(
  db: DbClient,
  caller: Caller,
  unitId: string | undefined,
): Promise<DashboardScope> {
  const roots = contentRoots(caller);
  if (roots.length === 0)
    throw new AppError('FORBIDDEN', 'Dashboards are for officers and supervisors.', [], {
      detailZh: '数据看板仅供社工和督导查看',
    });
  // The talent area's rounds and terms are not the projects these figures count.
  if (unitId === undefined)
    return { sql: Prisma.sql`i.unit_id IN ${unitsWithin(roots)} AND ${projectsAreaProcess}`, unit: null };
  const unit = await db.orgUnit.findUnique({ where: { id: unitId } });
  if (!unit || !(await isUnitWithin(db, roots, unitId)))
    throw new AppError('NOT_FOUND', 'No such unit among those you work in.', [
      { field: 'unitId', reason: 'not a unit in your scope', reasonZh: '不是您工作范围内的单位' },
    ]);
  return {
    sql: Prisma.sql`i.unit_id IN ${unitsWithin([unitId])} AND ${projectsAreaProcess}`,
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
  };
}
