// The route-level half of the policy: may this caller use this route at all? Which rows it may
// see is decided by the scope conditions in unit-scope.ts.
import type { Caller } from '../auth/caller';
import { AppError } from '../http/app-error';
import type { Access } from '../http/route';

export function hasRole(caller: Caller, role: Caller['assignments'][number]['role']): boolean {
  return caller.assignments.some((a) => a.role === role);
}

export function checkAccess(access: Access, caller: Caller | undefined): void {
  if (access.kind === 'public') return;
  if (!caller) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
  const duringPasswordChange = access.kind === 'signedIn' && access.duringPasswordChange === true;
  if (caller.mustChangePassword && !duringPasswordChange) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED', 'Change your one-time password first.');
  }
  if (access.kind === 'signedIn' && access.personOnly && caller.kind !== 'session') {
    throw new AppError('FORBIDDEN', 'This route is for people signed in with a password, not API tokens.');
  }
  if (access.kind === 'admin' && !hasRole(caller, 'admin')) {
    throw new AppError('FORBIDDEN', 'Administrators only.');
  }
}
