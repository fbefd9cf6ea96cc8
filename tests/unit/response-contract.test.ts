import { z } from 'zod';
import { AppError } from '../../api/http/app-error';
import { contractViolations, shapeResponse } from '../../api/http/response-contract';
import { defineRoute } from '../../api/http/route';
import { expectSignedIn } from '../../api/policy/route-expectations';

const route = defineRoute({
  method: 'get',
  path: '/things/:id',
  tag: 'test',
  summary: 'a thing',
  access: { kind: 'signedIn' },
  expect: expectSignedIn,
  responses: { 200: { description: 'the thing', schema: z.object({ id: z.string(), name: z.string() }) } },
  handle: () => ({ status: 200, body: { id: 1 } }),
});

describe('response contract', () => {
  beforeEach(() => contractViolations.splice(0));

  it('fails a handler answering off its schema in strict mode, and records what was wrong', () => {
    expect(() => shapeResponse(route, 200, { id: 1 }, true)).toThrow(AppError);
    expect(contractViolations).toEqual([
      {
        route: 'GET /things/:id',
        status: 200,
        issues: expect.arrayContaining([
          expect.objectContaining({ field: 'id' }),
          expect.objectContaining({ field: 'name' }),
        ]),
      },
    ]);
  });

  it('fails an undeclared status', () => {
    expect(() => shapeResponse(route, 201, { id: 'a', name: 'b' }, true)).toThrow(/does not match/);
    expect(contractViolations[0]!.issues[0]!.field).toBe('(status)');
  });

  it('drops keys the schema does not declare, so nothing leaks by accident', () => {
    expect(shapeResponse(route, 200, { id: 'a', name: 'b', passwordHash: 'x' }, true)).toEqual({
      id: 'a',
      name: 'b',
    });
    expect(contractViolations).toEqual([]);
  });

  it('outside strict mode records the mismatch and still answers', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(shapeResponse(route, 200, { id: 1 }, false)).toEqual({ id: 1 });
    expect(contractViolations).toHaveLength(1);
    warn.mockRestore();
  });
});
