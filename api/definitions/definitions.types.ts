// Wire contracts of the definitions API (issue 13): definitions, their versions and their one
// draft, the structural diff and dry runs. The designer imports them.
import { z } from 'zod';
import { ZEngineEvent } from '../../workflows/engine';
import { ZShortText } from '../admin/common.types';
import { ZPersonRef } from '../work/work.types';

/** A definition's key as the designer lets an admin choose it (the engine accepts any kebab-case). */
export const DEFINITION_KEY_PATTERN = /^[a-z][a-z0-9-]{2,63}$/;

/** Checked by the handler, so a bad key is a 422 naming `key` rather than a 400 of the request's shape. */
const ZKeyText = z.string().min(1).max(100);

export const ZDefinitionKeyParams = z.object({ key: ZKeyText });
export const ZVersionParams = z.object({ key: ZKeyText, version: z.coerce.number().int().min(1).max(1e9) });

/**
 * A definition graph as the engine reads it (`ProcessDefinition`, workflows/engine/definition-schema.ts).
 * A draft may break the engine's rules (the validator's issues say how); it only has to be an object
 * with node and edge lists, and its other lists lists (queries read them with jsonb_array_elements).
 */
export const ZDefinitionGraph = z
  .looseObject({
    nodes: z.array(z.unknown()),
    edges: z.array(z.unknown()),
    variables: z.array(z.unknown()).optional(),
    stages: z.array(z.unknown()).optional(),
    eventHandlers: z.array(z.unknown()).optional(),
  })
  .meta({
    id: 'DefinitionGraph',
    description: 'The engine’s ProcessDefinition JSON (a draft may be invalid)',
  });
export type TDefinitionGraph = z.infer<typeof ZDefinitionGraph>;

/** One problem the engine's validator reports (`ValidationProblem`). */
export const ZValidationProblem = z
  .object({
    code: z.string(),
    nodeId: z.string().optional(),
    edgeId: z.string().optional(),
    handlerId: z.string().optional(),
    path: z.array(z.union([z.string(), z.number()])).optional(),
    message: z.object({ zh: z.string(), en: z.string() }),
  })
  .meta({ id: 'ValidationProblem' });

export const ZInstanceCounts = z.object({ running: z.number().int(), total: z.number().int() });

export const ZDefinitionSummary = z
  .object({
    key: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    latest: z
      .object({ version: z.number().int(), versionId: z.string(), publishedAt: z.iso.datetime() })
      .nullable(),
    /** How many versions are published (not drafts, not archived): 迁移实例 needs two. */
    publishedVersions: z.number().int(),
    draft: z
      .object({
        version: z.number().int(),
        revision: z.number().int(),
        updatedAt: z.iso.datetime(),
        updatedBy: ZPersonRef.nullable(),
        problemCount: z.number().int(),
      })
      .nullable(),
    /** Per version that has instances, newest first. */
    instances: z.array(ZInstanceCounts.extend({ version: z.number().int() })),
  })
  .meta({ id: 'DefinitionSummary' });
export type TDefinitionSummary = z.infer<typeof ZDefinitionSummary>;

export const ZDefinitionList = z.object({ items: z.array(ZDefinitionSummary) });

export const ZCreateDefinitionRequest = z.object({
  key: ZKeyText,
  name: ZShortText(200),
  description: z.string().trim().max(2000).optional(),
  /** An imported definition; without it the draft is an empty start → end graph. */
  definition: ZDefinitionGraph.optional(),
});
export type TCreateDefinitionRequest = z.infer<typeof ZCreateDefinitionRequest>;

export const ZDraftView = z
  .object({
    key: z.string(),
    version: z.number().int(),
    /** Sent as the ETag `W/"<revision>"`; saves name it in If-Match. */
    revision: z.number().int(),
    definition: ZDefinitionGraph,
    issues: z.array(ZValidationProblem),
    updatedAt: z.iso.datetime(),
    updatedBy: ZPersonRef.nullable(),
  })
  .meta({ id: 'DefinitionDraft' });
export type TDraftView = z.infer<typeof ZDraftView>;

export const ZVersionStatus = z.enum(['draft', 'published', 'archived']);

export const ZVersionList = z.object({
  items: z.array(
    z.object({
      version: z.number().int(),
      versionId: z.string(),
      status: ZVersionStatus,
      contentHash: z.string(),
      createdAt: z.iso.datetime(),
      publishedAt: z.iso.datetime().nullable(),
      createdBy: ZPersonRef.nullable(),
      instances: ZInstanceCounts,
    }),
  ),
});

export const ZVersionView = z
  .object({
    key: z.string(),
    version: z.number().int(),
    versionId: z.string(),
    status: ZVersionStatus,
    definition: ZDefinitionGraph,
    contentHash: z.string(),
    issues: z.array(ZValidationProblem),
  })
  .meta({ id: 'DefinitionVersion' });

export const ZCreateDraftRequest = z.union([
  z.strictObject({ definition: ZDefinitionGraph }),
  /** From a version; without it, from the latest published version. */
  z.strictObject({ fromVersion: z.number().int().min(1).max(1e9).optional() }),
]);
export type TCreateDraftRequest = z.infer<typeof ZCreateDraftRequest>;

export const ZSaveDraftRequest = z.object({ definition: ZDefinitionGraph });

export const ZPublishResult = z.union([
  z.object({ published: z.literal(true), version: z.number().int(), versionId: z.string() }),
  /** The draft equalled the latest published version: it was discarded and no version made. */
  z.object({ published: z.literal(false), version: z.number().int() }),
]);
export type TPublishResult = z.infer<typeof ZPublishResult>;

/** A version number or the draft. */
export const ZVersionRef = z
  .string()
  .regex(/^(?:draft|[1-9][0-9]{0,8})$/, 'a version number or draft')
  .transform((ref): number | 'draft' => (ref === 'draft' ? 'draft' : Number(ref)));
export type TVersionRef = z.output<typeof ZVersionRef>;

export const ZDiffQuery = z.object({ from: ZVersionRef, to: ZVersionRef });

export const ZDefinitionDiff = z
  .object({
    from: z.union([z.number().int(), z.literal('draft')]),
    to: z.union([z.number().int(), z.literal('draft')]),
    changes: z.array(
      z.object({
        target: z.enum(['definition', 'node', 'edge', 'handler']),
        id: z.string(),
        change: z.enum(['added', 'removed', 'changed']),
        label: z.string().optional(),
        properties: z.array(
          z.object({ path: z.string(), before: z.unknown().optional(), after: z.unknown().optional() }),
        ),
      }),
    ),
  })
  .meta({ id: 'DefinitionDiff' });

export const ZTimedEvent = z.object({ at: z.iso.datetime({ offset: true }), event: ZEngineEvent });

export const ZSimulateRequest = z.object({
  source: z.union([
    z.strictObject({ version: z.number().int().min(1).max(1e9) }),
    z.strictObject({ draft: z.literal(true) }),
    z.strictObject({ definition: ZDefinitionGraph }),
  ]),
  events: z.array(ZTimedEvent).max(500),
});
export type TSimulateRequest = z.infer<typeof ZSimulateRequest>;

const ZRejection = z.object({
  code: z.string(),
  message: z.object({ zh: z.string(), en: z.string() }),
  details: z.unknown().optional(),
});

/** The engine's `Simulation` (workflows/engine/simulate.ts): every step's outcome and the final state. */
export const ZSimulation = z
  .object({
    trace: z.array(
      z.object({
        at: z.string(),
        event: z.unknown(),
        ok: z.boolean(),
        state: z.unknown().optional(),
        effects: z.array(z.unknown()).optional(),
        rejection: ZRejection.optional(),
      }),
    ),
    final: z.unknown(),
  })
  .meta({ id: 'Simulation' });
