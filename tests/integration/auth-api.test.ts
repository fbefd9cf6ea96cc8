import { Client } from 'pg';
import { MAX_FAILED_LOGINS } from '../../api/auth/login-lockout';
import { apiAgent, startTestServer, type TestServer } from '../support/test-server';

jest.setTimeout(60_000);

describe('auth API', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const login = (username: string) => server.demoLogins.find((l) => l.username === username)!;

  it('reports health with database state, runtime kind and version', async () => {
    const res = await apiAgent(server.url)('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      status: 'ok',
      database: 'up',
      runtime: 'embedded',
      version: expect.any(String),
    });
  });

  it.each(['admin', 'shegong', 'zhanzhang', 'zhuanjia', 'xuanba', 'lingdao'])(
    'signs in demo user %s and answers /me with their roles and units',
    async (username) => {
      const agent = apiAgent(server.url);
      const res = await agent('POST', '/api/auth/login', { username, password: login(username).password });
      expect(res.status).toBe(200);
      expect(res.headers.get('set-cookie')).toMatch(/sgf_session=.+; .*HttpOnly/i);
      expect(res.json!.user).toMatchObject({ username, roles: [{ role: login(username).role }] });
      const me = await agent('GET', '/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.json!.user.roles[0].unitName).toBe(login(username).unitName);
    },
  );

  it('serves many sign-ins at once, right and wrong, without a 500 (each holds one pooled connection)', async () => {
    const admin = login('admin');
    // From distinct client addresses (trusted from loopback), so the per-address limit stays out of it.
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        apiAgent(server.url)(
          'POST',
          '/api/auth/login',
          // Every fourth one a wrong sign-in (of a user that does not exist, so no account locks).
          i % 4 === 3
            ? { username: `nobody-${i}`, password: 'wrong-password' }
            : { username: admin.username, password: admin.password },
          { 'x-forwarded-for': `10.9.${Math.floor(i / 250)}.${i % 250}` },
        ),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(30);
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
  });

  it('rejects a wrong password with problem+json and sets no cookie', async () => {
    const res = await apiAgent(server.url)('POST', '/api/auth/login', {
      username: 'admin',
      password: 'not-the-password',
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.json).toMatchObject({
      status: 401,
      code: 'INVALID_CREDENTIALS',
      type: expect.any(String),
      title: expect.any(String),
    });
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const res = await apiAgent(server.url)('POST', '/api/auth/login', { username: 'nobody', password: 'x' });
    expect(res.status).toBe(401);
    expect(res.json!.code).toBe('INVALID_CREDENTIALS');
    expect(res.json!.detail).toBe('The username or password is incorrect.');
  });

  it.each([
    [{ password: 'x' }, 'username'],
    [{ username: 'admin' }, 'password'],
    [{ username: '', password: 'x' }, 'username'],
  ])('names the missing field when the body is %j', async (body, field) => {
    const res = await apiAgent(server.url)('POST', '/api/auth/login', body);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [expect.objectContaining({ field })],
    });
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await apiAgent(server.url)('POST', '/api/auth/login', '{"username": ');
    expect(res.status).toBe(400);
    expect(res.json!.code).toBe('MALFORMED_JSON');
  });

  it('refuses state-changing requests without the CSRF header', async () => {
    const res = await apiAgent(server.url)(
      'POST',
      '/api/auth/login',
      { username: 'admin', password: 'x' },
      {
        'x-requested-with': '',
      },
    );
    expect(res.status).toBe(403);
    expect(res.json!.code).toBe('CSRF_REJECTED');
  });

  it('refuses form-encoded bodies', async () => {
    const res = await apiAgent(server.url)('POST', '/api/auth/login', 'username=admin&password=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(415);
  });

  it('requires a session for /me and for unknown API routes', async () => {
    const agent = apiAgent(server.url);
    expect((await agent('GET', '/api/auth/me')).json!.code).toBe('UNAUTHENTICATED');
    expect((await agent('GET', '/api/projects')).status).toBe(401);
  });

  it('ends the session on logout and records the sign-in history in the audit log', async () => {
    const agent = apiAgent(server.url);
    await agent('POST', '/api/auth/login', { username: 'xuanba', password: login('xuanba').password });
    expect((await agent('POST', '/api/auth/logout')).status).toBe(204);
    expect((await agent('GET', '/api/auth/me')).status).toBe(401);
    const client = new Client({ connectionString: server.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ action: string }>(
        `SELECT a.action FROM audit_log a JOIN app_user u ON u.id = a.actor_id WHERE u.username = 'xuanba' ORDER BY a.id`,
      );
      expect(rows.map((r) => r.action).slice(-2)).toEqual(['login.succeeded', 'logout']);
    } finally {
      await client.end();
    }
  });

  it(`locks an account after ${MAX_FAILED_LOGINS} wrong passwords, even against the right one`, async () => {
    const agent = apiAgent(server.url);
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
      expect(
        (await agent('POST', '/api/auth/login', { username: 'lingdao', password: `guess-${i}` })).status,
      ).toBe(401);
    }
    const locked = await agent('POST', '/api/auth/login', {
      username: 'lingdao',
      password: login('lingdao').password,
    });
    expect(locked.status).toBe(423);
    expect(locked.json).toMatchObject({ code: 'ACCOUNT_LOCKED', lockedUntil: expect.any(String) });
  });

  it('serves the web app for client-side routes', async () => {
    const res = await fetch(`${server.url}/inbox`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/<div id="root">/);
  });
});
