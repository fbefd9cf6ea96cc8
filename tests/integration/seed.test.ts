import { verifyPassword } from '../../api/auth/password';
import { seedDemo } from '../../prisma/seed/seed-demo';
import { demoUnits, demoUsers } from '../../prisma/seed/demo-county';
import { createTestPrisma } from '../support/test-database';

describe('demo seed', () => {
  let ctx: Awaited<ReturnType<typeof createTestPrisma>>;
  beforeAll(async () => {
    ctx = await createTestPrisma();
  });
  afterAll(() => ctx.close());

  it('seeds the demo county as a three-tier tree with one demo user per role', async () => {
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
    const roles = assignments.map((a) => a.role).sort();
    expect(roles).toEqual([
      'admin',
      'committee_member',
      'leading_group',
      'officer',
      'selection_office',
      'supervisor',
    ]);
    const unitOf = (role: string) => assignments.find((a) => a.role === role)!.unit.kind;
    expect(unitOf('officer')).toBe('station');
    expect(unitOf('supervisor')).toBe('station');
    expect(unitOf('admin')).toBe('county_center');
    expect(unitOf('selection_office')).toBe('county_center');
  });

  it('returns each demo password, stores only an Argon2id hash of it', async () => {
    const users = await ctx.prisma.user.findMany();
    expect(users).toHaveLength(demoUsers.length);
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
