// Parses request parts with zod once, at the edge; handlers receive typed values.
import type { Request } from 'express';
import type { z } from 'zod';
import { AppError, type FieldError } from './app-error';
import { zhReasonOf } from '../../workflows/engine/zh-reasons';

const fieldName = (prefix: string | undefined, path: string): string =>
  [prefix, path].filter(Boolean).join('.') || '(body)';

export function zodIssuesToFieldErrors(issues: readonly z.core.$ZodIssue[], prefix?: string): FieldError[] {
  return issues.map((issue) => ({
    field: fieldName(prefix, issue.path.map(String).join('.')),
    reason: issue.message,
    reasonZh: zhReasonOf(issue),
  }));
}

/**
 * Paths of the strings holding U+0000, which PostgreSQL refuses in text and jsonb (a 500
 * otherwise). Walks the parsed value, so only what the schema kept; deeper than any contract
 * nests, it stops.
 */
function nulPaths(value: unknown, path: string[] = []): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path.join('.')] : [];
  if (value === null || typeof value !== 'object' || path.length >= 32) return [];
  return Object.entries(value).flatMap(([key, item]) => nulPaths(item, [...path, key]));
}

/** Parses one request part; a failure names each field, prefixed with the part (`query.limit`). */
export function parsePart<S extends z.ZodType>(schema: S, value: unknown, part: string): z.output<S> {
  const prefix = part === 'body' ? undefined : part;
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The request ${part} is invalid.`,
      zodIssuesToFieldErrors(result.error.issues, prefix),
    );
  }
  const withNul = nulPaths(result.data);
  if (withNul.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The request ${part} is invalid.`,
      withNul.map((path) => ({
        field: fieldName(prefix, path),
        reason: 'must not contain the NUL character (U+0000)',
        reasonZh: '不能包含空字符（U+0000）',
      })),
    );
  }
  return result.data;
}

export function parseBody<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  return parsePart(schema, req.body ?? {}, 'body');
}
