// Every role an admin can assign, in the order the pickers list them.
import type { Role } from '../api/types';

// A record over Role: a role added on the server fails type-checking here until the pickers offer it.
const ROLE_ORDER = {
  officer: 1,
  supervisor: 2,
  admin: 3,
  committee_member: 4,
  selection_office: 5,
  leading_group: 6,
} as const satisfies Record<Role, number>;

export const ROLES = Object.keys(ROLE_ORDER) as Role[];
