// Instance migration between published versions of a definition (admins, installation-wide like
// the definitions themselves): the plan, and its execution per instance (docs/definition-migration.md).
import { auditContextOf, writeAudit } from '../audit/write-audit';
import type { Db } from '../db/prisma-client';
import { readIdempotencyKey } from '../http/idempotency';
import { defineRoute } from '../http/route';
import type { Orchestrator } from '../orchestrator/orchestrator';
import { expectAnyAdmin } from '../policy/route-expectations';
import { planMigration } from './migration-plan';
import { runMigrations } from './migration-run';
import { ZDefinitionKeyParams } from './definitions.types';
import {
  ZMigrationPlan,
  ZMigrationPlanRequest,
  ZMigrationRequest,
  ZMigrationResults,
} from './migration.types';

const admins = { kind: 'admin' } as const;

export function migrationRoutes(prisma: Db, orchestrator: Orchestrator | undefined) {
  return [
    defineRoute({
      method: 'post',
      path: '/definitions/:key/migration-plan',
      tag: 'definitions',
      summary:
        'Plan moving running instances between published versions: node mapping and per-instance reasons',
      access: admins,
      expect: expectAnyAdmin,
      params: ZDefinitionKeyParams,
      body: ZMigrationPlanRequest,
      responses: { 200: { description: 'The plan; nothing is changed', schema: ZMigrationPlan } },
      handle: async ({ db, params, body }) => ({
        status: 200,
        body: await planMigration(db, params.key, body),
        audit: 'unchanged',
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/definitions/:key/migrations',
      tag: 'definitions',
      summary: 'Move the named instances to the target version, each all or nothing, each audited',
      access: admins,
      expect: expectAnyAdmin,
      idempotent: true,
      changesThroughPort: true,
      params: ZDefinitionKeyParams,
      body: ZMigrationRequest,
      responses: { 200: { description: 'One result per instance', schema: ZMigrationResults } },
      handle: async ({ params, body, caller, req, res }) => {
        if (!orchestrator) throw new Error('This route table was built without an orchestrator.');
        const context = auditContextOf(req, res);
        const results = await runMigrations(
          prisma,
          orchestrator,
          caller,
          params.key,
          body,
          readIdempotencyKey(req),
          (entry) => writeAudit(prisma, entry, context),
        );
        return { status: 200, body: results, audit: 'written' };
      },
    }),
  ];
}
