// The platform's conventions over the real product: OpenAPI coverage, the docs page under the
// strict CSP, Idempotency-Key, ETag/If-Match, cursor pagination, limits and problem bodies,
// API tokens, one-time passwords, sessions and the audit trail with its xlsx export.
import ExcelJS from 'exceljs';
import type { Express } from 'express';
import { apiRouteTable, createApp } from '../../api/app';
import type { Db } from '../../api/db/prisma-client';
import { openApiPath } from '../../api/openapi/openapi-document';
import { apiAgent, type TestServer } from '../support/test-server';
import {
  bearer,
  type Call,
  demoPassword,
  signIn,
  startAdminApi,
  stopAdminApi,
  unitIdByCode,
} from './support/api-callers';

jest.setTimeout(120_000);

type Layer = {
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
  rawPath?: unknown;
};

function expressRoutes(app: Express): string[] {
  const found: string[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods))
          found.push(`${method} ${prefix}${layer.route.path}`);
      } else if (layer.handle.stack) {
        walk(
          layer.handle.stack,
          prefix + (typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : ''),
        );
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return found.filter((r) => r.includes(' /api/'));
}

describe('API conventions', () => {
  let server: TestServer;
  let prisma: Db;
  let admin: Call;
  let lcId: string;
  let hjlId: string;
  const password = (u: string) => demoPassword(server, u);

  beforeAll(async () => {
    ({ server, prisma, admin } = await startAdminApi());
    lcId = await unitIdByCode(prisma, 'LC');
    hjlId = await unitIdByCode(prisma, 'LC-HJL');
  });
  afterAll(() => stopAdminApi({ server, prisma, admin }));

  describe('OpenAPI document and reference', () => {
    it('documents every route registered on the Express app', async () => {
      const res = await apiAgent(server.url)('GET', '/api/openapi.json');
      expect(res.status).toBe(200);
      expect(res.json!.openapi).toBe('3.1.0');
      const documented = Object.entries(res.json!.paths as Record<string, Record<string, unknown>>).flatMap(
        ([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`),
      );
      const deps = {
        prisma,
        config: {
          sessionTtlHours: 1,
          cookieSecure: false,
          webDistDir: '/nonexistent',
          dataDir: '/nonexistent',
        },
        health: { runtime: 'embedded' as const, version: '0', databaseKind: 'external' as const },
      };
      const registered = expressRoutes(createApp(deps)).map((r) => {
        const [method, path] = r.split(' ');
        return `${method} ${openApiPath(path!.replace(/^\/api/, ''))}`;
      });
      expect(registered.length).toBe(apiRouteTable(deps).length);
      expect(new Set(documented)).toEqual(new Set(registered));
    });

    it('serves the Swagger UI from npm files with no inline script, under a strict CSP', async () => {
      const call = apiAgent(server.url);
      const page = await call('GET', '/api/docs');
      expect(page.status).toBe(200);
      expect(page.text).not.toMatch(/<script>(?!<)/);
      expect(page.text).not.toMatch(/https?:\/\//);
      const csp = page.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      for (const asset of [
        '/api/docs/assets/swagger-ui-bundle.js',
        '/api/docs/assets/swagger-ui.css',
        '/api/docs/init.js',
      ]) {
        const res = await call('GET', asset);
        expect([asset, res.status]).toEqual([asset, 200]);
      }
    });
  });

  describe('Idempotency-Key', () => {
    const unitBody = (code: string) => ({ code, name: `单位 ${code}`, kind: 'room', parentId: hjlId });

    it('replays the first response, status included, for the same key and body', async () => {
      const first = await admin('POST', '/api/units', unitBody('IDEM-1'), { 'idempotency-key': 'k-1' });
      const again = await admin('POST', '/api/units', unitBody('IDEM-1'), { 'idempotency-key': 'k-1' });
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.json).toEqual(first.json);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await prisma.orgUnit.count({ where: { code: 'IDEM-1' } })).toBe(1);
    });

    it('refuses the same key with another body (422 naming the header)', async () => {
      await admin('POST', '/api/units', unitBody('IDEM-2'), { 'idempotency-key': 'k-2' });
      const res = await admin('POST', '/api/units', unitBody('IDEM-3'), { 'idempotency-key': 'k-2' });
      expect(res.status).toBe(422);
      expect(res.json).toMatchObject({
        code: 'IDEMPOTENCY_KEY_REUSED',
        errors: [{ field: 'Idempotency-Key' }],
      });
    });

    it('runs concurrent duplicates once', async () => {
      const results = await Promise.all(
        Array.from({ length: 6 }, () =>
          admin('POST', '/api/units', unitBody('IDEM-4'), { 'idempotency-key': 'k-4' }),
        ),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
      expect(statuses).toContain(201);
      expect(await prisma.orgUnit.count({ where: { code: 'IDEM-4' } })).toBe(1);
      expect(
        results.filter((r) => r.status === 409).every((r) => r.json!.code === 'IDEMPOTENCY_IN_PROGRESS'),
      ).toBe(true);
    });

    it('scopes keys per caller and forgets them after 24 hours', async () => {
      const other = await signIn(server.url, 'admin', password('admin'));
      // Same person, same key: still the same caller.
      expect(
        (await other('POST', '/api/units', unitBody('IDEM-5'), { 'idempotency-key': 'k-1' })).status,
      ).toBe(422);
      await prisma.$executeRaw`UPDATE idempotency_record SET created_at = now() - interval '25 hours' WHERE key = 'k-1'`;
      const fresh = await admin('POST', '/api/units', unitBody('IDEM-5'), { 'idempotency-key': 'k-1' });
      expect(fresh.status).toBe(201);
      expect(fresh.headers.get('idempotent-replayed')).toBeNull();
    });

    it('lets a failed first attempt be retried with the same key', async () => {
      const bad = await admin('POST', '/api/units', { ...unitBody('IDEM-1') }, { 'idempotency-key': 'k-6' });
      expect(bad.status).toBe(409);
      const ok = await admin('POST', '/api/units', { ...unitBody('IDEM-1') }, { 'idempotency-key': 'k-6' });
      expect(ok.status).toBe(409);
      expect(ok.headers.get('idempotent-replayed')).toBeNull();
    });
  });

  describe('ETag and If-Match', () => {
    it('answers 428 without If-Match, 412 on a stale ETag, and moves the ETag on success', async () => {
      const created = await admin('POST', '/api/units', {
        code: 'ETAG-1',
        name: '旧名',
        kind: 'room',
        parentId: hjlId,
      });
      const id = created.json!.id as string;
      const read = await admin('GET', `/api/units/${id}`);
      expect(read.headers.get('etag')).toBe('"0"');
      const missing = await admin('PATCH', `/api/units/${id}`, { name: '新名' });
      expect(missing.status).toBe(428);
      expect(missing.json).toMatchObject({ code: 'PRECONDITION_REQUIRED', errors: [{ field: 'If-Match' }] });
      expect((await admin('PATCH', `/api/units/${id}`, { name: '新名' }, { 'if-match': '"7"' })).status).toBe(
        412,
      );
      const ok = await admin('PATCH', `/api/units/${id}`, { name: '新名' }, { 'if-match': '"0"' });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('etag')).toBe('"1"');
      const lost = await admin('PATCH', `/api/units/${id}`, { name: '又一个名字' }, { 'if-match': '"0"' });
      expect(lost.status).toBe(412);
      expect(lost.json!.code).toBe('PRECONDITION_FAILED');
    });

    it('refuses to move a unit below itself or to deactivate a unit with active children', async () => {
      const station = await prisma.orgUnit.findUniqueOrThrow({ where: { code: 'LC-TY' } });
      const room = await prisma.orgUnit.findUniqueOrThrow({ where: { code: 'LC-TY-01' } });
      const move = await admin(
        'PATCH',
        `/api/units/${room.id}`,
        { parentId: lcId },
        { 'if-match': `"${room.revision}"` },
      );
      expect(move.json).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'parentId' }] });
      const cycle = await admin(
        'PATCH',
        `/api/units/${station.id}`,
        { parentId: room.id },
        { 'if-match': '*' },
      );
      expect([cycle.status, cycle.json!.code]).toEqual([422, 'UNIT_CYCLE']);
      const deactivate = await admin(
        'PATCH',
        `/api/units/${station.id}`,
        { active: false },
        { 'if-match': '*' },
      );
      expect([deactivate.status, deactivate.json!.code]).toEqual([409, 'UNIT_IN_USE']);
    });
  });

  describe('cursor pagination', () => {
    it('walks every user once in a stable order and refuses bad limits and cursors', async () => {
      for (let i = 0; i < 7; i++) {
        const res = await admin('POST', '/api/users', {
          username: `page-${i}`,
          displayName: `分页 ${i}`,
          assignments: [{ role: 'officer', unitId: hjlId }],
        });
        expect(res.status).toBe(201);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: Awaited<ReturnType<Call>> = await admin(
          'GET',
          `/api/users?q=page-&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.status).toBe(200);
        expect(res.json!.items.length).toBeLessThanOrEqual(3);
        seen.push(...(res.json!.items as { username: string }[]).map((u) => u.username));
        cursor = res.json!.nextCursor as string | null;
      } while (cursor);
      expect(seen).toEqual(Array.from({ length: 7 }, (_, i) => `page-${i}`));
      const tooMany = await admin('GET', '/api/users?limit=201');
      expect(tooMany.json).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'query.limit' }] });
      for (const cursor of ['garbage', Buffer.from('["x"]').toString('base64url'), '%%%']) {
        const res = await admin('GET', `/api/users?cursor=${encodeURIComponent(cursor)}`);
        expect([res.status, res.json!.errors[0].field]).toEqual([400, 'query.cursor']);
      }
    });
  });

  describe('limits and problem bodies', () => {
    it.each([
      ['a body over 1 MB', JSON.stringify({ code: 'x', name: 'x'.repeat(1_100_000) }), {}, 413, '(body)'],
      ['malformed JSON', '{"code": ', {}, 400, '(body)'],
      [
        'a name over 100 characters',
        JSON.stringify({ code: 'LONG', name: '长'.repeat(101), kind: 'room', parentId: null }),
        {},
        400,
        'name',
      ],
      ['an array where an object belongs', '[1,2]', {}, 400, '(body)'],
    ])('answers %s with a problem naming the field', async (_case, body, headers, status, field) => {
      const res = await admin('POST', '/api/units', body, headers);
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect((res.json!.errors as { field: string }[]).map((e) => e.field)).toContain(field);
      expect(res.json!.requestId).toBe(res.headers.get('x-request-id'));
      expect(res.json!.detailZh).toEqual(expect.any(String));
    });

    it('answers a wrong content type with 415 and a malformed id with 400 naming params.id', async () => {
      expect((await admin('POST', '/api/units', 'code=x', { 'content-type': 'text/plain' })).status).toBe(
        415,
      );
      const res = await admin('GET', '/api/units/not-a-uuid');
      expect(res.json).toMatchObject({ status: 400, errors: [{ field: 'params.id' }] });
    });
  });

  describe('API tokens', () => {
    it('authenticates bearer calls without the CSRF header, records them in the audit log, and stops at revocation', async () => {
      const created = await admin('POST', '/api/tokens', {
        name: '民政数据对接',
        assignments: [{ role: 'admin', unitId: hjlId }],
      });
      expect(created.status).toBe(201);
      const secret = created.json!.token as string;
      const tokenId = created.json!.item.id as string;
      const stored = await prisma.apiToken.findUniqueOrThrow({ where: { id: tokenId } });
      expect(stored.secretHash).not.toContain(secret);
      const service = bearer(server.url, secret);
      const unit = await service('POST', '/api/units', {
        code: 'TOKEN-1',
        name: '令牌建的室',
        kind: 'room',
        parentId: hjlId,
      });
      expect(unit.status).toBe(201);
      const row = await prisma.auditLog.findFirstOrThrow({
        where: { action: 'unit.created', resourceId: unit.json!.id },
      });
      expect(row.tokenId).toBe(tokenId);
      expect(row.requestId).toBe(unit.headers.get('x-request-id'));
      const listed = await admin('GET', '/api/tokens');
      expect(
        (listed.json!.items as { id: string; lastUsedAt: unknown }[]).find((t) => t.id === tokenId)
          ?.lastUsedAt,
      ).toEqual(expect.any(String));
      expect((await admin('POST', `/api/tokens/${tokenId}/revoke`)).json!.revokedAt).toEqual(
        expect.any(String),
      );
      expect((await service('GET', '/api/units')).status).toBe(401);
      expect((await bearer(server.url, 'sgf_not-a-token')('GET', '/api/units')).status).toBe(401);
    });

    it('refuses an expired token and person-only routes for tokens', async () => {
      const created = await admin('POST', '/api/tokens', {
        name: '过期',
        assignments: [{ role: 'officer', unitId: hjlId }],
      });
      const service = bearer(server.url, created.json!.token as string);
      expect((await service('POST', '/api/auth/logout-everywhere')).status).toBe(403);
      await prisma.apiToken.update({
        where: { id: created.json!.item.id },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });
      expect((await service('GET', '/api/units')).status).toBe(401);
    });
  });

  describe('one-time passwords, password policy and sessions', () => {
    it('makes a new user change the one-time password before anything else', async () => {
      const created = await admin('POST', '/api/users', {
        username: 'newbie',
        displayName: '新同事',
        assignments: [{ role: 'officer', unitId: hjlId }],
      });
      const otp = created.json!.oneTimePassword as string;
      const user = await signIn(server.url, 'newbie', otp);
      expect((await user('GET', '/api/auth/me')).json!.user.mustChangePassword).toBe(true);
      expect((await user('GET', '/api/units')).json!.code).toBe('PASSWORD_CHANGE_REQUIRED');
      const weak = await user('POST', '/api/auth/change-password', {
        currentPassword: otp,
        newPassword: 'newbie1234',
      });
      expect(weak.status).toBe(422);
      expect((weak.json!.errors as { field: string }[]).map((e) => e.field)).toEqual([
        'newPassword',
        'newPassword',
      ]);
      expect(weak.json!.errors[0].reasonZh).toEqual(expect.any(String));
      const ok = await user('POST', '/api/auth/change-password', {
        currentPassword: otp,
        newPassword: 'Spring-Garden-42',
      });
      expect(ok.status).toBe(204);
      expect((await user('GET', '/api/units')).status).toBe(200);
      expect(
        (await apiAgent(server.url)('POST', '/api/auth/login', { username: 'newbie', password: otp })).status,
      ).toBe(401);
    });

    it('rotates the session at sign-in and signs out everywhere', async () => {
      const first = await signIn(server.url, 'zhanzhang', password('zhanzhang'));
      const second = await signIn(server.url, 'zhanzhang', password('zhanzhang'));
      const user = await prisma.user.findUniqueOrThrow({ where: { username: 'zhanzhang' } });
      const before = await prisma.session.count({ where: { userId: user.id } });
      // Signing in again from the same browser ends the session it arrived with.
      expect(
        (await first('POST', '/api/auth/login', { username: 'zhanzhang', password: password('zhanzhang') }))
          .status,
      ).toBe(200);
      expect(await prisma.session.count({ where: { userId: user.id } })).toBe(before);
      expect((await second('POST', '/api/auth/logout-everywhere')).status).toBe(204);
      expect((await first('GET', '/api/auth/me')).status).toBe(401);
      expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    });
  });

  describe('audit trail', () => {
    it('searches rows with actor, request id and client address, and exports them to xlsx (audited)', async () => {
      const unit = await admin('POST', '/api/units', {
        code: 'AUDIT-1',
        name: '审计',
        kind: 'room',
        parentId: hjlId,
      });
      const res = await admin('GET', `/api/audit?resourceType=unit&resourceId=${unit.json!.id}&limit=5`);
      expect(res.status).toBe(200);
      const entry = res.json!.items[0];
      expect(entry).toMatchObject({
        action: 'unit.created',
        actorName: '系统管理员',
        resourceType: 'unit',
        clientAddress: expect.any(String),
        requestId: expect.any(String),
      });
      expect(JSON.parse(entry.summary as string)).toHaveProperty('after');
      const exported = await fetch(`${server.url}/api/audit/export.xlsx?action=unit.created`, {
        headers: { cookie: await sessionCookie() },
      });
      expect(exported.status).toBe(200);
      expect(exported.headers.get('content-disposition')).toMatch(
        /attachment; filename="?audit-[\d-]+\.xlsx/,
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await exported.arrayBuffer());
      const sheet = workbook.worksheets[0]!;
      expect(sheet.rowCount).toBeGreaterThan(1);
      expect(sheet.getRow(2).getCell(6).value).toBe('unit.created');
      expect(await prisma.auditLog.count({ where: { action: 'audit.exported' } })).toBe(1);
      await expect(prisma.$executeRaw`DELETE FROM audit_log`).rejects.toThrow(/append-only/);
    });
  });

  async function sessionCookie(): Promise<string> {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'shegong-flow' },
      body: JSON.stringify({ username: 'admin', password: password('admin') }),
    });
    return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  }

  it('limits sign-in attempts per client address', async () => {
    const call = apiAgent(server.url);
    let status = 0;
    for (let i = 0; i < 25 && status !== 429; i++) {
      status = (await call('POST', '/api/auth/login', { username: `nobody-${i}`, password: 'x' })).status;
    }
    expect(status).toBe(429);
  });
});
