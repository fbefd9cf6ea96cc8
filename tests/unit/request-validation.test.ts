import { z } from 'zod';
import { AppError } from '../../api/http/app-error';
import { parsePart } from '../../api/http/validate';

function fieldErrorsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, fields: error.errors.map((f) => f.field) };
    throw error;
  }
  throw new Error('expected a validation failure');
}

describe('request parsing', () => {
  const ZQuery = z.object({ q: z.string().optional(), limit: z.coerce.number().optional() });
  const ZBody = z.object({ name: z.string(), assignments: z.array(z.object({ role: z.string() })) });

  it('refuses U+0000 in a query string, which PostgreSQL cannot store or compare, naming the field', () => {
    expect(fieldErrorsOf(() => parsePart(ZQuery, { q: 'a\u0000b' }, 'query'))).toEqual({
      code: 'VALIDATION_FAILED',
      fields: ['query.q'],
    });
  });

  it('refuses U+0000 nested in a body, naming each path', () => {
    const body = { name: '\u0000', assignments: [{ role: 'officer' }, { role: 'x\u0000' }] };
    expect(fieldErrorsOf(() => parsePart(ZBody, body, 'body'))).toEqual({
      code: 'VALIDATION_FAILED',
      fields: ['name', 'assignments.1.role'],
    });
  });

  it('ignores U+0000 in keys the schema drops and accepts ordinary text', () => {
    expect(parsePart(ZQuery, { q: '社工 ü', other: '\u0000' }, 'query')).toEqual({ q: '社工 ü' });
  });
});
