// Smaller findings of the administration review, over the real product: a PATCH that changes
// nothing, a malformed If-Match, Chinese messages of refused tokens and of the forced password
// change, and common passwords refused at the change-password route.
import type { Db } from '../../api/db/prisma-client';
import { apiAgent, type TestServer } from '../support/test-server';
import { bearer, type Call, startAdminApi, stopAdminApi, unitIdByCode } from './support/api-callers';

jest.setTimeout(120_000);

describe('administration review fixes', () => {
  let server: TestServer;
  let prisma: Db;
  let admin: Call;
  let hjlId: string;

  beforeAll(async () => {
    ({ server, prisma, admin } = await startAdminApi());
    hjlId = await unitIdByCode(prisma, 'LC-HJL');
  });
  afterAll(() => stopAdminApi({ server, prisma, admin }));

  it('keeps the revision and writes no audit row for a PATCH that changes nothing', async () => {
    const unit = await prisma.orgUnit.findUniqueOrThrow({ where: { code: 'LC-HJL-01' } });
    const audits = () => prisma.auditLog.count({ where: { resourceId: unit.id } });
    const before = await audits();
    for (const body of [{}, { name: unit.name, active: true }]) {
      const res = await admin('PATCH', `/api/units/${unit.id}`, body, { 'if-match': `"${unit.revision}"` });
      expect([res.status, res.headers.get('etag')]).toEqual([200, `"${unit.revision}"`]);
    }
    expect((await prisma.orgUnit.findUniqueOrThrow({ where: { id: unit.id } })).revision).toBe(unit.revision);
    expect(await audits()).toBe(before);

    const user = await prisma.user.findUniqueOrThrow({ where: { username: 'shegong' } });
    const same = await admin('PATCH', `/api/users/${user.id}`, { active: true }, { 'if-match': '*' });
    expect(same.json!.revision).toBe(user.revision);
    expect(await prisma.auditLog.count({ where: { action: 'user.updated', resourceId: user.id } })).toBe(0);
  });

  it('answers a malformed If-Match with 400 and an unknown but well-formed one with 412', async () => {
    const unit = await prisma.orgUnit.findUniqueOrThrow({ where: { code: 'LC-HJL-02' } });
    const garbage = await admin('PATCH', `/api/units/${unit.id}`, { name: '新' }, { 'if-match': 'garbage' });
    expect(garbage.json).toMatchObject({ status: 400, errors: [{ field: 'If-Match' }] });
    const unknown = await admin('PATCH', `/api/units/${unit.id}`, { name: '新' }, { 'if-match': '"abc"' });
    expect(unknown.status).toBe(412);
  });

  it('tells a revoked token in Chinese why it is refused', async () => {
    const created = await admin('POST', '/api/tokens', {
      name: '吊销',
      assignments: [{ role: 'officer', unitId: hjlId }],
    });
    await admin('POST', `/api/tokens/${created.json!.item.id}/revoke`);
    const res = await bearer(server.url, created.json!.token as string)('GET', '/api/units');
    expect(res.status).toBe(401);
    expect(res.json!.detailZh).toContain('令牌');
  });

  it('speaks of the one-time password during the forced change and refuses a common new password', async () => {
    const created = await admin('POST', '/api/users', {
      username: 'first-login',
      displayName: '首次登录',
      assignments: [{ role: 'officer', unitId: hjlId }],
    });
    const user = apiAgent(server.url);
    await user('POST', '/api/auth/login', {
      username: 'first-login',
      password: created.json!.oneTimePassword,
    });
    const wrong = await user('POST', '/api/auth/change-password', {
      currentPassword: 'not-it',
      newPassword: 'Garden-Path-2026',
    });
    expect(wrong.json!.errors).toEqual([
      { field: 'currentPassword', reason: 'incorrect', reasonZh: '一次性密码不正确' },
    ]);
    const common = await user('POST', '/api/auth/change-password', {
      currentPassword: created.json!.oneTimePassword,
      newPassword: 'Password123!',
    });
    expect([common.status, common.json!.errors[0].reasonZh]).toEqual([422, '是常见密码，容易被猜中']);
  });
});
