// The definitions API for the designer (issue 13): definitions, versions, the one draft (saved with
// If-Match), publishing, the structural diff, dry runs and export. Admins only, wherever their unit:
// definitions belong to the whole installation.
import { beijingTime } from '../admin/audit.service';
import type { Db } from '../db/prisma-client';
import { defineRoute, type AnyRoute } from '../http/route';
import { expectAnyAdmin } from '../policy/route-expectations';
import type { Clock } from '../runtime/clock';
import { diffVersions, exportVersion, simulateScript } from './definition-analysis';
import { draftEtag, listDefinitions, listVersions, readDraft, readVersion } from './definition-reads';
import { createDefinition, createDraft, deleteDraft, publishDraft, saveDraft } from './draft-commands';
import {
  ZCreateDefinitionRequest,
  ZCreateDraftRequest,
  ZDefinitionDiff,
  ZDefinitionGraph,
  ZDefinitionKeyParams,
  ZDefinitionList,
  ZDiffQuery,
  ZDraftView,
  ZPublishResult,
  ZSaveDraftRequest,
  ZSimulateRequest,
  ZSimulation,
  ZVersionList,
  ZVersionParams,
  ZVersionView,
} from './definitions.types';

const admin = { kind: 'admin' } as const;
const common = { tag: 'definitions', access: admin, expect: expectAnyAdmin } as const;

export function definitionRoutes(prisma: Db, clock: Clock): AnyRoute[] {
  return [
    defineRoute({
      ...common,
      method: 'get',
      path: '/definitions',
      summary: 'Every process definition: its latest published version, its draft, instances per version',
      responses: { 200: { description: 'The definitions', schema: ZDefinitionList } },
      handle: async () => ({ status: 200, body: await listDefinitions(prisma) }),
    }),
    defineRoute({
      ...common,
      method: 'post',
      idempotent: true,
      path: '/definitions',
      summary: 'Create a definition with its first draft: an empty start → end graph, or imported JSON',
      body: ZCreateDefinitionRequest,
      responses: {
        201: { description: 'The new draft (ETag: its revision)', schema: ZDraftView },
        409: { description: 'The key is taken' },
        422: { description: 'The key is not 3–64 lowercase letters, digits or hyphens' },
      },
      handle: async ({ db, caller, body }) => {
        const { body: draft, audit } = await createDefinition(db, caller, body);
        return { status: 201, body: draft, headers: { ETag: draftEtag(draft.revision) }, audit };
      },
    }),
    defineRoute({
      ...common,
      method: 'get',
      path: '/definitions/:key/versions',
      summary: 'The versions of a definition, newest first, the draft included',
      params: ZDefinitionKeyParams,
      responses: { 200: { description: 'The versions', schema: ZVersionList } },
      handle: async ({ params }) => ({ status: 200, body: await listVersions(prisma, params.key) }),
    }),
    defineRoute({
      ...common,
      method: 'get',
      path: '/definitions/:key/versions/:version',
      summary: 'One version’s graph with the validator’s issues',
      params: ZVersionParams,
      responses: { 200: { description: 'The version', schema: ZVersionView } },
      handle: async ({ params }) => ({
        status: 200,
        body: await readVersion(prisma, params.key, params.version),
      }),
    }),
    defineRoute({
      ...common,
      method: 'get',
      path: '/definitions/:key/versions/:version/export',
      summary: 'Download a version’s graph as a JSON file named after the process, the version and the date',
      params: ZVersionParams,
      responses: {
        200: { description: 'The graph', contentType: 'application/json', schema: ZDefinitionGraph },
      },
      handle: async ({ params }) => ({
        status: 200,
        file: await exportVersion(prisma, params.key, params.version, beijingTime(clock()).slice(0, 10)),
      }),
    }),
    defineRoute({
      ...common,
      method: 'get',
      path: '/definitions/:key/draft',
      summary: 'The draft with the validator’s issues (ETag: its revision)',
      params: ZDefinitionKeyParams,
      responses: { 200: { description: 'The draft', schema: ZDraftView } },
      handle: async ({ params }) => {
        const draft = await readDraft(prisma, params.key);
        return { status: 200, body: draft, headers: { ETag: draftEtag(draft.revision) } };
      },
    }),
    defineRoute({
      ...common,
      method: 'post',
      idempotent: true,
      path: '/definitions/:key/draft',
      summary: 'Start the draft: from a version, from imported JSON, or from the latest published version',
      params: ZDefinitionKeyParams,
      body: ZCreateDraftRequest,
      responses: {
        201: { description: 'The new draft (ETag: its revision)', schema: ZDraftView },
        409: { description: 'The definition has a draft already (DRAFT_EXISTS)' },
      },
      handle: async ({ db, caller, params, body }) => {
        const { body: draft, audit } = await createDraft(db, caller, params.key, body);
        return { status: 201, body: draft, headers: { ETag: draftEtag(draft.revision) }, audit };
      },
    }),
    defineRoute({
      ...common,
      method: 'put',
      path: '/definitions/:key/draft',
      summary:
        'Save the draft (it may have problems; the answer lists them); If-Match names the revision read',
      params: ZDefinitionKeyParams,
      body: ZSaveDraftRequest,
      ifMatch: true,
      responses: {
        200: { description: 'The saved draft (ETag: its new revision)', schema: ZDraftView },
        412: { description: 'Another admin saved in between; `current` says who and when' },
      },
      handle: async ({ db, caller, params, body, expectedRevision }) => {
        const { body: draft, audit } = await saveDraft(
          db,
          caller,
          params.key,
          body.definition,
          expectedRevision,
        );
        return { status: 200, body: draft, headers: { ETag: draftEtag(draft.revision) }, audit };
      },
    }),
    defineRoute({
      ...common,
      method: 'delete',
      path: '/definitions/:key/draft',
      summary: 'Discard the draft',
      params: ZDefinitionKeyParams,
      ifMatch: true,
      responses: { 204: { description: 'Discarded' } },
      handle: async ({ db, params, expectedRevision }) => ({
        status: 204,
        audit: (await deleteDraft(db, params.key, expectedRevision)).audit,
      }),
    }),
    defineRoute({
      ...common,
      method: 'post',
      idempotent: true,
      path: '/definitions/:key/draft/publish',
      summary:
        'Publish the draft as the next version; refused while it has problems; unchanged from the latest version, the draft is discarded and no version made',
      params: ZDefinitionKeyParams,
      ifMatch: true,
      responses: {
        200: { description: 'Published, or unchanged', schema: ZPublishResult },
        422: { description: 'The draft has problems (DEFINITION_INVALID, the issues as errors)' },
      },
      handle: async ({ db, caller, params, expectedRevision }) => {
        const { body, audit } = await publishDraft(db, caller, params.key, expectedRevision);
        return { status: 200, body, audit };
      },
    }),
    defineRoute({
      ...common,
      method: 'get',
      path: '/definitions/:key/diff',
      summary: 'The structural diff between two versions, or a version and the draft',
      params: ZDefinitionKeyParams,
      query: ZDiffQuery,
      responses: { 200: { description: 'The changes', schema: ZDefinitionDiff } },
      handle: async ({ params, query }) => ({
        status: 200,
        body: await diffVersions(prisma, params.key, query.from, query.to),
      }),
    }),
    defineRoute({
      ...common,
      method: 'post',
      path: '/definitions/:key/simulate',
      summary: 'Dry-run a version, the draft or a graph with a script of timed events; nothing is stored',
      params: ZDefinitionKeyParams,
      body: ZSimulateRequest,
      responses: {
        200: { description: 'Every step and the final state', schema: ZSimulation },
        422: {
          description:
            'The graph has problems, or the engine refused an event (SIMULATION_REJECTED, naming its index)',
        },
      },
      handle: async ({ params, body }) => ({
        status: 200,
        body: await simulateScript(prisma, params.key, body),
        audit: 'unchanged',
      }),
    }),
  ];
}
