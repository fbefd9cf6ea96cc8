// Mounts declared routes on a router: access check, zod parsing of every request part, If-Match,
// Idempotency-Key, the handler, the response shaped by its schema, ETag, and the audit row of
// every state-changing request, written in the handler's transaction.
import type { Request, Response, Router } from 'express';
import { AppError } from './app-error';
import { callerOf, type Caller } from '../auth/caller';
import { auditContextOf, auditRowOf, writeAudit } from '../audit/write-audit';
import type { Db } from '../db/prisma-client';
import { checkAccess } from '../policy/access';
import {
  claimIdempotencyKey,
  notReplayableResponse,
  readIdempotencyKey,
  releaseIdempotencyKey,
  requestFingerprint,
  storeIdempotentResponse,
  type StoredResponse,
} from './idempotency';
import { recordOutcome, type StoredUnderKey } from './command-outcome';
import { attachmentDisposition } from './content-disposition';
import { etagOf, readIfMatch } from './if-match';
import { readUpload } from './multipart';
import { shapeResponse } from './response-contract';
import type { AnyRoute, RouteResult } from './route';
import { parsePart } from './validate';

export interface MountDeps {
  prisma: Db;
  strictResponses: boolean;
  /** Told when a command that may change who may do what has committed, before it answers. */
  onAccessChanged?: () => void;
}

/** Tags of the routes whose commands change sessions, users and their roles, or units. */
const ACCESS_TAGS: ReadonlySet<string> = new Set(['auth', 'users', 'units']);

function callerKey(caller: Caller): string {
  return caller.tokenId ? `token:${caller.tokenId}` : `user:${caller.userId}`;
}

function send(res: Response, status: number, body: unknown, headers: Record<string, string>): void {
  res.set(headers);
  if (body === undefined || status === 204) res.status(status).end();
  else res.status(status).json(body);
}

async function run(route: AnyRoute, deps: MountDeps, req: Request, res: Response): Promise<void> {
  const caller = callerOf(res);
  checkAccess(route.access, caller);
  // Only upload routes read multipart bodies, and only after the caller was let in.
  if (!route.upload && req.is('multipart/form-data'))
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Request bodies must be application/json.');
  const file = route.upload ? await readUpload(req, res, route.upload) : undefined;
  const params = route.params ? parsePart(route.params, req.params, 'params') : {};
  const query = route.query ? parsePart(route.query, req.query, 'query') : {};
  const body = route.body ? parsePart(route.body, req.body ?? {}, 'body') : undefined;
  const expectedRevision = route.ifMatch ? readIfMatch(req) : undefined;

  const key = route.idempotent && caller ? readIdempotencyKey(req) : undefined;
  const scope = key && caller ? callerKey(caller) : undefined;
  if (key && scope) {
    const claim = await claimIdempotencyKey(deps.prisma, scope, key, requestFingerprint(req));
    if (!claim.claimed) {
      send(res, claim.response.status, claim.response.body, {
        ...claim.response.headers,
        'Idempotent-Replayed': 'true',
      });
      return;
    }
  }
  const input = { params, query, body, caller, expectedRevision, file, req, res };
  const held = key && scope ? { callerKey: scope, key } : undefined;
  let answer: Answer;
  try {
    if (route.method === 'get' || route.ownTransactions) {
      answer = answerOf(route, deps, await route.handle({ ...input, db: deps.prisma }));
    } else if (route.changesThroughPort) {
      // The change committed in the runtime; its record is one statement after it.
      const result = await route.handle({ ...input, db: deps.prisma });
      const { shaped, stored } = settle(route, deps, result, held);
      const audit =
        typeof result.audit === 'object' ? auditRowOf(result.audit, auditContextOf(req, res)) : undefined;
      await recordOutcome(deps.prisma, audit, stored);
      answer = shaped;
    } else {
      // The change, its audit row and the stored idempotent response commit together or not at all.
      answer = await deps.prisma.$transaction(
        async (tx) => {
          const result = await route.handle({ ...input, db: tx });
          const { shaped, stored } = settle(route, deps, result, held);
          if (typeof result.audit === 'object') await writeAudit(tx, result.audit, auditContextOf(req, res));
          if (stored) await storeIdempotentResponse(tx, stored.callerKey, stored.key, stored.response);
          return shaped;
        },
        { maxWait: 10_000, timeout: 30_000 },
      );
    }
  } catch (error) {
    if (key && scope) await releaseIdempotencyKey(deps.prisma, scope, key);
    throw error;
  }
  if (route.method !== 'get' && ACCESS_TAGS.has(route.tag)) deps.onAccessChanged?.();
  if (answer.kind === 'streamed') return;
  if (answer.kind === 'file') {
    res.set(answer.headers);
    const { filename, asciiFilename } = answer.file;
    if (filename && asciiFilename)
      res.set('Content-Disposition', attachmentDisposition(filename, asciiFilename));
    else if (filename) res.attachment(filename);
    res.status(answer.status).type(answer.file.contentType).send(answer.file.content);
    return;
  }
  send(res, answer.status, answer.body, answer.headers);
}

type Answer =
  | ({ kind: 'json' } & StoredResponse)
  | { kind: 'file'; status: number; file: NonNullable<RouteResult['file']>; headers: Record<string, string> }
  | { kind: 'streamed' };

/** A state-changing request's answer, and what its Idempotency-Key (if it holds one) stores. */
function settle(
  route: AnyRoute,
  deps: MountDeps,
  result: RouteResult,
  held: { callerKey: string; key: string } | undefined,
): { shaped: Answer; stored: StoredUnderKey | undefined } {
  if (!result.audit) throw new Error(`${route.method} ${route.path} returned no audit entry`);
  const shaped = answerOf(route, deps, result);
  const response = result.shownOnce
    ? notReplayableResponse(result.shownOnce)
    : shaped.kind === 'json'
      ? shaped
      : undefined;
  return { shaped, stored: held && response && { ...held, response } };
}

/** The response of a handler's result: a file as is, JSON shaped by its schema, with the ETag. */
function answerOf(route: AnyRoute, deps: MountDeps, result: RouteResult): Answer {
  if (result.streamed) return { kind: 'streamed' };
  if (result.file)
    return { kind: 'file', status: result.status, file: result.file, headers: { ...result.headers } };
  const headers: Record<string, string> = { ...result.headers };
  if (result.revision !== undefined) headers.ETag = etagOf(result.revision);
  const shaped = shapeResponse(route, result.status, result.body, deps.strictResponses);
  return { kind: 'json', status: result.status, body: shaped, headers };
}

export function mountRoutes(router: Router, routes: readonly AnyRoute[], deps: MountDeps): void {
  for (const route of routes) {
    router[route.method](route.path, (req: Request, res: Response) => run(route, deps, req, res));
  }
}
