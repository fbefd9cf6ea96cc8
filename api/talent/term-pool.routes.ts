// The talent pool (人才库) and the terms, for the selection office over the talents of its units'
// rounds: the list, a talent's term with the allowance ledger and status events, and the reports
// the term process takes (left social work, moved out of the city, misconduct). The leading group's
// revocation approval is a task of the term process, in the inbox like any approval, linked to the
// talent's page, which the leading group reads (read-only) over the rounds of its subtree.
import { beijingTime } from '../admin/audit.service';
import { ZIdParams } from '../admin/common.types';
import type { Db } from '../db/prisma-client';
import { readIdempotencyKey } from '../http/idempotency';
import { defineRoute, type AnyRoute } from '../http/route';
import type { Orchestrator } from '../orchestrator/orchestrator';
import {
  expectOfficeOrLeadingGroupSubtree,
  expectSelectionOfficeSubtree,
} from '../policy/route-expectations';
import type { Clock } from '../runtime/clock';
import { XLSX_TYPE } from '../admin/audit.routes';
import { listPool, talentDetail } from './pool-reads';
import { exportPool } from './results-export';
import { auditedXlsx } from './talent-xlsx-export';
import {
  ZPoolExportQuery,
  ZPoolPage,
  ZPoolQuery,
  ZTalentDetail,
  ZTermReportRequest,
} from './term-pool.types';
import { reportTermEvent } from './term-reports';

const office = {
  tag: 'talent',
  access: { kind: 'signedIn' },
  expect: expectSelectionOfficeSubtree,
} as const;

export function talentTermRoutes(
  prisma: Db,
  orchestrator: Orchestrator | undefined,
  clock: Clock,
): AnyRoute[] {
  const today = () => beijingTime(clock()).slice(0, 10);
  return [
    defineRoute({
      ...office,
      method: 'get',
      path: '/talent/pool',
      summary:
        '人才库: published talents of the office’s rounds, newest first; filters titleStatus, field, roundId',
      query: ZPoolQuery,
      responses: { 200: { description: 'One page', schema: ZPoolPage } },
      handle: async ({ caller, query }) => ({ status: 200, body: await listPool(prisma, caller, query) }),
    }),
    defineRoute({
      ...office,
      method: 'get',
      path: '/talent/pool/export.xlsx',
      summary:
        '人才库 as an Excel workbook under the list’s filters (titleStatus, field, roundId), newest published first; identity numbers masked; audited',
      query: ZPoolExportQuery,
      responses: { 200: { description: 'The workbook', contentType: XLSX_TYPE } },
      handle: async ({ caller, query, req, res }) => {
        const { content, rowCount } = await exportPool(prisma, caller, query);
        return auditedXlsx(
          prisma,
          { req, res, clock },
          {
            action: 'talent.pool_exported',
            resourceType: 'talent',
            resourceId: null,
            unitId: null,
            filters: query,
            rowCount,
          },
          { name: 'talent-pool', zh: { what: '人才库' }, lang: query.lang, content },
        );
      },
    }),
    defineRoute({
      ...office,
      // The leading group reads it too (read-only): it approves the talent's revocation.
      expect: expectOfficeOrLeadingGroupSubtree,
      method: 'get',
      path: '/talent/pool/:id',
      summary:
        'One talent: the term, the allowance ledger per year with totals, the rows written, status events, the leading group’s decisions; the office and, read-only, the leading group',
      params: ZIdParams,
      responses: { 200: { description: 'The talent', schema: ZTalentDetail } },
      handle: async ({ caller, params }) => ({
        status: 200,
        body: await talentDetail(prisma, caller, params.id, today(), 'readers'),
      }),
    }),
    defineRoute({
      ...office,
      method: 'post',
      path: '/talent/pool/:id/reports',
      summary:
        'Report that a talent left social work or moved out of the city (benefits stop, title kept) or a misconduct (verification, then the leading group): sent to the term process with the effective date; 409 when the term is over or benefits already stopped',
      idempotent: true,
      changesThroughPort: true,
      params: ZIdParams,
      body: ZTermReportRequest,
      responses: { 200: { description: 'The talent after the report', schema: ZTalentDetail } },
      handle: async ({ db, caller, params, body, req }) => {
        if (!orchestrator) throw new Error('This route table was built without an orchestrator.');
        const { talent, audit } = await reportTermEvent(
          db,
          orchestrator,
          caller,
          params.id,
          body,
          today(),
          readIdempotencyKey(req),
        );
        return { status: 200, body: talent, audit };
      },
    }),
  ];
}
