// The office's results routes (issue 12): screening results with the rule-by-rule explanation and
// the manual override (资格审查结果, 人工调整), the ranking with every candidate's explanation
// (排名结果), the public-notice objections (公示异议) — these two and the overrides also for the
// leading group, read-only — and the leading group's own round list.
import { XLSX_TYPE } from '../admin/audit.routes';
import { ZIdParams } from '../admin/common.types';
import type { Db } from '../db/prisma-client';
import { ZPageQuery } from '../http/pagination';
import { defineRoute, type AnyRoute } from '../http/route';
import {
  expectLeadingGroupSubtree,
  expectOfficeOrLeadingGroupSubtree,
  expectSelectionOfficeSubtree,
} from '../policy/route-expectations';
import type { Clock } from '../runtime/clock';
import { decideObjection, recordObjection } from './objection-commands';
import { listObjections } from './objection-reads';
import {
  ZDecideObjectionRequest,
  ZObjection,
  ZObjectionPage,
  ZObjectionQuery,
  ZRecordObjectionRequest,
} from './objection-types';
import { exportRanking } from './results-export';
import { listRankingResults } from './results-ranking';
import { listLeadingGroupRounds } from './results-rounds';
import { requireOfficeOf, resultsRoundInScope } from './results-scope';
import {
  clearScreeningOverride,
  listScreeningOverrides,
  listScreeningResults,
  overrideScreening,
} from './results-screening';
import {
  ZLeadingRoundPage,
  ZLeadingRoundQuery,
  ZOverrideRequest,
  ZRankingExportQuery,
  ZRankingPage,
  ZRankingQuery,
  ZScreeningPage,
  ZScreeningQuery,
  ZScreeningRow,
} from './results-types';
import { auditedXlsx } from './talent-xlsx-export';

const signedIn = { kind: 'signedIn' } as const;
const office = { tag: 'talent', access: signedIn, expect: expectSelectionOfficeSubtree } as const;
const screeningAnswer = {
  200: { description: 'The application’s screening result now', schema: ZScreeningRow },
};

export function talentResultsRoutes(prisma: Db, clock: Clock): AnyRoute[] {
  return [
    defineRoute({
      tag: 'talent',
      access: signedIn,
      expect: expectOfficeOrLeadingGroupSubtree,
      method: 'get',
      path: '/talent/rounds/:id/ranking-results/export.xlsx',
      summary:
        'The round’s ranking (the published list once published) as an Excel workbook in merit order: rank, name, identity number, employer, field, category, seat, final score; identity numbers masked unless the office asks `identityNumbers=full` (403 for the leading group); audited',
      params: ZIdParams,
      query: ZRankingExportQuery,
      responses: { 200: { description: 'The workbook', contentType: XLSX_TYPE } },
      handle: async ({ caller, params, query, req, res }) => {
        const round = await resultsRoundInScope(prisma, caller, params.id);
        if (query.identityNumbers === 'full') await requireOfficeOf(prisma, caller, round);
        const { content, rowCount } = await exportRanking(prisma, round.id, query.identityNumbers);
        return auditedXlsx(
          prisma,
          { req, res, clock },
          {
            action: 'talent_round.ranking_exported',
            resourceType: 'talent_round',
            resourceId: round.id,
            unitId: round.unitId,
            filters: query,
            rowCount,
          },
          {
            name: 'talent-ranking',
            zh: { roundTitle: round.title, what: '排名结果' },
            lang: query.lang,
            content,
          },
        );
      },
    }),
    defineRoute({
      ...office,
      method: 'get',
      path: '/talent/rounds/:id/screening-results',
      summary:
        'Screened applications of a round, oldest first, each with its rule-by-rule explanation as stored and any override; filter `result` (eligible, ineligible: the effective result; overridden)',
      params: ZIdParams,
      query: ZScreeningQuery,
      responses: { 200: { description: 'One page', schema: ZScreeningPage } },
      handle: async ({ caller, params, query }) => ({
        status: 200,
        body: await listScreeningResults(prisma, caller, params.id, query),
      }),
    }),
    defineRoute({
      ...office,
      method: 'post',
      path: '/talent/applications/:id/screening-override',
      summary:
        'Override an application’s screening result with a reason, while the round is in screening (409 otherwise, or when an override is already in place); the application’s status follows',
      idempotent: true,
      params: ZIdParams,
      body: ZOverrideRequest,
      responses: screeningAnswer,
      handle: async ({ db, caller, params, body }) => {
        const { row, audit } = await overrideScreening(db, caller, params.id, body, clock());
        return { status: 200, body: row, audit };
      },
    }),
    defineRoute({
      ...office,
      method: 'delete',
      path: '/talent/applications/:id/screening-override',
      summary:
        'Clear an application’s screening override, while the round is in screening: the screening’s own result applies again (409 when there is none)',
      idempotent: true,
      params: ZIdParams,
      responses: screeningAnswer,
      handle: async ({ db, caller, params }) => {
        const { row, audit } = await clearScreeningOverride(db, caller, params.id);
        return { status: 200, body: row, audit };
      },
    }),
    defineRoute({
      tag: 'talent',
      access: signedIn,
      expect: expectOfficeOrLeadingGroupSubtree,
      method: 'get',
      path: '/talent/rounds/:id/ranking-results',
      summary:
        'The stored ranking of a round in merit order (unranked last) with each candidate’s explanation, raw mean and final score, and the round’s seats and cut lines; the leading group reads ranked rounds of its subtree',
      params: ZIdParams,
      query: ZRankingQuery,
      responses: { 200: { description: 'One page, headed by the round', schema: ZRankingPage } },
      handle: async ({ caller, params, query }) => ({
        status: 200,
        body: await listRankingResults(prisma, caller, params.id, query),
      }),
    }),
    defineRoute({
      tag: 'talent',
      access: signedIn,
      expect: expectLeadingGroupSubtree,
      method: 'get',
      path: '/talent/leading-group/rounds',
      summary:
        'The leading group’s rounds: those of its subtree from ranking to published, newest first, with seats and cut lines',
      query: ZLeadingRoundQuery,
      responses: { 200: { description: 'One page', schema: ZLeadingRoundPage } },
      handle: async ({ caller, query }) => ({
        status: 200,
        body: await listLeadingGroupRounds(prisma, caller, query),
      }),
    }),
    defineRoute({
      tag: 'talent',
      access: signedIn,
      expect: expectOfficeOrLeadingGroupSubtree,
      method: 'get',
      path: '/talent/rounds/:id/screening-overrides',
      summary:
        'The office’s manual screening overrides of a round (result, reason, who and when), oldest application first; the leading group reads those of the rounds before it (identity numbers masked)',
      params: ZIdParams,
      query: ZPageQuery,
      responses: { 200: { description: 'One page', schema: ZScreeningPage } },
      handle: async ({ caller, params, query }) => ({
        status: 200,
        body: await listScreeningOverrides(prisma, caller, params.id, query),
      }),
    }),
    defineRoute({
      tag: 'talent',
      access: signedIn,
      expect: expectOfficeOrLeadingGroupSubtree,
      method: 'get',
      path: '/talent/rounds/:id/objections',
      summary:
        'Objections raised against a round’s list, in the order received, with their decisions; filter `decision`; the leading group reads those of the rounds before it',
      params: ZIdParams,
      query: ZObjectionQuery,
      responses: { 200: { description: 'One page', schema: ZObjectionPage } },
      handle: async ({ caller, params, query }) => ({
        status: 200,
        body: await listObjections(prisma, caller, params.id, query),
      }),
    }),
    defineRoute({
      ...office,
      method: 'post',
      path: '/talent/rounds/:id/objections',
      summary:
        'Record an objection against a selected candidate during the public notice (409 in any other round status)',
      idempotent: true,
      params: ZIdParams,
      body: ZRecordObjectionRequest,
      responses: { 201: { description: 'Recorded, pending a decision', schema: ZObjection } },
      handle: async ({ db, caller, params, body }) => {
        const { objection, audit } = await recordObjection(db, caller, params.id, body, clock());
        return { status: 201, body: objection, audit };
      },
    }),
    defineRoute({
      ...office,
      method: 'post',
      path: '/talent/objections/:id/decision',
      summary:
        'Uphold or dismiss a pending objection with a reason during the public notice; upheld marks the application removed (the list is redone when the notice ends); 409 once decided',
      idempotent: true,
      params: ZIdParams,
      body: ZDecideObjectionRequest,
      responses: { 200: { description: 'Decided', schema: ZObjection } },
      handle: async ({ db, caller, params, body }) => {
        const { objection, audit } = await decideObjection(db, caller, params.id, body, clock());
        return { status: 200, body: objection, audit };
      },
    }),
  ];
}
