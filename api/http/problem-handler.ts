// Renders every failure as application/problem+json with the request id. Client mistakes keep
// their 4xx status; anything unexpected is logged and answered with a 500 that leaks no internals.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { callerOf } from '../auth/caller';
import { AppError, toProblem } from './app-error';
import { requestIdOf } from './request-id';
import { zodIssuesToFieldErrors } from './validate';

function classify(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return new AppError('VALIDATION_FAILED', 'The request is invalid.', zodIssuesToFieldErrors(error.issues));
  }
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed') {
    return new AppError('MALFORMED_JSON', 'The body is not valid JSON.', [
      { field: '(body)', reason: 'not valid JSON', reasonZh: '不是有效的 JSON' },
    ]);
  }
  if (type === 'entity.too.large') {
    return new AppError('PAYLOAD_TOO_LARGE', 'The body is too large.', [
      { field: '(body)', reason: 'too large', reasonZh: '内容过大' },
    ]);
  }
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
    return new AppError('UNSUPPORTED_MEDIA_TYPE', 'The body encoding is not supported.');
  }
  // Other body-parser and static-file failures carry a 4xx status of their own (e.g. a bad URI).
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError(
      status === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED',
      'The request cannot be processed.',
    );
  }
  return undefined;
}

export const problemHandler: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  const known = classify(error);
  const appError = known ?? new AppError('INTERNAL', 'An unexpected error occurred.');
  const requestId = requestIdOf(req);
  if (!known) {
    const log = (req as { log?: { error(obj: unknown, msg: string): void } }).log;
    if (log) log.error({ err: error }, 'unexpected error');
    else console.error(`[error] ${req.method} ${req.originalUrl}`, error);
  }
  if (res.headersSent) return;
  res
    .status(appError.status)
    .type('application/problem+json')
    .json(toProblem(appError, req.originalUrl, requestId || undefined));
};

/** Unknown routes: 401 to strangers (the route list is nobody's business), 404 to callers. */
export const apiNotFound: RequestHandler = (req, res) => {
  if (!callerOf(res)) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
  throw new AppError('NOT_FOUND', `No API route ${req.method} ${req.path}.`);
};
