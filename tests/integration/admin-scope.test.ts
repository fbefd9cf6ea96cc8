// An admin scoped to a station manages only users whose every role lies in the station's subtree:
// one role above or beside it (the county admin's own, a parent unit's) puts the user out of reach,
// so a station admin cannot take over a county admin by giving them a role in a room.
import { createPrismaClient, type Db } from '../../api/db/prisma-client';
import { contractViolations } from '../../api/http/response-contract';
import { startTestServer, type TestServer } from '../support/test-server';
import { bearer, signIn, type Call } from './support/api-callers';

jest.setTimeout(120_000);

describe('administration scope over the unit tree', () => {
  let server: TestServer;
  let prisma: Db;
  let county: Call;
  let station: Call;
  const unitIds: Record<string, string> = {};
  const password = (u: string) => server.demoLogins.find((l) => l.username === u)!.password;
  const userId = async (username: string) =>
    (await prisma.user.findUniqueOrThrow({ where: { username } })).id;

  beforeAll(async () => {
    server = await startTestServer();
    prisma = createPrismaClient(server.databaseUrl, 2);
    for (const code of ['LC', 'LC-HJL', 'LC-HJL-01', 'LC-TY'])
      unitIds[code] = (await prisma.orgUnit.findUniqueOrThrow({ where: { code } })).id;
    county = await signIn(server.url, 'admin', password('admin'));
    const token = await county('POST', '/api/tokens', {
      name: '洪家楼站管理',
      assignments: [{ role: 'admin', unitId: unitIds['LC-HJL'] }],
    });
    expect(token.status).toBe(201);
    station = bearer(server.url, token.json!.token as string);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await server.close();
    expect(contractViolations).toEqual([]);
  });

  it('keeps the county admin out of a station admin’s reach after a role in a room is added', async () => {
    const adminId = await userId('admin');
    const granted = await county('POST', `/api/users/${adminId}/assignments`, {
      role: 'supervisor',
      unitId: unitIds['LC-HJL-01'],
    });
    expect(granted.status).toBe(201);
    const reset = await station('POST', `/api/users/${adminId}/reset-password`);
    expect([reset.status, reset.json!.oneTimePassword]).toEqual([404, undefined]);
    expect(
      (await station('PATCH', `/api/users/${adminId}`, { active: false }, { 'if-match': '*' })).status,
    ).toBe(404);
    expect((await station('GET', `/api/users/${adminId}`)).status).toBe(404);
    const listed = await station('GET', '/api/users?q=admin&limit=200');
    expect((listed.json!.items as { id: string }[]).map((u) => u.id)).not.toContain(adminId);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: adminId } });
    expect([user.disabled, user.mustChangePassword]).toEqual([false, false]);
  });

  it('manages a user whose roles all lie in the subtree, not one who also holds a role in the parent', async () => {
    const create = (username: string, assignments: { role: string; unitId: string }[]) =>
      county('POST', '/api/users', { username, displayName: username, assignments });
    await create('inside', [
      { role: 'officer', unitId: unitIds['LC-HJL-01']! },
      { role: 'supervisor', unitId: unitIds['LC-HJL']! },
    ]);
    await create('spanning', [
      { role: 'officer', unitId: unitIds['LC-HJL']! },
      { role: 'supervisor', unitId: unitIds['LC']! },
    ]);
    const [inside, spanning] = [await userId('inside'), await userId('spanning')];
    expect((await station('POST', `/api/users/${inside}/reset-password`)).status).toBe(200);
    expect((await station('POST', `/api/users/${spanning}/reset-password`)).status).toBe(404);
    expect((await station('POST', `/api/users/${spanning}/unlock`)).status).toBe(404);
    const listed = await station('GET', '/api/users?limit=200');
    const names = (listed.json!.items as { username: string }[]).map((u) => u.username);
    expect(names).toContain('inside');
    expect(names).not.toContain('spanning');
  });

  it('grants roles only inside the subtree and only to users it manages', async () => {
    const inside = await userId('shegong');
    const outsideUnit = await station('POST', `/api/users/${inside}/assignments`, {
      role: 'admin',
      unitId: unitIds['LC'],
    });
    expect([outsideUnit.status, outsideUnit.json!.errors[0].field]).toEqual([404, 'unitId']);
    const sibling = await station('POST', `/api/users/${inside}/assignments`, {
      role: 'officer',
      unitId: unitIds['LC-TY'],
    });
    expect(sibling.status).toBe(404);
    const notManaged = await station('POST', `/api/users/${await userId('admin')}/assignments`, {
      role: 'officer',
      unitId: unitIds['LC-HJL'],
    });
    expect(notManaged.status).toBe(404);
    const ok = await station('POST', `/api/users/${inside}/assignments`, {
      role: 'officer',
      unitId: unitIds['LC-HJL-01'],
    });
    expect(ok.status).toBe(201);
  });

  it('leaves users without roles to admins of the whole tree', async () => {
    const refused = await station('POST', '/api/users', { username: 'roleless-a', displayName: '无角色' });
    expect([refused.status, refused.json!.errors[0].field]).toEqual([400, 'assignments']);
    const created = await county('POST', '/api/users', { username: 'roleless-b', displayName: '无角色' });
    expect(created.status).toBe(201);
    const id = created.json!.user.id as string;
    expect((await station('GET', `/api/users/${id}`)).status).toBe(404);
    expect((await station('POST', `/api/users/${id}/reset-password`)).status).toBe(404);
    expect((await county('GET', `/api/users/${id}`)).status).toBe(200);
  });

  it('shows a station admin the audit rows of its subtree, not the county admin’s own', async () => {
    const rows = await station('GET', '/api/audit?limit=200');
    expect(rows.status).toBe(200);
    const adminId = await userId('admin');
    const entries = rows.json!.items as { actorId: string | null; unitId: string | null; action: string }[];
    expect(entries.filter((e) => e.actorId === adminId && e.unitId === null)).toEqual([]);
    expect(entries.map((e) => e.action)).toContain('user.password_reset');
  });
});
