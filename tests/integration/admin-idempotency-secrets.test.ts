// Idempotency-Key on requests whose answer holds a secret shown once (API token, one-time
// password): a repeat does nothing and answers 409 naming what the first request made, a different
// body under the same key 422; and a body's key order does not change its fingerprint.
import type { Db } from '../../api/db/prisma-client';
import type { TestServer } from '../support/test-server';
import { type Call, startAdminApi, stopAdminApi, unitIdByCode } from './support/api-callers';

jest.setTimeout(120_000);

describe('Idempotency-Key on answers with a secret', () => {
  let server: TestServer;
  let prisma: Db;
  let admin: Call;
  let hjlId: string;

  beforeAll(async () => {
    ({ server, prisma, admin } = await startAdminApi());
    hjlId = await unitIdByCode(prisma, 'LC-HJL');
  });
  afterAll(() => stopAdminApi({ server, prisma, admin }));

  it('creates one token for two requests with the same key and names it in the 409', async () => {
    const body = { name: '重复提交的令牌', assignments: [{ role: 'officer', unitId: hjlId }] };
    const first = await admin('POST', '/api/tokens', body, { 'idempotency-key': 'token-1' });
    const again = await admin('POST', '/api/tokens', body, { 'idempotency-key': 'token-1' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(again.json).toMatchObject({
      code: 'IDEMPOTENT_SECRET_NOT_REPLAYABLE',
      resourceType: 'token',
      resourceId: first.json!.item.id,
      errors: [{ field: 'Idempotency-Key' }],
    });
    expect(again.json!.detailZh).toContain('只显示一次');
    expect(again.json!.token).toBeUndefined();
    expect(await prisma.apiToken.count({ where: { name: body.name } })).toBe(1);
    const stored = await prisma.idempotencyRecord.findMany({ where: { key: 'token-1' } });
    expect(JSON.stringify(stored)).not.toContain(first.json!.token as string);

    const other = await admin(
      'POST',
      '/api/tokens',
      { ...body, name: '另一个' },
      { 'idempotency-key': 'token-1' },
    );
    expect([other.status, other.json!.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
  });

  it('creates one user and resets a password once per key', async () => {
    const body = {
      username: 'twice',
      displayName: '重复',
      assignments: [{ role: 'officer', unitId: hjlId }],
    };
    const first = await admin('POST', '/api/users', body, { 'idempotency-key': 'user-1' });
    const again = await admin('POST', '/api/users', body, { 'idempotency-key': 'user-1' });
    expect(first.status).toBe(201);
    expect(again.json).toMatchObject({
      status: 409,
      code: 'IDEMPOTENT_SECRET_NOT_REPLAYABLE',
      resourceId: first.json!.user.id,
    });
    expect(again.json!.oneTimePassword).toBeUndefined();

    const id = first.json!.user.id as string;
    const reset = await admin('POST', `/api/users/${id}/reset-password`, undefined, {
      'idempotency-key': 'reset-1',
    });
    expect(reset.status).toBe(200);
    const hash = (await prisma.user.findUniqueOrThrow({ where: { id } })).passwordHash;
    const resetAgain = await admin('POST', `/api/users/${id}/reset-password`, undefined, {
      'idempotency-key': 'reset-1',
    });
    expect([resetAgain.status, resetAgain.json!.resourceId]).toEqual([409, id]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id } })).passwordHash).toBe(hash);
    expect(await prisma.auditLog.count({ where: { action: 'user.password_reset', resourceId: id } })).toBe(1);
  });

  it('fingerprints a body independently of its key order', async () => {
    const first = await admin(
      'POST',
      '/api/units',
      '{"code":"ORDER-1","name":"顺序","kind":"room","parentId":"' + hjlId + '"}',
      { 'idempotency-key': 'order-1', 'content-type': 'application/json' },
    );
    const reordered = await admin(
      'POST',
      '/api/units',
      '{"parentId":"' + hjlId + '","kind":"room","name":"顺序","code":"ORDER-1"}',
      { 'idempotency-key': 'order-1', 'content-type': 'application/json' },
    );
    expect([first.status, reordered.status, reordered.headers.get('idempotent-replayed')]).toEqual([
      201,
      201,
      'true',
    ]);
  });
});
