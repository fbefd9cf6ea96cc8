// Parses request parts with zod once, at the edge; handlers receive typed values.
import type { Request } from 'express';
import type { z } from 'zod';
import { AppError, type FieldError } from './app-error';

export function zodIssuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => ({ field: issue.path.join('.') || '(body)', reason: issue.message }));
}

export function parseBody<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  const result = schema.safeParse(req.body ?? {});
  if (!result.success) {
    throw new AppError(
      'VALIDATION_FAILED',
      'The request body is invalid.',
      zodIssuesToFieldErrors(result.error.issues),
    );
  }
  return result.data;
}
