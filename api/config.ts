// Process configuration from the environment, parsed once at start-up with zod.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

const projectRoot = resolve(__dirname, '..');

const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  TEMPORAL_ADDRESS: z.string().min(1).optional(),
  SGF_DATA_DIR: z.string().default(resolve(projectRoot, '.data')),
  /** Demo mode seeds the demo county and prints its logins; on by default only with the embedded database. */
  SGF_DEMO: z.enum(['true', 'false']).optional(),
  SGF_SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  SGF_COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
});

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  temporalAddress: string | undefined;
  dataDir: string;
  demo: boolean;
  sessionTtlHours: number;
  cookieSecure: boolean;
  webDistDir: string;
  version: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    temporalAddress: e.TEMPORAL_ADDRESS,
    dataDir: resolve(e.SGF_DATA_DIR),
    demo: e.SGF_DEMO ? e.SGF_DEMO === 'true' : !e.DATABASE_URL,
    sessionTtlHours: e.SGF_SESSION_TTL_HOURS,
    cookieSecure: e.SGF_COOKIE_SECURE === 'true',
    webDistDir: resolve(projectRoot, 'web', 'dist'),
    version: (JSON.parse(readFileSync(resolve(projectRoot, 'package.json'), 'utf8')) as { version: string })
      .version,
  };
}
