// Callers for the API suites: a signed-in person (cookie + CSRF header, through apiAgent) and a
// bearer-token caller (no cookie, no CSRF header), both answering { status, headers, json, text };
// and the product server with the demo admin signed in that most API suites start from.
import { randomUUID } from 'node:crypto';
import { SESSION_COOKIE, createSession } from '../../../api/auth/session-store';
import type { Caller } from '../../../api/auth/caller';
import { createPrismaClient, type Db } from '../../../api/db/prisma-client';
import { contractViolations } from '../../../api/http/response-contract';
import { apiAgent, startTestServer, type TestServer } from '../../support/test-server';

export type Call = ReturnType<typeof apiAgent>;

export async function signIn(baseUrl: string, username: string, password: string): Promise<Call> {
  const agent = apiAgent(baseUrl);
  const res = await agent('POST', '/api/auth/login', { username, password });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${res.text}`);
  return agent;
}

export function bearer(baseUrl: string, token: string): Call {
  const agent = apiAgent(baseUrl);
  return (method, path, body, headers = {}) =>
    agent(method, path, body, { 'x-requested-with': '', authorization: `Bearer ${token}`, ...headers });
}

export interface AdminApi {
  server: TestServer;
  prisma: Db;
  /** The demo admin, signed in. */
  admin: Call;
}

export function demoPassword(server: TestServer, username: string): string {
  return server.demoLogins.find((login) => login.username === username)!.password;
}

/** A product server on a fresh database with the demo county, a Prisma client on it, and the demo admin signed in. */
export async function startAdminApi(options: Parameters<typeof startTestServer>[0] = {}): Promise<AdminApi> {
  const server = await startTestServer(options);
  const prisma = createPrismaClient(server.databaseUrl, 2);
  const admin = await signIn(server.url, 'admin', demoPassword(server, 'admin'));
  return { server, prisma, admin };
}

/** Stops the server; unless told otherwise, checks that every answer the suite saw matched its declared schema. */
export async function stopAdminApi(api: AdminApi | undefined, { checkContracts = true } = {}): Promise<void> {
  await api?.prisma.$disconnect();
  await api?.server.close();
  if (checkContracts) expect(contractViolations).toEqual([]);
}

export async function unitIdByCode(prisma: Db, code: string): Promise<string> {
  return (await prisma.orgUnit.findUniqueOrThrow({ where: { code } })).id;
}

/** Demo people signed in by username: a caller and the user id of each. */
export async function signInDemoPeople(
  api: AdminApi,
  usernames: readonly string[],
): Promise<{ as: Record<string, Call>; userId: Record<string, string> }> {
  const as: Record<string, Call> = {};
  const userId: Record<string, string> = {};
  for (const user of usernames) {
    as[user] = await signIn(api.server.url, user, demoPassword(api.server, user));
    userId[user] = (await api.prisma.user.findUniqueOrThrow({ where: { username: user } })).id;
  }
  return { as, userId };
}

/** The published lifecycle version the caller may start, from their process catalogue. */
export async function lifecycleVersionOf(caller: Call): Promise<string> {
  const catalogue = await caller('GET', '/api/processes');
  return (catalogue.json!.items as { key: string; versionId: string }[]).find(
    (item) => item.key === 'project-lifecycle',
  )!.versionId;
}

/** Starts the newest published lifecycle at the 洪家楼 station through the port, as `starterId`; the project's id. */
export async function startStationLifecycle(
  server: TestServer,
  prisma: Db,
  starterId: string,
  title: string,
): Promise<string> {
  const version = await prisma.processDefinitionVersion.findFirstOrThrow({
    where: { status: 'published', definition: { key: 'project-lifecycle' } },
    orderBy: { version: 'desc' },
  });
  const { instanceId } = await server.orchestrator.start({
    versionId: version.id,
    unitId: await unitIdByCode(prisma, 'LC-HJL'),
    title,
    input: { projectName: title },
    actor: { userId: starterId },
    idempotencyKey: randomUUID(),
  });
  return instanceId;
}

/** Headers of a fresh session of the user, for requests `Call` cannot send (downloads, multipart uploads). */
export async function sessionHeaders(prisma: Db, userId: string): Promise<Record<string, string>> {
  const { token } = await createSession(prisma, { userId, ttlHours: 1 });
  return { cookie: `${SESSION_COOKIE}=${token}`, 'x-requested-with': 'shegong-flow' };
}

/** A signed-in caller as the session middleware builds it, for calling services without HTTP. */
export async function sessionCallerOf(prisma: Db, username: string): Promise<Caller> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { username },
    include: { roles: { include: { unit: true } } },
  });
  return {
    kind: 'session',
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    userKind: 'person',
    mustChangePassword: false,
    assignments: user.roles.map((r) => ({ id: r.id, role: r.role, unitId: r.unitId, unitName: r.unit.name })),
    sessionId: null,
    tokenId: null,
  };
}
