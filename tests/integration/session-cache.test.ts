// The session cache (api/auth/session-cache.ts) never answers with an outdated caller: a role
// removed through the API counts on the very next request, and a change made behind the server's
// back (another process, or by hand) counts as soon as the database's notice arrives.
import { randomUUID } from 'node:crypto';
import { createPrismaClient, type Db } from '../../api/db/prisma-client';
import { addPerson, demoLogin, signInApi, type ApiCall } from '../support/work-api-steps';
import { startTestServer, type TestServer } from '../support/test-server';

jest.setTimeout(120_000);

describe('session cache', () => {
  let server: TestServer;
  let prisma: Db;
  let admin: ApiCall;

  /** A second admin of the county, signed in, whose callers the cache has kept. */
  async function cachedAdmin(): Promise<{ call: ApiCall; userId: string; assignmentId: string }> {
    const login = await addPerson(server, {
      username: `admin-${randomUUID().slice(0, 8)}`,
      displayName: '第二管理员',
      role: 'admin',
      unitCode: 'LC',
    });
    const call = await signInApi(server, login);
    for (let i = 0; i < 3; i++) expect((await call('GET', '/api/users')).status).toBe(200);
    const user = await prisma.user.findUniqueOrThrow({
      where: { username: login.username },
      include: { roles: true },
    });
    return { call, userId: user.id, assignmentId: user.roles[0]!.id };
  }

  /** The admin's answer once it is no longer 200, asking every 20 ms for up to 5 s (the notice's way). */
  async function statusOnceNoticed(call: ApiCall): Promise<number> {
    const deadline = Date.now() + 5_000;
    let status = 200;
    while (status === 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      status = (await call('GET', '/api/users')).status;
    }
    return status;
  }

  beforeAll(async () => {
    server = await startTestServer();
    prisma = createPrismaClient(server.databaseUrl, 2);
    admin = await signInApi(server, demoLogin(server, 'admin'));
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await server.close();
  });

  it('refuses a role removed through the API on the very next request', async () => {
    const second = await cachedAdmin();
    const removed = await admin('DELETE', `/api/users/${second.userId}/assignments/${second.assignmentId}`);
    expect(removed.status).toBe(204);
    expect((await second.call('GET', '/api/users')).status).toBe(403);
  });

  it('refuses a role removed in the database by another process once its notice arrives', async () => {
    const second = await cachedAdmin();
    await prisma.roleAssignment.delete({ where: { id: second.assignmentId } });
    expect(await statusOnceNoticed(second.call)).toBe(403);
  });

  it('signs out a session ended in the database by another process', async () => {
    const second = await cachedAdmin();
    await prisma.session.deleteMany({ where: { userId: second.userId } });
    expect(await statusOnceNoticed(second.call)).toBe(401);
  });
});
