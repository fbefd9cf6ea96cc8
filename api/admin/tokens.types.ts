// Wire contracts of API-token administration; the web imports them.
import { z } from 'zod';
import { ZRole } from '../auth/auth.types';
import { ZPageQuery, pageOf } from '../http/pagination';
import { ZRoleAtUnit, ZShortText } from './common.types';

export const ZApiToken = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    assignments: z.array(z.object({ role: ZRole, unitId: z.string(), unitName: z.string() })),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().nullable(),
    lastUsedAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
    /** Username of the admin who created it. */
    createdBy: z.string(),
  })
  .meta({ id: 'ApiToken' });
export type TApiToken = z.infer<typeof ZApiToken>;

export const ZTokenListQuery = ZPageQuery.extend({
  /** Part of the token's name (the audit page's actor search). */
  q: z.string().trim().max(100).optional(),
});
export const ZTokenPage = pageOf(ZApiToken);

export const ZCreateTokenRequest = z.object({
  name: ZShortText(100),
  assignments: z.array(ZRoleAtUnit).min(1, 'at least one role').max(20),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});
export type TCreateTokenRequest = z.infer<typeof ZCreateTokenRequest>;

export const ZCreateTokenResponse = z.object({
  /** The secret, shown only in this response; send it as `Authorization: Bearer <token>`. */
  token: z.string(),
  item: ZApiToken,
});
