// Dashboards over a unit subtree and the project list's xlsx export. Mounted before the project
// routes, so /projects/export.xlsx is not taken for a project id. The export is audited.
import { beijingTime } from '../admin/audit.service';
import type { Clock } from '../runtime/clock';
import { XLSX_TYPE } from '../admin/audit.routes';
import { auditContextOf, writeAudit } from '../audit/write-audit';
import type { Db } from '../db/prisma-client';
import { defineRoute, type AnyRoute } from '../http/route';
import { expectContentDashboard, expectContentSubtree } from '../policy/route-expectations';
import { ZProjectFilters, ZProjectSort } from '../work/work.types';
import { dashboardFigures } from './dashboard-figures';
import { ZDashboard, ZDashboardQuery } from './dashboard.types';
import { exportProjects } from './project-export';

const signedIn = { kind: 'signedIn' } as const;
const ZExportQuery = ZProjectFilters.extend({ sort: ZProjectSort });

export function dashboardRoutes(prisma: Db, clock: Clock): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/dashboards/projects',
      tag: 'dashboards',
      summary:
        'Figures of a unit subtree: projects per stage, service domain and funding source, overdue tasks per unit, time per stage, completions per month, escalations',
      access: signedIn,
      expect: expectContentDashboard,
      query: ZDashboardQuery,
      responses: { 200: { description: 'The figures', schema: ZDashboard } },
      handle: async ({ caller, query }) => ({
        status: 200,
        body: await dashboardFigures(prisma, caller, query),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/projects/export.xlsx',
      tag: 'projects',
      summary: 'The filtered project list as an Excel workbook (Chinese headers, at most 10 000 rows)',
      access: signedIn,
      expect: expectContentSubtree,
      query: ZExportQuery,
      responses: { 200: { description: 'The workbook', contentType: XLSX_TYPE } },
      handle: async ({ caller, query, req, res }) => {
        const { content, rowCount } = await exportProjects(prisma, caller, query);
        await writeAudit(
          prisma,
          {
            action: 'project.exported',
            resourceType: 'project',
            resourceId: null,
            unitId: query.unitId ?? null,
            after: { filters: query, rowCount },
          },
          auditContextOf(req, res),
        );
        // The office's date (Beijing time), not UTC's: an export at 01:00 in Beijing is dated that day.
        const stamp = beijingTime(clock()).slice(0, 10);
        return { status: 200, file: { content, contentType: XLSX_TYPE, filename: `projects-${stamp}.xlsx` } };
      },
    }),
  ];
}
