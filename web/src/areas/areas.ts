// The work areas of the app, which roles use each, and where a person lands after signing in.
import type { Role, User } from '../api/types';

export const AREAS = [
  // Committee members score reviews from the inbox; the selection office confirms a round's list and
  // the leading group decides on it there (the round process's approvals).
  {
    key: 'inbox',
    path: '/inbox',
    roles: ['officer', 'supervisor', 'committee_member', 'selection_office', 'leading_group', 'admin'],
  },
  { key: 'projects', path: '/projects', roles: ['officer', 'supervisor', 'admin'] },
  // Subtree figures are for the content roles; admins administer and see no project content.
  { key: 'dashboards', path: '/dashboards', roles: ['officer', 'supervisor'] },
  // Admins administer: talent dossiers are personal data the talent routes refuse them.
  { key: 'talent', path: '/talent', roles: ['committee_member', 'selection_office', 'leading_group'] },
  // Incidents: supervisors over their subtree, admins everywhere (they operate the runtime).
  { key: 'incidents', path: '/incidents', roles: ['supervisor', 'admin'] },
  { key: 'designer', path: '/designer', roles: ['admin'] },
  { key: 'admin', path: '/admin', roles: ['admin'] },
] as const satisfies ReadonlyArray<{ key: string; path: string; roles: readonly Role[] }>;

export type Area = (typeof AREAS)[number];
export type AreaKey = Area['key'];

export function mayUseArea(user: User, area: Area): boolean {
  const allowed: readonly Role[] = area.roles;
  return user.roles.some((assignment) => allowed.includes(assignment.role));
}

export function visibleAreas(user: User): Area[] {
  return AREAS.filter((area) => mayUseArea(user, area));
}

/** The first area the user may see, or undefined when none of their roles uses any area. */
export function homePathFor(user: User): string | undefined {
  return visibleAreas(user)[0]?.path;
}

export function areaForPath(pathname: string): Area | undefined {
  return AREAS.find((area) => pathname === area.path || pathname.startsWith(`${area.path}/`));
}
