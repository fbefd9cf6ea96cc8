// Seeds the demo county into an empty database. The same function builds the fixtures of the
// integration and end-to-end tests, so what the tests log in with is what a demo user sees.
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../api/auth/password';
import type { PrismaClient } from '../generated/client';
import { demoCommitteeMembers } from './demo-committee';
import { demoUnits, demoUsers, type DemoUser } from './demo-county';
import { SEED_TRANSACTION } from './seed-transaction';

export interface DemoLogin extends DemoUser {
  password: string;
  unitName: string;
}

export interface SeedResult {
  seeded: boolean;
  logins: DemoLogin[];
}

/** A readable random password: 12 characters from an unambiguous alphabet. */
export function generateDemoPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY346789';
  const bytes = randomBytes(12);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/**
 * Seeds units and one user per role unless any user exists already (seeding never touches a
 * database in use). Passwords are random per installation unless given.
 */
export async function seedDemo(
  prisma: PrismaClient,
  options: { passwords?: Partial<Record<string, string>> } = {},
): Promise<SeedResult> {
  if ((await prisma.user.count()) > 0) return { seeded: false, logins: [] };
  const logins = await Promise.all(
    [...demoUsers, ...demoCommitteeMembers].map(async (user) => {
      const password = options.passwords?.[user.username] ?? generateDemoPassword();
      return { user, password, passwordHash: await hashPassword(password) };
    }),
  );
  return prisma.$transaction(async (tx) => {
    const unitIds = new Map<string, string>();
    for (const unit of demoUnits) {
      const parentId = unit.parentCode ? unitIds.get(unit.parentCode) : undefined;
      const row = await tx.orgUnit.create({
        data: { code: unit.code, name: unit.name, kind: unit.kind, parentId: parentId ?? null },
      });
      unitIds.set(unit.code, row.id);
    }
    const result: DemoLogin[] = [];
    for (const { user, password, passwordHash } of logins) {
      const unitId = unitIds.get(user.unitCode);
      if (!unitId) throw new Error(`demo user ${user.username} names unknown unit ${user.unitCode}`);
      const created = await tx.user.create({
        data: {
          username: user.username,
          displayName: user.displayName,
          passwordHash,
          roles: { create: { role: user.role, unitId } },
        },
      });
      if (user.heads) await tx.orgUnit.update({ where: { id: unitId }, data: { headId: created.id } });
      const unitName = demoUnits.find((u) => u.code === user.unitCode)?.name ?? user.unitCode;
      result.push({ ...user, password, unitName });
    }
    return { seeded: true, logins: result };
  }, SEED_TRANSACTION);
}
