// Sign-in attempts per client address, on top of the per-account lockout: the lockout stops
// guessing one account, this stops one address from trying many accounts.
import { rateLimit } from 'express-rate-limit';
import { AppError } from '../http/app-error';

export const LOGIN_ATTEMPTS_PER_MINUTE = 20;

export function loginRateLimit(limit = LOGIN_ATTEMPTS_PER_MINUTE) {
  return rateLimit({
    windowMs: 60_000,
    limit,
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
