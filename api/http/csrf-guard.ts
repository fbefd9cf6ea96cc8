// CSRF defence for cookie sessions: a state-changing request must carry a JSON content type and
// our custom header. Browsers cannot send either cross-site without a CORS preflight, which this
// server never grants, so a forged form or image request is refused before it reaches a handler.
// Bearer-token calls skip the header: a browser never attaches an Authorization header on its
// own, so such a request cannot be forged cross-site.
import type { RequestHandler } from 'express';
import { bearerOf } from '../auth/authenticate';
import { AppError } from './app-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'shegong-flow';

export const csrfGuard: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  if (bearerOf(req) === undefined && req.get(CSRF_HEADER) !== CSRF_HEADER_VALUE) {
    throw new AppError(
      'CSRF_REJECTED',
      `State-changing requests must send the header ${CSRF_HEADER}: ${CSRF_HEADER_VALUE}.`,
    );
  }
  const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
  // Multipart is let through for upload routes (the route layer refuses it elsewhere); the custom
  // header above is what a cross-site form cannot send.
  if (hasBody && !req.is(['application/json', 'multipart/form-data'])) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Request bodies must be application/json.');
  }
  next();
};
