// Structured JSON request logs (pino), one line per request with the request id that also appears
// in problem bodies and audit rows. Silent under jest unless SGF_LOG_LEVEL says otherwise.
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { callerOf } from '../auth/caller';
import { requestIdFor } from './request-id';

export function createLogger(env: NodeJS.ProcessEnv = process.env): Logger {
  return pino({ level: env.SGF_LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info') });
}

export function requestLog(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: requestIdFor,
    // Cookies and tokens never reach the log.
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customProps: (_req, res) => {
      const caller = 'locals' in res ? callerOf(res as never) : undefined;
      return caller ? { userId: caller.userId, tokenId: caller.tokenId ?? undefined } : {};
    },
  });
}
