// API tokens (admins): list, create (the secret is shown once), revoke. A creation repeated with
// its Idempotency-Key creates nothing and answers 409 naming the token: the secret is not stored.
import type { Db } from '../db/prisma-client';
import { defineRoute } from '../http/route';
import { expectAdminSubtree } from '../policy/route-expectations';
import { ZIdParams } from './common.types';
import { createToken, listTokens, revokeToken } from './tokens.service';
import {
  ZApiToken,
  ZCreateTokenRequest,
  ZCreateTokenResponse,
  ZTokenListQuery,
  ZTokenPage,
} from './tokens.types';

const admin = { kind: 'admin' } as const;

export function tokenRoutes(prisma: Db) {
  return [
    defineRoute({
      method: 'get',
      path: '/tokens',
      tag: 'tokens',
      summary: 'API tokens of service accounts in the admin’s scope, newest first',
      access: admin,
      expect: expectAdminSubtree,
      query: ZTokenListQuery,
      responses: { 200: { description: 'One page', schema: ZTokenPage } },
      handle: async ({ caller, query }) => ({ status: 200, body: await listTokens(prisma, caller, query) }),
    }),
    defineRoute({
      method: 'post',
      path: '/tokens',
      tag: 'tokens',
      summary: 'Create an API token for a new service account with roles in units',
      access: admin,
      expect: expectAdminSubtree,
      idempotent: true,
      body: ZCreateTokenRequest,
      responses: {
        201: { description: 'Created; the token is shown only now', schema: ZCreateTokenResponse },
      },
      handle: async ({ db, caller, body }) => {
        const { token, item, audit } = await createToken(db, caller, body);
        return {
          status: 201,
          body: { token, item },
          audit,
          shownOnce: { resourceType: 'token', resourceId: item.id },
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/tokens/:id/revoke',
      tag: 'tokens',
      summary: 'Revoke a token (at once, for good)',
      access: admin,
      expect: expectAdminSubtree,
      idempotent: true,
      params: ZIdParams,
      responses: { 200: { description: 'Revoked', schema: ZApiToken } },
      handle: async ({ db, caller, params }) => {
        const { item, audit } = await revokeToken(db, caller, params.id);
        return { status: 200, body: item, audit };
      },
    }),
  ];
}
