// Boots the real product (bootProduct: migrations, demo seed, HTTP server) on a fresh database
// of the test run's PostgreSQL, listening on a free loopback port.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootProduct, type BootOptions, type RunningProduct } from '../../api/boot';
import { loadConfig } from '../../api/config';
import { createTestDatabase } from './test-database';

export interface TestServer extends RunningProduct {
  databaseUrl: string;
}

/** `clock`: the embedded runtime's time, e.g. a test clock (test-clock.ts) to make timers due. */
export async function startTestServer(options: Pick<BootOptions, 'clock'> = {}): Promise<TestServer> {
  const db = await createTestDatabase({ empty: true });
  const dataDir = await mkdtemp(join(tmpdir(), 'sgf-server-'));
  const config = {
    ...loadConfig({
      DATABASE_URL: db.url,
      SGF_DEMO: 'true',
      SGF_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
    }),
    // Engineers working side by side build the web app into folders of their own.
    ...(process.env.SGF_TEST_WEB_DIST ? { webDistDir: process.env.SGF_TEST_WEB_DIST } : {}),
  };
  // The demo's sample projects stay out: suites count the projects, tasks and incidents they make.
  const product = await bootProduct(config, { ...options, demoProjects: false });
  return {
    ...product,
    databaseUrl: db.url,
    close: async () => {
      await product.close();
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

// Tests inspect arbitrary response bodies; each assertion states the shape it expects.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JsonBody = Record<string, any>;

/** A tiny cookie-keeping client for one user agent, sending the headers the web app sends. */
export function apiAgent(baseUrl: string) {
  let cookie = '';
  return async function request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        'x-requested-with': 'shegong-flow',
        ...(cookie ? { cookie } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0] ?? '';
    const text = await response.text();
    const isJson = text !== '' && /json/.test(response.headers.get('content-type') ?? '');
    const json = isJson ? (JSON.parse(text) as JsonBody) : undefined;
    return { status: response.status, headers: response.headers, json, text };
  };
}
