// Lockout policy: after repeated wrong passwords an account is locked for a while, which bounds
// online guessing without letting an attacker lock it forever.
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil > now;
}

/** The account's state after one more wrong password. */
export function afterFailedLogin(
  failedCount: number,
  now: Date,
): { failedLoginCount: number; lockedUntil: Date | null } {
  const next = failedCount + 1;
  if (next < MAX_FAILED_LOGINS) return { failedLoginCount: next, lockedUntil: null };
  return { failedLoginCount: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) };
}
