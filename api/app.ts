// The Express application: JSON API under /api (every route declared in the route table) and the
// built web app, behind security headers and structured request logs.
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import swaggerUiDist from 'swagger-ui-dist';
import { adminRoutes } from './admin/admin-routes';
import { authRoutes } from './auth/auth.routes';
import { authenticate } from './auth/authenticate';
import type { SessionCache } from './auth/session-cache';
import { loginRateLimit } from './auth/login-rate-limit';
import type { AppConfig } from './config';
import type { Db } from './db/prisma-client';
import { healthRoutes, type HealthInfo } from './health.routes';
import { csrfGuard } from './http/csrf-guard';
import { mountRoutes } from './http/mount-routes';
import { apiNotFound, problemHandler } from './http/problem-handler';
import { createLogger, requestLog } from './http/request-log';
import { strictResponsesByDefault } from './http/response-contract';
import type { AnyRoute } from './http/route';
import { securityHeaders } from './http/security-headers';
import { DOCS_ASSETS_PATH, docsRoutes } from './openapi/docs.routes';
import type { Orchestrator } from './orchestrator/orchestrator';
import { workRoutes } from './work/work.routes';
import { incidentRoutes } from './incidents/incident.routes';
import { attachmentRoutes } from './attachments/attachment.routes';
import { dashboardRoutes } from './dashboards/dashboard.routes';
import { definitionRoutes } from './definitions/definitions.routes';
import { migrationRoutes } from './definitions/migration.routes';
import { notificationRoutes } from './notifications/notification.routes';
import type { NotificationHub } from './notifications/notification-stream';
import type { ProxySweeper } from './proxies/proxy-sweeper';
import type { UnitHeadSync } from './admin/unit-head-sync';
import { proxyRoutes } from './proxies/proxy.routes';
import { talentDossierRoutes } from './talent/dossier-attachment.routes';
import { talentReviewRoutes } from './talent/review-routes';
import { talentRoutes } from './talent/talent.routes';
import { talentResultsRoutes } from './talent/results-routes';
import { roundProcessRoutes } from './talent/round-process.routes';
import { talentTermRoutes } from './talent/term-pool.routes';
import type { Clock } from './runtime/clock';

export interface AppDeps {
  prisma: Db;
  config: Pick<AppConfig, 'sessionTtlHours' | 'cookieSecure' | 'webDistDir' | 'dataDir'>;
  health: HealthInfo;
  logger?: Logger;
  /** Off-schema responses become 500s (on under jest and when SGF_STRICT_RESPONSES=true). */
  strictResponses?: boolean;
  loginAttemptsPerMinute?: number;
  /** The runtime port the project and task commands go through (absent when only the table is read). */
  orchestrator?: Orchestrator;
  /** Session callers kept in memory (absent: every request looks its session up). */
  sessions?: SessionCache;
  /** The product's time (a test clock in tests); the system clock if unset. */
  clock?: Clock;
  /** Moves tasks to proxies; asked to sweep when a period is set (absent when only the table is read). */
  proxySweeper?: Pick<ProxySweeper, 'sweepSoon'>;
  /** The live notification stream, closed with the product (absent when only the table is read). */
  notificationHub?: NotificationHub;
  /** Sends running instances their units' new heads; asked for a pass when an admin changes one. */
  unitHeadSync?: Pick<UnitHeadSync, 'syncSoon'>;
}

/** Every API route of the product; the OpenAPI document and the authorization matrix read it. */
export function apiRouteTable({
  prisma,
  config,
  health,
  orchestrator,
  clock,
  proxySweeper,
  notificationHub,
  unitHeadSync,
}: Pick<
  AppDeps,
  | 'prisma'
  | 'config'
  | 'health'
  | 'orchestrator'
  | 'clock'
  | 'proxySweeper'
  | 'notificationHub'
  | 'unitHeadSync'
>): AnyRoute[] {
  const routes: AnyRoute[] = [];
  routes.push(
    ...healthRoutes(prisma, health),
    ...authRoutes(prisma, config),
    ...adminRoutes(prisma, unitHeadSync),
    // Before the project routes: /projects/export.xlsx is not a project id.
    ...dashboardRoutes(prisma, clock ?? (() => new Date())),
    ...workRoutes(prisma, orchestrator),
    ...incidentRoutes(prisma, orchestrator),
    ...migrationRoutes(prisma, orchestrator),
    ...notificationRoutes(prisma, notificationHub),
    ...proxyRoutes(prisma, clock ?? (() => new Date()), proxySweeper),
    ...attachmentRoutes(prisma, config.dataDir),
    ...talentRoutes(prisma, clock ?? (() => new Date()), orchestrator),
    ...roundProcessRoutes(orchestrator, clock ?? (() => new Date())),
    ...talentReviewRoutes(prisma, clock ?? (() => new Date())),
    ...talentDossierRoutes(prisma, config.dataDir),
    ...talentResultsRoutes(prisma, clock ?? (() => new Date())),
    ...talentTermRoutes(prisma, orchestrator, clock ?? (() => new Date())),
    ...definitionRoutes(prisma, clock ?? (() => new Date())),
    ...docsRoutes(() => routes, health.version),
  );
  return routes;
}

export function createApp(deps: AppDeps): Express {
  const { prisma, config } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestLog(deps.logger ?? createLogger()));
  app.use(securityHeaders({ https: config.cookieSecure }));

  const api = express.Router();
  api.use(express.json({ limit: '1mb' }));
  api.use(cookieParser());
  api.use(csrfGuard);
  api.use(authenticate(prisma, deps.sessions));
  api.use('/auth/login', loginRateLimit(deps.loginAttemptsPerMinute));
  api.use(
    DOCS_ASSETS_PATH,
    express.static(swaggerUiDist.getAbsoluteFSPath(), { index: false, maxAge: '1d' }),
  );
  mountRoutes(api, apiRouteTable(deps), {
    prisma,
    strictResponses: deps.strictResponses ?? strictResponsesByDefault(),
    ...(deps.sessions ? { onAccessChanged: () => deps.sessions?.clear() } : {}),
  });
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
