// Idempotency-Key for creating and command POSTs, scoped to the caller. The primary key
// (caller, key) makes concurrent duplicates collide in the database, so exactly one of them runs;
// the others see the stored response (replayed with its status) or a 409 while it is still running.
// An answer holding a secret shown once is never stored: its replay is a 409 naming the resource.
import { createHash } from 'node:crypto';
import type { Request } from 'express';
import type { Db, DbClient } from '../db/prisma-client';
import { z } from 'zod';
import { AppError, errorStatus } from './app-error';

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

/** JSON with object keys sorted, so the same body fingerprints the same whatever its key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function requestFingerprint(req: Request): string {
  const hash = createHash('sha256').update(
    `${req.method} ${req.originalUrl}\n${canonicalJson(req.body ?? null)}`,
  );
  // An upload's file counts too: the same key with another file is a different request.
  if (req.file) hash.update('\n').update(req.file.buffer);
  return hash.digest('hex');
}

/** When this process next removes expired records. */
let nextSweepAt = 0;
const SWEEP_INTERVAL_MS = 60_000;

/**
 * Removes expired records, at most once a minute per process: housekeeping only (a claim takes an
 * expired row over by itself), so it need not cost every command a statement.
 */
async function sweepExpiredKeys(prisma: Db): Promise<void> {
  if (Date.now() < nextSweepAt) return;
  nextSweepAt = Date.now() + SWEEP_INTERVAL_MS;
  await prisma.$executeRaw`
    DELETE FROM idempotency_record WHERE created_at < now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`;
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
    await sweepExpiredKeys(prisma);
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
  const marker = ZNotReplayable.safeParse(row.body);
  if (row.status === errorStatus.IDEMPOTENT_SECRET_NOT_REPLAYABLE && marker.success) {
    throw notReplayable(marker.data.notReplayable);
  }
  return {
    claimed: false,
    response: { status: row.status, body: row.body, headers: (row.headers ?? {}) as Record<string, string> },
  };
}

/** What a replay of a request whose answer held a secret shown once receives instead (409). */
const ZNotReplayable = z.object({
  notReplayable: z.object({ resourceType: z.string(), resourceId: z.string() }),
});

function notReplayable(resource: { resourceType: string; resourceId: string }): AppError {
  return new AppError(
    'IDEMPOTENT_SECRET_NOT_REPLAYABLE',
    `This request already ran and created or changed ${resource.resourceType} ${resource.resourceId}; its secret was shown once and cannot be shown again.`,
    [
      {
        field: 'Idempotency-Key',
        reason: 'already used; the secret was shown once',
        reasonZh: '已使用；密钥或一次性密码只显示一次',
      },
    ],
    {
      ...resource,
      detailZh: `此请求已执行（对象 ${resource.resourceId}），其中的密钥或一次性密码只显示一次，不能再次显示；如已遗失，请重置或新建。`,
    },
  );
}

/** What is stored for a request whose answer held a secret shown once: that it ran, not the answer. */
export function notReplayableResponse(resource: {
  resourceType: string;
  resourceId: string;
}): StoredResponse {
  return {
    status: errorStatus.IDEMPOTENT_SECRET_NOT_REPLAYABLE,
    body: { notReplayable: resource },
    headers: {},
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
