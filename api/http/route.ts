// The one way an API route is declared: method, path, access rule, zod schemas for every request
// part and every response, the authorization matrix's expectations, and a thin handler. The same
// declaration mounts the Express handler, feeds the OpenAPI document and drives the matrix test.
import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import type { RouteExpectations } from '../policy/route-expectations';
import type { AuditEntry } from './audit-entry';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ResponseDecl {
  description: string;
  schema?: z.ZodType;
  /** application/json unless stated (e.g. the xlsx export); a download of several kinds lists each. */
  contentType?: string | readonly string[];
}

/** A multipart/form-data request: one file part with a size limit; the route's `body` describes the text parts. */
export interface UploadDecl {
  /** The name of the file part. */
  field: string;
  maxBytes: number;
  description: string;
}

/** The file part of an upload, held in memory (bounded by the route's `maxBytes`). */
export interface UploadedFile {
  /** The name the client gave it, UTF-8; only ever shown, never used as a path. */
  originalName: string;
  bytes: Buffer;
}

export type Access =
  | { kind: 'public' }
  /** Any signed-in caller; `personOnly` refuses API tokens, `duringPasswordChange` stays open while a one-time password must be replaced. */
  | { kind: 'signedIn'; personOnly?: boolean; duringPasswordChange?: boolean }
  /** Callers holding the admin role somewhere; the handler narrows to their subtree (404 outside). */
  | { kind: 'admin' };

export interface RouteInput<P, Q, B, A extends Access> {
  params: P;
  query: Q;
  body: B;
  caller: A extends { kind: 'public' } ? Caller | undefined : Caller;
  /** The revision named by If-Match (routes with `ifMatch`), or undefined for `If-Match: *`. */
  expectedRevision: number | undefined;
  /** Upload routes: the file part, if the request was multipart and carried one. */
  file: UploadedFile | undefined;
  /** For a state-changing route, the transaction its audit row joins: its writes go through it (the plain client for GETs and `ownTransactions` routes). */
  db: DbClient;
  req: Request;
  res: Response;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  /** The resource's revision, sent as ETag. */
  revision?: number;
  headers?: Record<string, string>;
  /** A non-JSON answer (docs page, xlsx export; `filename` makes it a download); `body` is then ignored, `headers` are sent. */
  file?: {
    content: Buffer | string;
    contentType: string;
    filename?: string;
    /** An ASCII name beside a non-ASCII `filename`, sent as RFC 6266's plain `filename`. */
    asciiFilename?: string;
  };
  /**
   * What the audit log records for a state-changing request (required for non-GET routes),
   * 'written' when the handler wrote its rows itself, or 'unchanged' when the request changed nothing.
   */
  audit?: AuditEntry | 'written' | 'unchanged';
  /**
   * The body holds a secret shown only once (a token, a one-time password): it is not stored for
   * Idempotency-Key replays, which answer 409 naming this created or changed resource instead.
   */
  shownOnce?: { resourceType: string; resourceId: string };
  /** The handler wrote the response itself and keeps it open (a Server-Sent Events stream): GET only. */
  streamed?: true;
}

export interface RouteDef<
  P extends z.ZodObject = z.ZodObject,
  Q extends z.ZodObject = z.ZodObject,
  B extends z.ZodType = z.ZodType,
  A extends Access = Access,
> {
  method: HttpMethod;
  /** Express path below /api, e.g. '/units/:id'. */
  path: string;
  summary: string;
  tag: string;
  access: A;
  params?: P;
  query?: Q;
  body?: B;
  /** A multipart/form-data upload; `body` then parses its text parts. */
  upload?: UploadDecl;
  /** Revisioned update: If-Match is required (428 when missing, 412 when stale). */
  ifMatch?: boolean;
  /** Accepts Idempotency-Key: the first response is replayed for the same key and body. */
  idempotent?: boolean;
  responses: Record<number, ResponseDecl>;
  /**
   * The handler commits its own writes and audit rows instead of running in the route's
   * transaction: sign-in, whose failed attempt must be counted and audited although the request
   * fails (a rollback would undo that). Its `db` is then the plain client.
   */
  ownTransactions?: boolean;
  /**
   * The handler's change is an Orchestrator command (committed in the runtime's own transaction) and
   * its `db` use is reads: no interactive transaction around it; the audit row and the stored
   * idempotent response are then written together by one statement (http/command-outcome.ts).
   */
  changesThroughPort?: boolean;
  /** Expected outcomes per role and unit position, checked by the authorization matrix test. */
  expect: RouteExpectations;
  handle(input: RouteInput<z.output<P>, z.output<Q>, z.output<B>, A>): Promise<RouteResult> | RouteResult;
}

/** Route tables hold routes of different schema types side by side (`handle` is a method, so bivariant). */
export type AnyRoute = RouteDef<z.ZodObject, z.ZodObject, z.ZodType, Access>;

/** Declares a route; `const A` keeps the access literal so handlers see whether a caller exists. */
export function defineRoute<
  P extends z.ZodObject = z.ZodObject<Record<string, never>>,
  Q extends z.ZodObject = z.ZodObject<Record<string, never>>,
  B extends z.ZodType = z.ZodUndefined,
  const A extends Access = Access,
>(route: RouteDef<P, Q, B, A>): RouteDef<P, Q, B, A> {
  return route;
}

export function routeKey(route: Pick<AnyRoute, 'method' | 'path'>): string {
  return `${route.method.toUpperCase()} ${route.path}`;
}

export type { Router };
