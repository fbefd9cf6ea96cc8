import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

// Docker cannot run on the build machines; the compose file is checked by reading it.
describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(join(__dirname, '..', '..', 'docker-compose.yml'), 'utf8')) as {
    services: Record<
      string,
      {
        image?: string;
        ports?: string[];
        healthcheck?: { test: string[] };
        environment?: Record<string, string>;
      }
    >;
    volumes: Record<string, unknown>;
  };

  it('runs PostgreSQL with a health check, a volume and a password taken from the environment', () => {
    const postgres = compose.services.postgres!;
    expect(postgres.image).toMatch(/^postgres:\d+/);
    expect(postgres.healthcheck?.test.join(' ')).toMatch(/pg_isready/);
    expect(postgres.environment?.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD/);
    expect(Object.keys(compose.volumes)).toContain('postgres-data');
  });
});
