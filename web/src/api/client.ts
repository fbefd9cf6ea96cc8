// The one way the web app talks to the API: JSON in and out, session cookie, CSRF header, problem+json errors.
import i18next, { type TFunction } from 'i18next';
import { KNOWN_ERROR_CODES, type KnownErrorCode, type ProblemDetails, type ProblemFieldError } from './types';

/** Header the server's CSRF guard requires on every mutating request. */
export const CSRF_HEADER = { name: 'X-Requested-With', value: 'shegong-flow' } as const;

/** An API failure in the server's problem+json shape (or synthesised in it for network/parse failures). */
export class ApiProblem extends Error implements ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly detailZh?: string;
  readonly code: string;
  readonly errors?: ProblemFieldError[];
  readonly requestId?: string;

  constructor(problem: ProblemDetails) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiProblem';
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.code = problem.code;
    if (problem.detail !== undefined) this.detail = problem.detail;
    if (problem.detailZh !== undefined) this.detailZh = problem.detailZh;
    if (problem.errors !== undefined) this.errors = problem.errors;
    if (problem.requestId !== undefined) this.requestId = problem.requestId;
  }
}

export function isApiProblem(error: unknown, code?: string): error is ApiProblem {
  return error instanceof ApiProblem && (code === undefined || error.code === code);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** Optimistic concurrency: the revision the page loaded; the server answers 412 when it moved on. */
  ifMatch?: number | string;
  /** Makes a create or command safe to repeat: the server replays the first response for the same key. */
  idempotencyKey?: string;
  /** Lets the request outlive the page (a save sent while the tab closes). */
  keepalive?: boolean;
}

/** The ETag form of a revision, as the server sends it. */
export const etagOf = (revision: number | string): string => `"${revision}"`;

export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    headers[CSRF_HEADER.name] = CSRF_HEADER.value;
  }
  if (options.ifMatch !== undefined) headers['If-Match'] = etagOf(options.ifMatch);
  if (options.idempotencyKey !== undefined) headers['Idempotency-Key'] = options.idempotencyKey;
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (options.body !== undefined) init.body = JSON.stringify(options.body);
  if (options.signal) init.signal = options.signal;
  if (options.keepalive) init.keepalive = true;

  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error: unknown) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiProblem({
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      code: 'NETWORK_ERROR',
      detail: error instanceof Error ? error.message : String(error),
    });
  }

  if (response.ok) {
    if (response.status === 204) return undefined as T;
    return (await readJson(response)) as T;
  }
  throw await toProblem(response);
}

export const apiGet = <T>(path: string, signal?: AbortSignal): Promise<T> =>
  apiRequest<T>('GET', path, signal ? { signal } : {});

export const apiPost = <T>(
  path: string,
  body?: unknown,
  options: Omit<RequestOptions, 'body'> = {},
): Promise<T> => apiRequest<T>('POST', path, body === undefined ? options : { ...options, body });

/** A POST that creates something: a fresh idempotency key, so a resent request cannot create it twice. */
export const apiCreate = <T>(path: string, body: unknown): Promise<T> =>
  apiPost<T>(path, body, { idempotencyKey: crypto.randomUUID() });

export const apiPatch = <T>(path: string, body: unknown, revision: number | string): Promise<T> =>
  apiRequest<T>('PATCH', path, { body, ifMatch: revision });

export const apiDelete = (path: string): Promise<void> => apiRequest<void>('DELETE', path);

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    throw new ApiProblem({
      type: 'about:blank',
      title: 'Unexpected response',
      status: response.status,
      code: 'UNEXPECTED_RESPONSE',
      detail: `${response.status} ${response.statusText}: not JSON`,
    });
  }
}

async function toProblem(response: Response): Promise<ApiProblem> {
  const fallback: ProblemDetails = {
    type: 'about:blank',
    title: response.statusText || 'Error',
    status: response.status,
    code: response.status === 401 ? 'UNAUTHENTICATED' : 'UNEXPECTED_RESPONSE',
  };
  const contentType = response.headers.get('Content-Type') ?? '';
  if (!contentType.includes('json')) return new ApiProblem(fallback);
  try {
    return new ApiProblem(parseProblem(await response.json(), fallback));
  } catch {
    return new ApiProblem(fallback);
  }
}

/** Reads a problem body defensively: the client must never trust an error body's shape. */
function parseProblem(body: unknown, fallback: ProblemDetails): ProblemDetails {
  if (typeof body !== 'object' || body === null) return fallback;
  const record = body as Record<string, unknown>;
  const text = (key: string): string | undefined => {
    const value = record[key];
    return typeof value === 'string' ? value : undefined;
  };
  const problem: ProblemDetails = {
    type: text('type') ?? fallback.type,
    title: text('title') ?? fallback.title,
    status: typeof record.status === 'number' ? record.status : fallback.status,
    code: text('code') ?? fallback.code,
  };
  const detail = text('detail');
  if (detail !== undefined) problem.detail = detail;
  const detailZh = text('detailZh');
  if (detailZh !== undefined) problem.detailZh = detailZh;
  const requestId = text('requestId');
  if (requestId !== undefined) problem.requestId = requestId;
  if (Array.isArray(record.errors)) {
    problem.errors = record.errors.filter(isFieldError);
  }
  return problem;
}

function isFieldError(value: unknown): value is ProblemFieldError {
  if (typeof value !== 'object' || value === null) return false;
  const { field, reason, reasonZh } = value as Record<string, unknown>;
  return (
    typeof field === 'string' &&
    typeof reason === 'string' &&
    ['string', 'undefined'].includes(typeof reasonZh)
  );
}

function isKnownErrorCode(code: string): code is KnownErrorCode {
  return (KNOWN_ERROR_CODES as readonly string[]).includes(code);
}

// The app's one i18next instance (set up in ../i18n) knows the person's language.
const isChinese = (language = i18next.language): boolean => !language || language.startsWith('zh');

/**
 * Codes whose server message names the particulars a person needs to act (which step, which
 * candidates lack scores, who already voted), so it is shown rather than the code's general text.
 */
const PARTICULAR_CODES: ReadonlySet<string> = new Set([
  'PROCESS_STATE_CONFLICT',
  'TALENT_ROUND_STATE',
  'TALENT_REVIEW_INCOMPLETE',
  'TALENT_OBJECTIONS_PENDING',
  'TALENT_NOTICE_RUNNING',
]);

/** The message to show a person for any error: localised by code, else the server's words, else generic. */
export function describeProblem(error: unknown, t: TFunction): string {
  if (error instanceof ApiProblem) {
    const detail = isChinese() ? (error.detailZh ?? error.detail) : error.detail;
    if (isKnownErrorCode(error.code) && !(PARTICULAR_CODES.has(error.code) && detail))
      return t(`errors.${error.code}`);
    return detail ?? (error.title || t('errors.generic'));
  }
  return t('errors.generic');
}

/** A field error's reason in the person's language (the server sends English and, where it has one, Chinese). */
export function fieldReason(error: ProblemFieldError): string {
  return isChinese() ? (error.reasonZh ?? error.reason) : error.reason;
}
