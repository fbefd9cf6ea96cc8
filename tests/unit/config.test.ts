import { loadConfig } from '../../api/config';

describe('configuration', () => {
  it('defaults to port 3000, the embedded database and demo mode', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.demo).toBe(true);
    expect(config.temporalAddress).toBeUndefined();
  });

  it('turns demo mode off by default when an external database is configured', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://u:p@db:5432/sgf' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgresql://u:p@db:5432/sgf', SGF_DEMO: 'true' }).demo).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ SGF_DEMO: 'yes' }, 'SGF_DEMO'],
  ])('rejects %j naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(name));
  });
});
