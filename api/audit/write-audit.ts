// Appends one audit row (the table is append-only, enforced by a trigger). The summary keeps the
// before/after of what changed, never secrets: routes pass only the fields worth recording.
import type { Request, Response } from 'express';
import { callerOf, type Caller } from '../auth/caller';
import type { Db } from '../db/prisma-client';
import type { AuditEntry } from '../http/audit-entry';
import { requestIdOf } from '../http/request-id';

export interface AuditContext {
  caller: Caller | undefined;
  requestId: string;
  clientAddress: string | undefined;
}

type AuditWriter = Pick<Db, 'auditLog'>;

/** The columns of the audit row for an entry made in a request's context. */
export function auditRowOf(entry: AuditEntry, context: AuditContext) {
  const summary =
    entry.before === undefined && entry.after === undefined
      ? undefined
      : {
          ...(entry.before === undefined ? {} : { before: entry.before }),
          ...(entry.after === undefined ? {} : { after: entry.after }),
        };
  return {
    actorId: entry.actorId ?? context.caller?.userId ?? null,
    tokenId: context.caller?.tokenId ?? null,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId,
    unitId: entry.unitId,
    detail: summary,
    requestId: context.requestId,
    ip: context.clientAddress ?? null,
  };
}

export type AuditRow = ReturnType<typeof auditRowOf>;

export async function writeAudit(
  prisma: AuditWriter,
  entry: AuditEntry,
  context: AuditContext,
): Promise<void> {
  const { detail, ...row } = auditRowOf(entry, context);
  await prisma.auditLog.create({ data: { ...row, ...(detail ? { detail } : {}) } });
}

export function auditContextOf(req: Request, res: Response): AuditContext {
  return { caller: callerOf(res), requestId: requestIdOf(req), clientAddress: req.ip };
}
