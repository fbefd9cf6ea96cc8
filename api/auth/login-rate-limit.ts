// Sign-in attempts per client address, on top of the per-account lockout: the lockout stops
// guessing one account, this stops one address from trying many accounts.
import { rateLimit } from 'express-rate-limit';
import { AppError } from '../http/app-error';

export const LOGIN_ATTEMPTS_PER_MINUTE = 20;

export function loginRateLimit(limit = LOGIN_ATTEMPTS_PER_MINUTE) {
  return rateLimit({
    windowMs: 60_000,
    limit,
    // Failed attempts only: the limit is against guessing passwords. An office's staff behind one
    // public address sign in successfully many times a minute at the start of the day (a journey's
    // people did too, and met 429).
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) =>
      next(
        new AppError('TOO_MANY_REQUESTS', 'Too many sign-in attempts from this address; wait a minute.', [], {
          detailZh: '此地址登录尝试过于频繁，请一分钟后再试',
        }),
      ),
  });
}
