import { afterFailedLogin, isLocked, LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from '../../api/auth/login-lockout';

const now = new Date('2026-11-22T08:00:00Z');

describe('login lockout', () => {
  it('counts failures below the limit without locking', () => {
    for (let count = 0; count < MAX_FAILED_LOGINS - 1; count++) {
      expect(afterFailedLogin(count, now)).toEqual({ failedLoginCount: count + 1, lockedUntil: null });
    }
  });

  it(`locks for ${LOCKOUT_MINUTES} minutes at the ${MAX_FAILED_LOGINS}th failure and restarts the count`, () => {
    const state = afterFailedLogin(MAX_FAILED_LOGINS - 1, now);
    expect(state.failedLoginCount).toBe(0);
    expect(state.lockedUntil?.getTime()).toBe(now.getTime() + LOCKOUT_MINUTES * 60_000);
  });

  it.each([
    [null, false],
    [new Date(now.getTime() + 1000), true],
    [new Date(now.getTime() - 1000), false],
  ])('treats lockedUntil=%p as locked=%p', (lockedUntil, locked) => {
    expect(isLocked(lockedUntil, now)).toBe(locked);
  });
});
