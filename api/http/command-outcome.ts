// The record of a command whose change went through the Orchestrator port (which commits it in the
// runtime's own transaction): its audit row and the response stored under its Idempotency-Key,
// written by one statement, so they commit together or not at all without an interactive
// transaction around the handler (two round trips fewer, and no connection held while the engine runs).
import { Prisma } from '../../prisma/generated/client';
import type { AuditRow } from '../audit/write-audit';
import type { Db } from '../db/prisma-client';
import type { StoredResponse } from './idempotency';

export interface StoredUnderKey {
  callerKey: string;
  key: string;
  response: StoredResponse;
}

const jsonb = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

function auditInsert(row: AuditRow): Prisma.Sql {
  return Prisma.sql`INSERT INTO audit_log
      (actor_id, token_id, action, resource_type, resource_id, unit_id, detail, request_id, ip)
    VALUES (${row.actorId}::uuid, ${row.tokenId}::uuid, ${row.action}, ${row.resourceType}, ${row.resourceId},
      ${row.unitId}::uuid, ${jsonb(row.detail)}::jsonb, ${row.requestId}, ${row.ip})`;
}

function responseUpdate({ callerKey, key, response }: StoredUnderKey): Prisma.Sql {
  return Prisma.sql`UPDATE idempotency_record
    SET status = ${response.status}, body = ${jsonb(response.body)}::jsonb, headers = ${jsonb(response.headers)}::jsonb
    WHERE caller_key = ${callerKey} AND key = ${key}`;
}

/** Writes the audit row and the stored response (either may be absent) in one statement. */
export async function recordOutcome(
  prisma: Db,
  audit: AuditRow | undefined,
  stored: StoredUnderKey | undefined,
): Promise<void> {
  if (audit && stored)
    // A data-modifying WITH runs exactly once, in the same statement (and so transaction) as the update.
    await prisma.$executeRaw`WITH audited AS (${auditInsert(audit)}) ${responseUpdate(stored)}`;
  else if (audit) await prisma.$executeRaw`${auditInsert(audit)}`;
  else if (stored) await prisma.$executeRaw`${responseUpdate(stored)}`;
}
