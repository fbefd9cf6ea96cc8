// Cursor pagination for every list: `limit` 1..200, an opaque cursor that encodes the sort key
// of the last row returned, and a stable order (sort key, then id) so pages never skip or repeat.
import { z } from 'zod';
import { AppError } from './app-error';

export const MAX_PAGE_SIZE = 200;

export const ZPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  cursor: z.string().min(1).max(400).optional(),
});

/**
 * A timestamp sort key inside a cursor: ISO or PostgreSQL's text form ('2026-11-23 20:00:00.123+00'),
 * or 'infinity' (undated rows last). Checked here so a forged key is a 400, not a failed cast.
 */
export const ZTimestampCursorKey = z
  .string()
  .max(60)
  .regex(/^(infinity|\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}(:?\d{2})?)?)$/);

export function pageOf<S extends z.ZodType>(item: S) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Decodes a cursor into its sort key; anything we did not issue is a 400 naming `cursor`. */
export function decodeCursor<S extends z.ZodType>(cursor: string, shape: S): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const parsed = shape.safeParse(value);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', 'The cursor is not one this server issued.', [
      { field: 'query.cursor', reason: 'invalid cursor', reasonZh: '分页游标无效' },
    ]);
  }
  return parsed.data;
}

/** Splits `limit + 1` fetched rows into a page and the cursor of the next one. */
export function toPage<Row, Item>(
  rows: readonly Row[],
  limit: number,
  cursorKey: (row: Row) => readonly (string | number)[],
  toItem: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toItem),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(cursorKey(last)) : null,
  };
}
