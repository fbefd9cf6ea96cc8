// Contracts of instance migration between published versions of a definition: the plan (a node
// mapping suggested from ids, editable, and per instance whether it can move) and its execution.
import { z } from 'zod';
import { ZId } from '../admin/common.types';

// Version numbers are 32-bit in the database: a larger one is a 400, never a failed query.
const ZVersionNumber = z.number().int().min(1).max(1_000_000_000);
const ZNodeId = z.string().min(1).max(100);
/** Old node id -> new node id. */
const ZNodeMapping = z.record(ZNodeId, ZNodeId);

export const ZMigrationReason = z
  .object({
    code: z.enum([
      'NOT_RUNNING',
      'NODE_UNMAPPED',
      'KIND_CHANGED',
      'JOIN_EDGE_UNMAPPED',
      'SEATS_CHANGED',
      'SUBJECTS_CHANGED',
      'ALREADY_ON_TARGET',
      'NOT_ON_SOURCE',
    ]),
    /** What the reason is about: a token, task, timer, action or child id, or 'instance'. */
    id: z.string(),
    message: z.object({ zh: z.string(), en: z.string() }),
  })
  .meta({ id: 'MigrationReason' });

const versions = {
  fromVersion: ZVersionNumber,
  toVersion: ZVersionNumber,
};
const differentVersions = (body: { fromVersion: number; toVersion: number }) =>
  body.fromVersion !== body.toVersion;
const sameVersion = { message: 'the target version must differ from the source', path: ['toVersion'] };

export const ZMigrationPlanRequest = z
  .object({
    ...versions,
    /** The admin's edited mapping; absent: the suggestion is used. */
    mapping: ZNodeMapping.optional(),
  })
  .refine(differentVersions, sameVersion);
export type TMigrationPlanRequest = z.input<typeof ZMigrationPlanRequest>;

export const ZMigrationPlan = z
  .object({
    /** Per old node: its counterpart, `suggested` when guessed from kinds (same id and kind: not suggested). */
    suggestedMapping: z.record(
      z.string(),
      z.object({ to: z.string(), kind: z.string(), suggested: z.boolean() }),
    ),
    /** The mapping the instances were checked with: the request's, else the suggestion. */
    mapping: z.record(z.string(), z.string()),
    /** The running instances on the source version. */
    instances: z.array(
      z.object({
        instanceId: z.string(),
        title: z.string(),
        unitName: z.string(),
        status: z.string(),
        /** The nodes it waits at now, named as in the source version (as a project's currentNodes). */
        currentNodes: z.array(z.object({ nodeId: z.string(), name: z.string() })),
        canMigrate: z.boolean(),
        reasons: z.array(ZMigrationReason),
      }),
    ),
  })
  .meta({ id: 'MigrationPlan' });
export type TMigrationPlan = z.infer<typeof ZMigrationPlan>;

export const ZMigrationRequest = z
  .object({
    ...versions,
    mapping: ZNodeMapping,
    instanceIds: z.array(ZId).min(1).max(500),
  })
  .refine(differentVersions, sameVersion);
export type TMigrationRequest = z.input<typeof ZMigrationRequest>;

export const ZMigrationResults = z
  .object({
    results: z.array(
      z.object({ instanceId: z.string(), migrated: z.boolean(), reasons: z.array(ZMigrationReason) }),
    ),
  })
  .meta({ id: 'MigrationResults' });
export type TMigrationResults = z.infer<typeof ZMigrationResults>;
