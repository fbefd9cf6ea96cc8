// How the signed-in person is named in the header: display name, their units, and role-at-unit lines.
import type { User } from '../api/types';

export function unitNamesOf(user: User): string[] {
  return [...new Set(user.roles.map((assignment) => assignment.unitName))];
}
