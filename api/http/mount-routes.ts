// Mounts declared routes on a router: access check, zod parsing of every request part, If-Match,
// Idempotency-Key, the handler, the response shaped by its schema, ETag, and the audit row of
// every state-changing request.
import type { Request, Response, Router } from 'express';
import { callerOf, type Caller } from '../auth/caller';
import { auditContextOf, writeAudit } from '../audit/write-audit';
import type { Db } from '../db/prisma-client';
import { checkAccess } from '../policy/access';
import {
  claimIdempotencyKey,
  readIdempotencyKey,
  releaseIdempotencyKey,
  requestFingerprint,
  storeIdempotentResponse,
} from './idempotency';
import { etagOf, readIfMatch } from './if-match';
import { shapeResponse } from './response-contract';
import type { AnyRoute, RouteResult } from './route';
import { parsePart } from './validate';

export interface MountDeps {
  prisma: Db;
  strictResponses: boolean;
}

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
  let result: RouteResult;
  try {
    result = await route.handle({ params, query, body, caller, expectedRevision, req, res });
    if (route.method !== 'get') {
      if (!result.audit) throw new Error(`${route.method} ${route.path} returned no audit entry`);
      if (result.audit !== 'written') await writeAudit(deps.prisma, result.audit, auditContextOf(req, res));
    }
  } catch (error) {
    if (key && scope) await releaseIdempotencyKey(deps.prisma, scope, key);
    throw error;
  }

  if (result.file) {
    if (result.file.filename) res.attachment(result.file.filename);
    res.status(result.status).type(result.file.contentType).send(result.file.content);
    return;
  }
  const shaped = shapeResponse(route, result.status, result.body, deps.strictResponses);
  const headers: Record<string, string> = { ...result.headers };
  if (result.revision !== undefined) headers.ETag = etagOf(result.revision);
  if (key && scope) {
    await storeIdempotentResponse(deps.prisma, scope, key, { status: result.status, body: shaped, headers });
  }
  send(res, result.status, shaped, headers);
}

export function mountRoutes(router: Router, routes: readonly AnyRoute[], deps: MountDeps): void {
  for (const route of routes) {
    router[route.method](route.path, (req: Request, res: Response) => run(route, deps, req, res));
  }
}
