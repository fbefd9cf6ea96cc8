// Unit tree: everyone reads their subtree; admins create, rename, move and deactivate.
import type { Db } from '../db/prisma-client';
import { defineRoute } from '../http/route';
import { expectAdminSubtree, expectOwnSubtree } from '../policy/route-expectations';
import { ZIdParams } from './common.types';
import type { UnitHeadSync } from './unit-head-sync';
import { createUnit, getVisibleUnit, listVisibleUnits, updateUnit } from './units.service';
import { ZCreateUnitRequest, ZUnit, ZUnitList, ZUpdateUnitRequest } from './units.types';

export function unitRoutes(prisma: Db, unitHeadSync: Pick<UnitHeadSync, 'syncSoon'> | undefined) {
  return [
    defineRoute({
      method: 'get',
      path: '/units',
      tag: 'units',
      summary: 'The units in the caller’s scope (whole visible tree)',
      access: { kind: 'signedIn' },
      expect: expectOwnSubtree,
      responses: { 200: { description: 'Units ordered by code', schema: ZUnitList } },
      handle: async ({ caller }) => ({
        status: 200,
        body: { items: await listVisibleUnits(prisma, caller) },
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/units/:id',
      tag: 'units',
      summary: 'One unit (ETag: its revision)',
      access: { kind: 'signedIn' },
      expect: expectOwnSubtree,
      params: ZIdParams,
      responses: { 200: { description: 'The unit', schema: ZUnit } },
      handle: async ({ caller, params }) => {
        const unit = await getVisibleUnit(prisma, caller, params.id);
        return { status: 200, body: unit, revision: unit.revision };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/units',
      tag: 'units',
      summary: 'Create a station or room below a unit the admin administers',
      access: { kind: 'admin' },
      expect: expectAdminSubtree,
      idempotent: true,
      body: ZCreateUnitRequest,
      responses: { 201: { description: 'Created', schema: ZUnit } },
      handle: async ({ db, caller, body }) => {
        const { unit, audit } = await createUnit(db, caller, body);
        return { status: 201, body: unit, revision: unit.revision, audit };
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/units/:id',
      tag: 'units',
      summary:
        'Rename, move, (de)activate a unit or name its head; a new head takes the head steps of running projects that open from now on',
      access: { kind: 'admin' },
      expect: expectAdminSubtree,
      params: ZIdParams,
      ifMatch: true,
      body: ZUpdateUnitRequest,
      responses: { 200: { description: 'Updated', schema: ZUnit } },
      handle: async ({ db, caller, params, body, expectedRevision, res }) => {
        const { unit, audit } = await updateUnit(db, caller, params.id, expectedRevision, body);
        // After the response, so after the commit: the pass then reads the new head.
        if (body.headId !== undefined && audit !== 'unchanged')
          res.on('finish', () => unitHeadSync?.syncSoon());
        return { status: 200, body: unit, revision: unit.revision, audit };
      },
    }),
  ];
}
