// Audit search and xlsx export (admins). The export is itself recorded in the audit log.
import { auditContextOf, writeAudit } from '../audit/write-audit';
import type { Db } from '../db/prisma-client';
import { defineRoute } from '../http/route';
import { expectAdminSubtree } from '../policy/route-expectations';
import { exportAudit, searchAudit } from './audit.service';
import { ZAuditFilters, ZAuditPage, ZAuditQuery } from './audit.types';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const admin = { kind: 'admin' } as const;

export function auditRoutes(prisma: Db) {
  return [
    defineRoute({
      method: 'get',
      path: '/audit',
      tag: 'audit',
      summary: 'Search the audit log, newest first',
      access: admin,
      expect: expectAdminSubtree,
      query: ZAuditQuery,
      responses: { 200: { description: 'One page', schema: ZAuditPage } },
      handle: async ({ caller, query }) => ({ status: 200, body: await searchAudit(prisma, caller, query) }),
    }),
    defineRoute({
      method: 'get',
      path: '/audit/export.xlsx',
      tag: 'audit',
      summary: 'Export the filtered audit log as an Excel workbook (at most 10 000 rows)',
      access: admin,
      expect: expectAdminSubtree,
      query: ZAuditFilters,
      responses: { 200: { description: 'The workbook', contentType: XLSX_TYPE } },
      handle: async ({ caller, query, req, res }) => {
        const { content, rowCount } = await exportAudit(prisma, caller, query);
        await writeAudit(
          prisma,
          {
            action: 'audit.exported',
            resourceType: 'audit',
            resourceId: null,
            unitId: null,
            after: { filters: query, rowCount },
          },
          auditContextOf(req, res),
        );
        const stamp = new Date().toISOString().slice(0, 10);
        return { status: 200, file: { content, contentType: XLSX_TYPE, filename: `audit-${stamp}.xlsx` } };
      },
    }),
  ];
}
