// Process configuration from the environment, parsed once at start-up with zod.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

const projectRoot = resolve(__dirname, '..');

const port = { error: 'expected a port number from 0 to 65535' };
const flag = { error: 'expected true or false' };

const ZEnv = z.object({
  PORT: z.coerce.number(port).int(port).min(0, port).max(65535, port).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .url({ error: 'expected a URL such as postgresql://user:password@host:5432/db' })
    .optional(),
  TEMPORAL_ADDRESS: z.string().min(1).optional(),
  SGF_DATA_DIR: z.string().default(resolve(projectRoot, '.data')),
  /** Demo mode seeds the demo county and prints its logins; on by default only with the embedded database. */
  SGF_DEMO: z.enum(['true', 'false'], flag).optional(),
  SGF_SESSION_TTL_HOURS: z.coerce
    .number({ error: 'expected a number of hours' })
    .positive({ error: 'expected a number of hours above 0' })
    .default(12),
  SGF_COOKIE_SECURE: z.enum(['true', 'false'], flag).default('false'),
});

/** Settings whose values must not be echoed back: a database URL carries its password. */
const SECRET_SETTINGS = new Set(['DATABASE_URL']);

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
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.');
      const value = SECRET_SETTINGS.has(name) ? '' : `=${JSON.stringify(env[name])}`;
      return `${name}${value}: ${issue.message}`;
    });
    // One line naming every bad setting: the entry points print it without a stack trace.
    throw new Error(`invalid configuration: ${problems.join('; ')}`);
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
