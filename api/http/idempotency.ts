// Idempotency-Key for creating and command POSTs, scoped to the caller. The primary key
// (caller, key) makes concurrent duplicates collide in the database, so exactly one of them runs;
// the others see the stored response (replayed with its status) or a 409 while it is still running.
import { createHash } from 'node:crypto';
import type { Request } from 'express';
import type { Db, DbClient } from '../db/prisma-client';
import { AppError } from './app-error';

export const IDEMPOTENCY_TTL_HOURS = 24;
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

export interface StoredResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export function readIdempotencyKey(req: Request): string | undefined {
  const key = req.get('idempotency-key');
  if (key === undefined) return undefined;
  if (!KEY_PATTERN.test(key)) {
    throw new AppError('VALIDATION_FAILED', 'Idempotency-Key must be 1 to 200 visible ASCII characters.', [
      {
        field: 'Idempotency-Key',
        reason: '1 to 200 visible ASCII characters',
        reasonZh: '须为 1 到 200 个可见 ASCII 字符',
      },
    ]);
  }
  return key;
}

export function requestFingerprint(req: Request): string {
  return createHash('sha256')
    .update(`${req.method} ${req.originalUrl}\n${JSON.stringify(req.body ?? null)}`)
    .digest('hex');
}

/** Claims the key for this request, or answers with the first response stored under it. */
export async function claimIdempotencyKey(
  prisma: Db,
  callerKey: string,
  key: string,
  fingerprint: string,
): Promise<{ claimed: true } | { claimed: false; response: StoredResponse }> {
  // An expired row is taken over as if it were absent.
  const inserted = await prisma.$executeRaw`
    INSERT INTO idempotency_record (caller_key, key, request_hash)
    VALUES (${callerKey}, ${key}, ${fingerprint})
    ON CONFLICT (caller_key, key) DO UPDATE
      SET request_hash = EXCLUDED.request_hash, status = NULL, body = NULL, headers = NULL, created_at = now()
      WHERE idempotency_record.created_at < now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`;
  if (inserted === 1) {
    await prisma.$executeRaw`
      DELETE FROM idempotency_record WHERE created_at < now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`;
    return { claimed: true };
  }
  const row = await prisma.idempotencyRecord.findUnique({ where: { callerKey_key: { callerKey, key } } });
  if (row && row.requestHash !== fingerprint) {
    throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request.', [
      { field: 'Idempotency-Key', reason: 'already used for another request', reasonZh: '已用于另一个请求' },
    ]);
  }
  if (!row || row.status === null) {
    throw new AppError('IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key is still running.');
  }
  return {
    claimed: false,
    response: { status: row.status, body: row.body, headers: (row.headers ?? {}) as Record<string, string> },
  };
}

export async function storeIdempotentResponse(
  prisma: DbClient,
  callerKey: string,
  key: string,
  response: StoredResponse,
): Promise<void> {
  await prisma.idempotencyRecord.update({
    where: { callerKey_key: { callerKey, key } },
    data: { status: response.status, body: response.body ?? null, headers: response.headers } as never,
  });
}

/** A failed first attempt leaves nothing behind, so the client may retry with the same key. */
export async function releaseIdempotencyKey(prisma: Db, callerKey: string, key: string): Promise<void> {
  await prisma.idempotencyRecord.deleteMany({ where: { callerKey, key, status: null } });
}
