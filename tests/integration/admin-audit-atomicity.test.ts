// A change and its audit row commit together: when the audit insert fails (here a trigger of the
// test database refuses rows marked for it), the change rolls back, and an Idempotency-Key is free
// for the retry, which then runs once.
import type { Db } from '../../api/db/prisma-client';
import type { TestServer } from '../support/test-server';
import {
  type Call,
  demoPassword,
  signIn,
  startAdminApi,
  stopAdminApi,
  unitIdByCode,
} from './support/api-callers';

jest.setTimeout(120_000);

const MARK = 'audit-must-fail';

describe('audit rows in the change’s transaction', () => {
  let server: TestServer;
  let prisma: Db;
  let admin: Call;
  let hjlId: string;
  const password = (u: string) => demoPassword(server, u);

  beforeAll(async () => {
    ({ server, prisma, admin } = await startAdminApi());
    hjlId = await unitIdByCode(prisma, 'LC-HJL');
    await prisma.$executeRawUnsafe(`
      CREATE FUNCTION test_refuse_marked_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.detail::text LIKE '%${MARK}%' OR NEW.resource_id IN (SELECT id::text FROM app_user WHERE display_name = '${MARK}') THEN
          RAISE EXCEPTION 'audit refused by the test';
        END IF;
        RETURN NEW;
      END $$`);
    await prisma.$executeRawUnsafe(`
      CREATE TRIGGER test_refuse_marked_audit BEFORE INSERT ON audit_log
      FOR EACH ROW EXECUTE FUNCTION test_refuse_marked_audit()`);
  });
  afterAll(() => stopAdminApi({ server, prisma, admin }, { checkContracts: false }));

  it('rolls an update back when its audit row cannot be written', async () => {
    const unit = await prisma.orgUnit.findUniqueOrThrow({ where: { code: 'LC-HJL-01' } });
    const res = await admin(
      'PATCH',
      `/api/units/${unit.id}`,
      { name: MARK },
      { 'if-match': `"${unit.revision}"` },
    );
    expect(res.status).toBe(500);
    const after = await prisma.orgUnit.findUniqueOrThrow({ where: { id: unit.id } });
    expect([after.name, after.revision]).toEqual([unit.name, unit.revision]);
  });

  it('keeps the old password and sessions when the reset cannot be audited', async () => {
    const created = await admin('POST', '/api/users', {
      username: 'audited-reset',
      displayName: MARK,
      assignments: [{ role: 'officer', unitId: hjlId }],
    });
    // Its creation is refused too: the resource id is not known to the trigger before the insert,
    // but the display name in the summary is.
    expect(created.status).toBe(500);
    expect(await prisma.user.count({ where: { username: 'audited-reset' } })).toBe(0);

    const user = await prisma.user.findUniqueOrThrow({ where: { username: 'shegong' } });
    await signIn(server.url, 'shegong', password('shegong'));
    const sessions = await prisma.session.count({ where: { userId: user.id } });
    await prisma.user.update({ where: { id: user.id }, data: { displayName: MARK } });
    const reset = await admin('POST', `/api/users/${user.id}/reset-password`);
    expect([reset.status, reset.json!.oneTimePassword]).toEqual([500, undefined]);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect([after.passwordHash, after.mustChangePassword, after.revision]).toEqual([
      user.passwordHash,
      user.mustChangePassword,
      user.revision,
    ]);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(sessions);
    await prisma.user.update({ where: { id: user.id }, data: { displayName: user.displayName } });
  });

  it('frees the Idempotency-Key of a refused creation, so the retry creates the unit once', async () => {
    const body = { code: 'AUDIT-RETRY', name: MARK, kind: 'room', parentId: hjlId };
    const first = await admin('POST', '/api/units', body, { 'idempotency-key': 'audit-retry' });
    expect(first.status).toBe(500);
    expect(await prisma.orgUnit.count({ where: { code: 'AUDIT-RETRY' } })).toBe(0);
    await prisma.$executeRawUnsafe('DROP TRIGGER test_refuse_marked_audit ON audit_log');
    const retry = await admin('POST', '/api/units', body, { 'idempotency-key': 'audit-retry' });
    const replay = await admin('POST', '/api/units', body, { 'idempotency-key': 'audit-retry' });
    expect([retry.status, replay.status, replay.headers.get('idempotent-replayed')]).toEqual([
      201,
      201,
      'true',
    ]);
    expect(await prisma.orgUnit.count({ where: { code: 'AUDIT-RETRY' } })).toBe(1);
    expect(
      await prisma.auditLog.count({ where: { action: 'unit.created', resourceId: retry.json!.id } }),
    ).toBe(1);
  });
});
