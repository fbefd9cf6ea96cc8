// The data half of the policy: which org units a caller reaches, as SQL that list queries embed
// (never fetch-then-filter). A role held at a unit reaches that unit and its whole subtree:
// a room's officer acts in the room, a station's head or supervisor in the station and its rooms,
// the guidance centre in the county. Admin assignments scope administration (users, units,
// roles, tokens, audit) and give no project content; content comes from the content roles.
import { Prisma } from '../../prisma/generated/client';
import type { TRole } from '../auth/auth.types';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';

/** Roles that see project content in the unit tree. */
export const CONTENT_ROLES: readonly TRole[] = ['officer', 'supervisor'];

/**
 * Roles whose people do case work in the 工作台 (the task inbox): the only people project work may
 * be handed over, copied, chosen in a 人员选择 field, added as a signer or proxied to. A selection
 * office or leading group sees only its talent rounds' approvals there, and an admin account no
 * tasks, so project work given to them would wait where nobody does it (found when a demo 督导老师
 * picked from the selection office stranded a project).
 */
export const WORKBENCH_ROLES: readonly TRole[] = ['officer', 'supervisor', 'committee_member'];

/**
 * Roles that act within the selection rounds assigned to them rather than in a unit subtree.
 * Rounds arrive with the talent-selection issue; it implements this hook over its round
 * assignments. Until then these roles reach no project content (an empty list).
 */
export const ROUND_ROLES: readonly TRole[] = ['selection_office', 'committee_member', 'leading_group'];
export interface RoundScope {
  roundIdsOf(caller: Caller): Promise<string[]>;
}
export const noRoundsYet: RoundScope = { roundIdsOf: () => Promise.resolve([]) };

/** Units where the caller holds one of the roles (every role when omitted). */
export function scopeRoots(caller: Caller, roles?: readonly TRole[]): string[] {
  const ids = caller.assignments.filter((a) => !roles || roles.includes(a.role)).map((a) => a.unitId);
  return [...new Set(ids)];
}

export const adminRoots = (caller: Caller): string[] => scopeRoots(caller, ['admin']);
export const contentRoots = (caller: Caller): string[] => scopeRoots(caller, CONTENT_ROLES);

/** A subquery listing the ids of the roots and every unit below them (recursive CTE over org_unit). */
export function unitsWithin(roots: readonly string[]): Prisma.Sql {
  return Prisma.sql`(WITH RECURSIVE scope(id) AS (
      SELECT id FROM org_unit WHERE id = ANY(${[...roots]}::uuid[])
      UNION SELECT child.id FROM org_unit child JOIN scope ON child.parent_id = scope.id
    ) SELECT id FROM scope)`;
}

export async function isUnitWithin(
  prisma: DbClient,
  roots: readonly string[],
  unitId: string,
): Promise<boolean> {
  if (roots.length === 0) return false;
  const rows = await prisma.$queryRaw<{ inside: boolean }[]>`
    SELECT ${unitId}::uuid IN ${unitsWithin(roots)} AS inside`;
  return rows[0]?.inside === true;
}
