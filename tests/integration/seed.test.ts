import { verifyPassword } from '../../api/auth/password';
import { seedDemo } from '../../prisma/seed/seed-demo';
import { demoCommitteeMembers } from '../../prisma/seed/demo-committee';
import { demoUnits, demoUsers } from '../../prisma/seed/demo-county';
import { createPrismaClient, type Db } from '../../api/db/prisma-client';
import type { Prisma } from '../../prisma/generated/client';
import { seedBuiltInDefinitions } from '../../prisma/seed/seed-definitions';
import { builtInDefinitions } from '../../workflows/definitions';
import { contentHash } from '../../workflows/engine';
import { createTestPrisma } from '../support/test-database';

jest.setTimeout(60_000);

describe('demo seed', () => {
  let ctx: Awaited<ReturnType<typeof createTestPrisma>>;
  beforeAll(async () => {
    ctx = await createTestPrisma();
  });
  afterAll(() => ctx.close());

  it('seeds the demo county as a three-tier tree with a demo user for every role', async () => {
    const result = await seedDemo(ctx.prisma);
    expect(result.seeded).toBe(true);

    const units = await ctx.prisma.orgUnit.findMany({ include: { parent: true } });
    expect(units).toHaveLength(10);
    const byKind = (kind: string) => units.filter((u) => u.kind === kind);
    expect(byKind('county_center')).toHaveLength(1);
    expect(byKind('station')).toHaveLength(3);
    expect(byKind('room')).toHaveLength(6);
    expect(byKind('county_center')[0]!.parentId).toBeNull();
    for (const station of byKind('station')) expect(station.parent?.kind).toBe('county_center');
    for (const room of byKind('room')) expect(room.parent?.kind).toBe('station');
    for (const unit of units) expect(unit.name).toMatch(/[\u4e00-\u9fff]/);

    const assignments = await ctx.prisma.roleAssignment.findMany({ include: { unit: true, user: true } });
    const roles = [...new Set(assignments.map((a) => a.role))].sort();
    expect(roles).toEqual([
      'admin',
      'committee_member',
      'leading_group',
      'officer',
      'selection_office',
      'supervisor',
    ]);
    const unitOf = (username: string) => assignments.find((a) => a.user.username === username)!.unit.kind;
    expect(unitOf('shegong')).toBe('station');
    expect(unitOf('zhanzhang')).toBe('station');
    // The centre's supervisor approves plans; the room's officer sees only the room's projects.
    expect(unitOf('zhongxin')).toBe('county_center');
    expect(unitOf('shegong-room')).toBe('room');
    // The station head heads the station, the centre's supervisor the centre (unitHead rules).
    const heads = await ctx.prisma.orgUnit.findMany({
      where: { headId: { not: null } },
      include: { head: true },
    });
    expect(Object.fromEntries(heads.map((unit) => [unit.code, unit.head?.username]))).toEqual({
      LC: 'zhongxin',
      'LC-HJL': 'zhanzhang',
    });
    expect(unitOf('admin')).toBe('county_center');
    expect(unitOf('xuanba')).toBe('county_center');
  });

  it('returns each demo password, stores only an Argon2id hash of it', async () => {
    const users = await ctx.prisma.user.findMany();
    expect(users).toHaveLength(demoUsers.length + demoCommitteeMembers.length);
    for (const user of users) expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('never seeds a database that already has users', async () => {
    const again = await seedDemo(ctx.prisma);
    expect(again).toEqual({ seeded: false, logins: [] });
    expect(await ctx.prisma.orgUnit.count()).toBe(demoUnits.length);
  });
});

describe('demo seed passwords', () => {
  it('can be fixed by the caller and verify against the stored hash', async () => {
    const ctx = await createTestPrisma();
    try {
      const result = await seedDemo(ctx.prisma, { passwords: { admin: 'correct horse battery staple' } });
      const admin = result.logins.find((l) => l.username === 'admin')!;
      expect(admin.password).toBe('correct horse battery staple');
      const stored = await ctx.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } });
      expect(await verifyPassword(stored.passwordHash, admin.password)).toBe(true);
      expect(await verifyPassword(stored.passwordHash, 'wrong')).toBe(false);
      const others = result.logins.filter((l) => l.username !== 'admin');
      expect(new Set(others.map((l) => l.password)).size).toBe(others.length);
    } finally {
      await ctx.close();
    }
  });
});

describe('built-in definitions at start-up', () => {
  const key = 'project-lifecycle';
  const shipped = builtInDefinitions[key]!;
  const { [key]: _lifecycle, ...others } = builtInDefinitions;

  async function versionsOf(prisma: Db) {
    return prisma.processDefinitionVersion.findMany({
      where: { definition: { key } },
      orderBy: { version: 'asc' },
      select: { id: true, version: true, contentHash: true, shipped: true },
    });
  }

  it('leaves a version an admin published after the shipped one in place across restarts', async () => {
    const ctx = await createTestPrisma();
    try {
      await seedBuiltInDefinitions(ctx.prisma);
      const [first] = await versionsOf(ctx.prisma);
      const edited = { ...shipped, name: `${shipped.name}（本地修订）` };
      const admin = await ctx.prisma.user.create({
        data: { username: 'designer-admin', displayName: '管理员', passwordHash: 'x' },
      });
      const adminVersion = await ctx.prisma.processDefinitionVersion.create({
        data: {
          definitionId: (await ctx.prisma.processDefinition.findUniqueOrThrow({ where: { key } })).id,
          version: 2,
          status: 'published',
          graph: edited as unknown as Prisma.InputJsonValue,
          contentHash: contentHash(edited),
          createdById: admin.id,
          publishedAt: new Date(),
        },
      });

      // Two restarts with the same shipped content: the admin's version stays the newest.
      await seedBuiltInDefinitions(ctx.prisma);
      await seedBuiltInDefinitions(ctx.prisma);
      expect((await versionsOf(ctx.prisma)).map((v) => v.id)).toEqual([first!.id, adminVersion.id]);
    } finally {
      await ctx.close();
    }
  });

  it('publishes a new shipped version when the shipped content changed, after the admin’s', async () => {
    const ctx = await createTestPrisma();
    try {
      await seedBuiltInDefinitions(ctx.prisma);
      const definitionId = (await ctx.prisma.processDefinition.findUniqueOrThrow({ where: { key } })).id;
      const edited = { ...shipped, name: `${shipped.name}（本地修订）` };
      await ctx.prisma.processDefinitionVersion.create({
        data: {
          definitionId,
          version: 2,
          status: 'published',
          graph: edited as unknown as Prisma.InputJsonValue,
          contentHash: contentHash(edited),
          publishedAt: new Date(),
        },
      });
      const release = { ...shipped, description: '新版本随产品发布' };
      const ids = await seedBuiltInDefinitions(ctx.prisma, { ...others, [key]: release });
      const versions = await versionsOf(ctx.prisma);
      expect(versions.map((v) => [v.version, v.shipped])).toEqual([
        [1, true],
        [2, false],
        [3, true],
      ]);
      expect(versions[2]!.contentHash).toBe(contentHash(release));
      expect(ids[key]).toBe(versions[2]!.id);
    } finally {
      await ctx.close();
    }
  });

  it('publishes each definition once when several processes start together', async () => {
    const ctx = await createTestPrisma();
    const clients = Array.from({ length: 4 }, () => createPrismaClient(ctx.db.url, 2));
    try {
      const results = await Promise.allSettled(clients.map((prisma) => seedBuiltInDefinitions(prisma)));
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      const counts = await ctx.prisma.processDefinitionVersion.groupBy({
        by: ['definitionId'],
        _count: { _all: true },
      });
      expect(counts.map((c) => c._count._all)).toEqual(Object.keys(builtInDefinitions).map(() => 1));
      // Every process got the same version ids back.
      const ids = results.map((r) => (r.status === 'fulfilled' ? r.value : undefined));
      for (const other of ids.slice(1)) expect(other).toEqual(ids[0]);
    } finally {
      await Promise.all(clients.map((prisma) => prisma.$disconnect()));
      await ctx.close();
    }
  });
});
