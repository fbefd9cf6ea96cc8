// Parses request parts with zod once, at the edge; handlers receive typed values.
import type { Request } from 'express';
import type { z } from 'zod';
import { AppError, type FieldError } from './app-error';

const zhReasons: Record<string, string> = {
  invalid_type: '类型不正确',
  too_small: '太短或太小',
  too_big: '太长或太大',
  invalid_format: '格式不正确',
  invalid_value: '取值不在允许范围内',
  unrecognized_keys: '包含不允许的字段',
  invalid_union: '格式不正确',
  custom: '不符合要求',
};

export function zodIssuesToFieldErrors(issues: readonly z.core.$ZodIssue[], prefix?: string): FieldError[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const field = [prefix, path].filter(Boolean).join('.') || prefix || '(body)';
    return { field, reason: issue.message, reasonZh: zhReasons[issue.code] ?? '不符合要求' };
  });
}

/** Parses one request part; a failure names each field, prefixed with the part (`query.limit`). */
export function parsePart<S extends z.ZodType>(schema: S, value: unknown, part: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The request ${part} is invalid.`,
      zodIssuesToFieldErrors(result.error.issues, part === 'body' ? undefined : part),
    );
  }
  return result.data;
}

export function parseBody<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  return parsePart(schema, req.body ?? {}, 'body');
}
