import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

// Docker cannot run on the build machines; the compose file is checked by reading it.
interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  ports?: string[];
  healthcheck?: { test: string[] };
  environment?: Record<string, string | number>;
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
}

const root = join(__dirname, '..', '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const service = (name: string): Service => {
  const found = compose.services[name];
  if (!found) throw new Error(`no service ${name}`);
  return found;
};

describe('docker-compose.yml', () => {
  it('declares PostgreSQL, Temporal with its UI, the worker and the app', () => {
    expect(Object.keys(compose.services).sort()).toEqual([
      'app',
      'postgres',
      'temporal',
      'temporal-ui',
      'worker',
    ]);
  });

  it('runs PostgreSQL with a health check, a volume and a password taken from the environment', () => {
    const postgres = service('postgres');
    expect(postgres.image).toMatch(/^postgres:\d+/);
    expect(postgres.healthcheck?.test.join(' ')).toMatch(/pg_isready/);
    expect(postgres.environment?.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD/);
    expect(postgres.volumes).toContain('postgres-data:/var/lib/postgresql/data');
    expect(Object.keys(compose.volumes)).toContain('postgres-data');
  });

  it('runs the Temporal server (auto-setup) on that PostgreSQL, healthy when the cluster answers', () => {
    const temporal = service('temporal');
    expect(temporal.image).toMatch(/^temporalio\/auto-setup:\d+\.\d+\.\d+$/);
    expect(temporal.environment).toMatchObject({ DB: 'postgres12', POSTGRES_SEEDS: 'postgres' });
    expect(temporal.environment?.POSTGRES_PWD).toMatch(/^\$\{POSTGRES_PASSWORD/);
    expect(temporal.depends_on?.postgres?.condition).toBe('service_healthy');
    expect(temporal.ports).toContain('127.0.0.1:7233:7233');
    expect(temporal.healthcheck?.test.join(' ')).toMatch(/cluster health/);
  });

  it('runs the Temporal UI against the server', () => {
    const ui = service('temporal-ui');
    expect(ui.image).toMatch(/^temporalio\/ui:\d+\.\d+\.\d+$/);
    expect(ui.environment?.TEMPORAL_ADDRESS).toBe('temporal:7233');
    expect(ui.ports).toContain('127.0.0.1:8080:8080');
    expect(ui.healthcheck?.test.join(' ')).toMatch(/8080/);
  });

  it.each(['worker', 'app'])(
    'builds %s from the Dockerfile, configured for Temporal and PostgreSQL',
    (name) => {
      const s = service(name);
      expect(s.build).toBe('.');
      expect(s.environment?.TEMPORAL_ADDRESS).toBe('temporal:7233');
      expect(String(s.environment?.DATABASE_URL)).toMatch(
        /^postgres:\/\/shegong_flow:\$\{POSTGRES_PASSWORD[^}]*\}@postgres:5432\//,
      );
      expect(s.depends_on?.temporal?.condition).toBe('service_healthy');
      expect(s.depends_on?.postgres?.condition).toBe('service_healthy');
      expect(s.healthcheck?.test.length).toBeGreaterThan(0);
    },
  );

  it('starts the worker with npm run worker and publishes the app on port 3000 with an HTTP health check', () => {
    expect(service('worker').command).toEqual(['npm', 'run', 'worker']);
    const app = service('app');
    expect(app.command).toBeUndefined();
    expect(app.ports).toContain('3000:3000');
    expect(app.healthcheck?.test.join(' ')).toMatch(/localhost:3000\/api\/health/);
  });

  it('writes no literal password', () => {
    const text = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
    for (const line of text.split('\n').filter((l) => /PASSWORD|PWD/.test(l) && !l.trim().startsWith('#'))) {
      if (line.includes(':') && !line.trim().endsWith(':')) expect(line).toMatch(/\$\{POSTGRES_PASSWORD/);
    }
  });

  it('builds the image from node:20-bookworm-slim with npm ci and npm run build, starting the app', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^FROM node:20-bookworm-slim$/m);
    expect(dockerfile).toMatch(/^RUN npm ci$/m);
    expect(dockerfile).toMatch(/^RUN npm run build$/m);
    expect(dockerfile).toMatch(/^CMD \["npm", "start"\]$/m);
  });
});
