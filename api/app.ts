// The Express application: JSON API under /api (authenticated by default) and the built web app.
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { authRoutes } from './auth/auth.routes';
import { requireUser } from './auth/current-user';
import type { AppConfig } from './config';
import type { Db } from './db/prisma-client';
import { healthRoutes, type HealthInfo } from './health.routes';
import { csrfGuard } from './http/csrf-guard';
import { apiNotFound, problemHandler } from './http/problem-handler';

export interface AppDeps {
  prisma: Db;
  config: Pick<AppConfig, 'sessionTtlHours' | 'cookieSecure' | 'webDistDir'>;
  health: HealthInfo;
}

export function createApp({ prisma, config, health }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use((_req, res, next) => {
    res.set({
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'same-origin',
    });
    next();
  });

  const api = express.Router();
  api.use(express.json({ limit: '1mb' }));
  api.use(cookieParser());
  api.use(csrfGuard);
  api.use('/health', healthRoutes(prisma, health));
  api.use('/auth', authRoutes(prisma, config));
  // Everything registered after this line requires a signed-in user.
  api.use(requireUser(prisma));
  api.use(apiNotFound);
  app.use('/api', api, problemHandler);

  const indexHtml = join(config.webDistDir, 'index.html');
  if (existsSync(indexHtml)) {
    app.use(express.static(config.webDistDir, { index: false, maxAge: '1h' }));
    // Client-side routes (/inbox, /projects, …) all load the single-page app.
    app.get('/{*path}', (_req, res) => res.sendFile(indexHtml));
  }
  app.use(problemHandler);
  return app;
}
