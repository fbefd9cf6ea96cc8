import { AppError, errorStatus, toProblem } from '../../api/http/app-error';

describe('problem+json rendering', () => {
  it.each(Object.entries(errorStatus))('maps %s to HTTP %i', (code, status) => {
    const problem = toProblem(new AppError(code as keyof typeof errorStatus, 'detail'));
    expect(problem.status).toBe(status);
    expect(problem.code).toBe(code);
    expect(problem.type).toMatch(/^urn:shegong-flow:problem:[a-z-]+$/);
    expect(problem.title.length).toBeGreaterThan(0);
  });

  it('lists field errors and extra members only when present', () => {
    const withFields = toProblem(
      new AppError('VALIDATION_FAILED', 'bad', [{ field: 'username', reason: 'required' }]),
    );
    expect(withFields.errors).toEqual([{ field: 'username', reason: 'required' }]);
    const plain = toProblem(new AppError('NOT_FOUND', 'gone'), '/api/x');
    expect(plain).not.toHaveProperty('errors');
    expect(plain.instance).toBe('/api/x');
  });
});
