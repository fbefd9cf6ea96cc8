// The Chinese reason of each refused field says as much as the English one: required, the length
// limit with its number, the allowed pattern in words.
import { z } from 'zod';
import { ZCreateUnitRequest } from '../../api/admin/units.types';
import { ZCreateUserRequest } from '../../api/admin/users.types';
import { AppError, type FieldError } from '../../api/http/app-error';
import { parsePart } from '../../api/http/validate';

function fieldErrorsOf(schema: z.ZodType, value: unknown, part = 'body'): FieldError[] {
  try {
    parsePart(schema, value, part);
  } catch (error) {
    if (error instanceof AppError) return error.errors;
    throw error;
  }
  throw new Error('expected a validation failure');
}

const unit = { code: 'A-1', name: '室', kind: 'room', parentId: null };

describe('Chinese validation reasons', () => {
  it.each([
    ['an empty required code', { ...unit, code: '  ' }, 'code', 'required', '必填'],
    [
      'a name over 100 characters',
      { ...unit, name: '长'.repeat(101) },
      'name',
      'at most 100 characters',
      '最多 100 个字符',
    ],
    [
      'a code with other characters',
      { ...unit, code: 'A_1' },
      'code',
      'letters, digits and hyphens, starting with a letter or digit',
      '只能包含字母、数字和连字符（-），且以字母或数字开头',
    ],
    ['a missing name', { code: 'A', kind: 'room', parentId: null }, 'name', expect.any(String), '必填'],
    [
      'an unknown kind',
      { ...unit, kind: 'office' },
      'kind',
      expect.any(String),
      expect.stringContaining('room'),
    ],
    ['a malformed parent id', { ...unit, parentId: 'x' }, 'parentId', expect.any(String), '须为 UUID'],
  ])('names %s with the detail in both languages', (_case, body, field, reason, reasonZh) => {
    expect(fieldErrorsOf(ZCreateUnitRequest, body)).toEqual([{ field, reason, reasonZh }]);
  });

  it('describes the username’s length and pattern in Chinese', () => {
    const errors = fieldErrorsOf(ZCreateUserRequest, { username: 'A', displayName: 'x' });
    expect(errors.map((e) => e.reasonZh)).toEqual([
      '至少 2 个字符',
      '只能包含小写字母、数字、点（.）、下划线（_）和连字符（-），且以小写字母或数字开头',
    ]);
  });

  it('gives limits of numbers and arrays with their bounds', () => {
    const schema = z.object({ limit: z.number().int().min(1).max(200), tags: z.array(z.string()).max(2) });
    expect(
      fieldErrorsOf(schema, { limit: 500, tags: ['a', 'b', 'c'] }, 'query').map((e) => e.reasonZh),
    ).toEqual(['不能大于 200', '最多 2 项']);
  });
});
