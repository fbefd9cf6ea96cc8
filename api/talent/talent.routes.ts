// The selection office's talent routes (选拔管理工作办公室): rounds created from the "海右" defaults,
// the application window, applications entered, imported from xlsx (all or nothing, with a row
// report) and exported, amended or withdrawn while the window is open, and one application read in
// full (audited). Review, ranking, notice and
// terms arrive with the rest of issue 12.
import { XLSX_TYPE } from '../admin/audit.routes';
import { ZIdParams } from '../admin/common.types';
import { auditContextOf, writeAudit } from '../audit/write-audit';
import type { Db } from '../db/prisma-client';
import { defineRoute, type AnyRoute } from '../http/route';
import { expectSelectionOfficeSubtree } from '../policy/route-expectations';
import type { Orchestrator } from '../orchestrator/orchestrator';
import type { Clock } from '../runtime/clock';
import { runtime } from '../work/work.routes';
import { amendApplication, withdrawApplication } from './application-changes';
import { enterApplication } from './application-commands';
import { exportApplications } from './application-export';
import {
  IMPORT_FILE_PART,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  importApplications,
} from './application-import';
import { applicationDetail, listApplications, maskedApplication } from './application-reads';
import { applicationTemplate } from './application-workbook';
import { maskIdentityNumber } from './identity-number';
import { createRound, moveRoundWindow } from './round-commands';
import { startRoundProcess } from './round-process-commands';
import { isoDate } from './round-view';
import { listRounds, roundDetail } from './round-reads';
import {
  ZApplicationDetail,
  ZApplicationDetailQuery,
  ZApplicationEntry,
  ZApplicationListQuery,
  ZApplicationPage,
  ZCreateRoundRequest,
  ZExportQuery,
  ZTemplateQuery,
  ZImportResult,
  ZWithdrawApplication,
  ZRound,
  ZRoundListQuery,
  ZRoundPage,
} from './talent.types';
import { roundInScope } from './talent-scope';
import { auditedXlsx, xlsxFileNames } from './talent-xlsx-export';

const signedIn = { kind: 'signedIn' } as const;
const office = { tag: 'talent', access: signedIn, expect: expectSelectionOfficeSubtree } as const;
const roundAnswer = { 200: { description: 'The round as it now stands', schema: ZRound } };

export function talentRoutes(prisma: Db, clock: Clock, orchestrator: Orchestrator | undefined): AnyRoute[] {
  return [
    defineRoute({
      ...office,
      method: 'get',
      path: '/talent/rounds',
      summary: 'Selection rounds of the caller’s office (its unit and below), newest first',
      query: ZRoundListQuery,
      responses: { 200: { description: 'One page', schema: ZRoundPage } },
      handle: async ({ caller, query }) => ({ status: 200, body: await listRounds(prisma, caller, query) }),
    }),
    defineRoute({
      ...office,
      method: 'post',
      path: '/talent/rounds',
      summary:
        'Create a round from the "海右" defaults; `config` overrides options (422 naming the option’s path when one is not valid)',
      idempotent: true,
      body: ZCreateRoundRequest,
      responses: { 201: { description: 'Created', schema: ZRound } },
      handle: async ({ db, caller, body }) => {
        const { round, audit } = await createRound(db, caller, body);
        return { status: 201, body: round, audit };
      },
    }),
    defineRoute({
      ...office,
      method: 'get',
      path: '/talent/rounds/:id',
      summary: 'One round: status, options with their values, the application window',
      params: ZIdParams,
      responses: roundAnswer,
      handle: async ({ caller, params }) => ({
        status: 200,
        body: await roundDetail(prisma, caller, params.id),
      }),
    }),
    defineRoute({
      ...office,
      method: 'post',
      path: '/talent/rounds/:id/open',
      summary:
        'Open the application window (a draft round, or a closed one again); 409 in any other status. The first opening starts the round’s process',
      idempotent: true,
      params: ZIdParams,
      responses: roundAnswer,
      handle: async ({ db, caller, params }) => {
        const { round, audit } = await moveRoundWindow(db, caller, params.id, 'open', clock());
        if (round.instanceId) return { status: 200, body: round, audit };
        const row = await roundInScope(db, caller, params.id);
        const instanceId = await startRoundProcess(db, runtime(orchestrator), caller, row);
        return { status: 200, body: { ...round, instanceId }, audit };
      },
    }),
    defineRoute({
      ...office,
      method: 'post',
      path: '/talent/rounds/:id/close',
      summary: 'Close the application window of an open round; 409 in any other status',
      idempotent: true,
      params: ZIdParams,
      responses: roundAnswer,
      handle: async ({ db, caller, params }) => {
        const { round, audit } = await moveRoundWindow(db, caller, params.id, 'close', clock());
        return { status: 200, body: round, audit };
      },
    }),
    defineRoute({
      ...office,
      method: 'get',
      path: '/talent/rounds/:id/applications',
      summary: 'Applications of a round, oldest first, identity numbers masked; filters status and field',
      params: ZIdParams,
      query: ZApplicationListQuery,
      responses: { 200: { description: 'One page', schema: ZApplicationPage } },
      handle: async ({ caller, params, query }) => ({
        status: 200,
        body: await listApplications(prisma, caller, params.id, query),
      }),
    }),
    defineRoute({
      ...office,
      method: 'post',
      path: '/talent/rounds/:id/applications',
      summary: 'Enter one application (person, dossier, certificates) while the window is open',
      idempotent: true,
      params: ZIdParams,
      body: ZApplicationEntry,
      responses: { 201: { description: 'Entered', schema: ZApplicationDetail } },
      handle: async ({ db, caller, params, body }) => {
        const { application, audit } = await enterApplication(db, caller, params.id, body);
        return { status: 201, body: application, audit };
      },
    }),
    defineRoute({
      ...office,
      method: 'get',
      path: '/talent/rounds/:id/applications/export.xlsx',
      summary:
        'The round’s applications as an Excel workbook (the import template’s columns, then status); identity numbers masked unless `identityNumbers=full`; audited',
      params: ZIdParams,
      query: ZExportQuery,
      responses: { 200: { description: 'The workbook', contentType: XLSX_TYPE } },
      handle: async ({ caller, params, query, req, res }) => {
        const round = await roundInScope(prisma, caller, params.id);
        const { content, rowCount } = await exportApplications(prisma, round.id, query);
        return auditedXlsx(
          prisma,
          { req, res, clock },
          {
            action: 'talent_application.exported',
            resourceType: 'talent_round',
            resourceId: round.id,
            unitId: round.unitId,
            filters: query,
            rowCount,
          },
          {
            name: 'talent-applications',
            zh: { roundTitle: round.title, what: '申报名单' },
            lang: query.lang,
            content,
          },
        );
      },
    }),
    defineRoute({
      ...office,
      method: 'get',
      path: '/talent/rounds/:id/import-template.xlsx',
      summary: 'The xlsx template for importing applications: Chinese headers, drop-downs, one example row',
      params: ZIdParams,
      query: ZTemplateQuery,
      responses: { 200: { description: 'The template', contentType: XLSX_TYPE } },
      handle: async ({ caller, params, query }) => {
        const round = await roundInScope(prisma, caller, params.id);
        return {
          status: 200,
          file: {
            content: await applicationTemplate(isoDate(round.referenceDate)),
            contentType: XLSX_TYPE,
            ...xlsxFileNames({
              name: 'talent-import-template',
              zh: { roundTitle: round.title, what: '导入模板' },
              lang: query.lang,
            }),
          },
        };
      },
    }),
    defineRoute({
      ...office,
      method: 'post',
      path: '/talent/rounds/:id/imports',
      summary: `Import applications from the template’s xlsx (at most ${MAX_IMPORT_ROWS} rows): every row is checked first; any finding imports nothing and answers 422 with \`rowErrors\` (row, column, zh/en reason)`,
      idempotent: true,
      params: ZIdParams,
      upload: {
        field: IMPORT_FILE_PART,
        maxBytes: MAX_IMPORT_BYTES,
        description: 'The filled-in template (xlsx)',
      },
      responses: { 201: { description: 'Every row imported', schema: ZImportResult } },
      handle: async ({ db, caller, params, file }) => {
        const { result, audit } = await importApplications(db, caller, params.id, file);
        return { status: 201, body: result, audit };
      },
    }),
    defineRoute({
      ...office,
      method: 'get',
      path: '/talent/applications/:id',
      summary:
        'One application in full, identity number included, every such read audited; `identityNumbers=masked` answers it masked as lists show it (not audited)',
      params: ZIdParams,
      query: ZApplicationDetailQuery,
      responses: { 200: { description: 'The application', schema: ZApplicationDetail } },
      handle: async ({ caller, params, query, req, res }) => {
        const { application, unitId } = await applicationDetail(prisma, caller, params.id);
        // No ETag on the read: documents and screening change what it shows without a new revision,
        // and a browser revalidating with If-None-Match would be answered 304 with the stale dossier.
        if (query.identityNumbers === 'masked') return { status: 200, body: maskedApplication(application) };
        // Who read whose full identity number, and when (personal information protection).
        await writeAudit(
          prisma,
          {
            action: 'talent_application.viewed',
            resourceType: 'talent_application',
            resourceId: application.id,
            unitId,
            after: { identityNumber: maskIdentityNumber(application.identityNumber) },
          },
          auditContextOf(req, res),
        );
        return { status: 200, body: application };
      },
    }),
    defineRoute({
      ...office,
      method: 'patch',
      path: '/talent/applications/:id',
      summary:
        'Amend an application (the whole entry again) while its round’s window is open and it is still submitted; the identity number cannot change (422); If-Match its revision',
      ifMatch: true,
      params: ZIdParams,
      body: ZApplicationEntry,
      responses: { 200: { description: 'Amended', schema: ZApplicationDetail } },
      handle: async ({ db, caller, params, body, expectedRevision }) => {
        const { application, audit } = await amendApplication(db, caller, params.id, expectedRevision, body);
        return { status: 200, body: application, revision: application.revision, audit };
      },
    }),
    defineRoute({
      ...office,
      method: 'post',
      path: '/talent/applications/:id/withdraw',
      summary:
        'Withdraw an application on the applicant’s request, with the reason, while its round’s window is open; screening then passes it by; If-Match its revision',
      ifMatch: true,
      params: ZIdParams,
      body: ZWithdrawApplication,
      responses: { 200: { description: 'Withdrawn', schema: ZApplicationDetail } },
      handle: async ({ db, caller, params, body, expectedRevision }) => {
        const { application, audit } = await withdrawApplication(
          db,
          caller,
          params.id,
          expectedRevision,
          body.reason,
        );
        return { status: 200, body: application, revision: application.revision, audit };
      },
    }),
  ];
}
