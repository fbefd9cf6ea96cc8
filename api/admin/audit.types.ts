// Wire contracts of the audit search and export; the web imports them.
import { z } from 'zod';
import { ZAuditAction, ZAuditResourceType } from '../audit/audit-actions';
import { ZPageQuery, pageOf } from '../http/pagination';
import { ZId } from './common.types';

export const ZAuditEntry = z
  .object({
    id: z.string(),
    at: z.iso.datetime(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    tokenId: z.string().nullable(),
    action: z.string(),
    resourceType: z.string(),
    resourceId: z.string().nullable(),
    unitId: z.string().nullable(),
    unitName: z.string().nullable(),
    /** Before/after of the change as compact JSON ('' when the action changed nothing it could show). */
    summary: z.string(),
    /** Null only for rows written before request ids were recorded. */
    requestId: z.string().nullable(),
    clientAddress: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditFilters = z.object({
  actorId: ZId.optional(),
  /** Rows of calls made with this API token. */
  tokenId: ZId.optional(),
  action: ZAuditAction.optional(),
  resourceType: ZAuditResourceType.optional(),
  resourceId: z.string().trim().min(1).max(100).optional(),
  unitId: ZId.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type TAuditFilters = z.infer<typeof ZAuditFilters>;

export const ZAuditQuery = ZPageQuery.extend(ZAuditFilters.shape);
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditPage = pageOf(ZAuditEntry);
