// Renders every failure as application/problem+json. Client mistakes keep their 4xx status;
// anything unexpected is logged and answered with a 500 that leaks no internals.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { AppError, toProblem } from './app-error';
import { zodIssuesToFieldErrors } from './validate';

function classify(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return new AppError('VALIDATION_FAILED', 'The request is invalid.', zodIssuesToFieldErrors(error.issues));
  }
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed') return new AppError('MALFORMED_JSON', 'The body is not valid JSON.');
  if (type === 'entity.too.large') return new AppError('PAYLOAD_TOO_LARGE', 'The body is too large.');
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
    return new AppError('UNSUPPORTED_MEDIA_TYPE', 'The body encoding is not supported.');
  }
  return undefined;
}

export const problemHandler: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  const known = classify(error);
  const appError = known ?? new AppError('INTERNAL', 'An unexpected error occurred.');
  if (!known) console.error(`[error] ${req.method} ${req.originalUrl}`, error);
  res.status(appError.status).type('application/problem+json').json(toProblem(appError, req.originalUrl));
};

export const apiNotFound: RequestHandler = (req) => {
  throw new AppError('NOT_FOUND', `No API route ${req.method} ${req.path}.`);
};
