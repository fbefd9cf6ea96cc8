// Optimistic concurrency over HTTP: revisions travel as strong ETags ("7"); an update names the
// revision it was based on in If-Match.
import type { Request } from 'express';
import { AppError } from './app-error';

export const etagOf = (revision: number): string => `"${revision}"`;

/** The revision the update expects, or undefined for `If-Match: *`; 428 when the header is missing. */
export function readIfMatch(req: Request): number | undefined {
  const header = req.get('if-match');
  if (header === undefined || header.trim() === '') {
    throw new AppError('PRECONDITION_REQUIRED', 'Send If-Match with the ETag you read.', [
      { field: 'If-Match', reason: 'required', reasonZh: '必填' },
    ]);
  }
  if (header.trim() === '*') return undefined;
  if (!/^(?:W\/)?"[\x21\x23-\x7e]*"$/.test(header.trim())) {
    throw new AppError('VALIDATION_FAILED', 'If-Match must be an ETag such as "3", or *.', [
      { field: 'If-Match', reason: 'an ETag such as "3", or *', reasonZh: '须为 ETag（如 "3"）或 *' },
    ]);
  }
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim());
  // A well-formed tag we never issued cannot match the current revision.
  if (!match?.[1]) throw stale();
  return Number(match[1]);
}

export function stale(): AppError {
  return new AppError('PRECONDITION_FAILED', 'The resource changed since you read it; reload and retry.', [
    { field: 'If-Match', reason: 'does not match the current ETag', reasonZh: '与当前版本不一致' },
  ]);
}

/** Throws 412 unless the expected revision (if any) is the current one. */
export function assertRevision(expected: number | undefined, current: number): void {
  if (expected !== undefined && expected !== current) throw stale();
}
