// Responses are shaped by their declared schema (unknown keys are dropped, so nothing leaks by
// accident). In strict mode (tests, fuzzing) a body that does not match is a defect: it is
// recorded and answered with a 500, so the suites and schemathesis fail on it.
import type { FieldError } from './app-error';
import { AppError } from './app-error';
import type { AnyRoute } from './route';
import { routeKey } from './route';
import { zodIssuesToFieldErrors } from './validate';

export interface ContractViolation {
  route: string;
  status: number;
  issues: FieldError[];
}

/** Every violation seen by this process; the integration suites assert it stays empty. */
export const contractViolations: ContractViolation[] = [];

export function strictResponsesByDefault(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === 'test' || env.SGF_STRICT_RESPONSES === 'true';
}

export function shapeResponse(route: AnyRoute, status: number, body: unknown, strict: boolean): unknown {
  const declared = route.responses[status];
  let issues: FieldError[] = [];
  let shaped = body;
  if (!declared) {
    issues = [{ field: '(status)', reason: `status ${status} is not declared` }];
  } else if (declared.schema) {
    const result = declared.schema.safeParse(body);
    if (result.success) shaped = result.data;
    else issues = zodIssuesToFieldErrors(result.error.issues);
  }
  if (issues.length === 0) return shaped;
  const violation = { route: routeKey(route), status, issues };
  contractViolations.push(violation);
  if (strict) {
    throw new AppError('INTERNAL', `Response of ${violation.route} does not match its declared schema.`);
  }
  console.warn('[contract] response off its schema', JSON.stringify(violation));
  return body;
}
