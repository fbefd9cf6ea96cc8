// Who may take a task over (改派, 委派, 转办, 代理): the one rule the engine applies to every
// hand-over, and the host applies before one (a proxy period is refused at creation when the proxy
// could not take the person's tasks), so the two never disagree.
import type { RoleAssignment } from './engine-events';
import type { InstanceState, ResolvedAssignee } from './instance-state';

/** A unit and those above it, nearest first; 'any' for an instance started without a unit. */
export type UnitLine = readonly string[] | 'any';

export function unitLineOf(state: Pick<InstanceState, 'unitId' | 'unitAncestors'>): UnitLine {
  return state.unitId === undefined ? 'any' : [state.unitId, ...(state.unitAncestors ?? [])];
}

/** Whether one of `assignments` is one of `roles` ('any': any role) at a unit of `line`. */
export function holdsRoleOnLine(
  assignments: readonly RoleAssignment[] | undefined,
  roles: readonly string[] | 'any',
  line: UnitLine,
): boolean {
  return (assignments ?? []).some(
    (held) =>
      (roles === 'any' || roles.includes(held.role)) && (line === 'any' || line.includes(held.unitId)),
  );
}

/** What a task asks of whoever takes it over: its role for a role task, any role for a person's task. */
export function rolesToTakeOver(assignee: ResolvedAssignee): readonly string[] | 'any' {
  return assignee.type === 'role' ? [assignee.role] : 'any';
}

/**
 * Whether someone holding `assignments` may take over a task with `assignee` at an instance on
 * `line`: a role task needs its role at the instance's unit or a unit above it (so a centre
 * supervisor may take a station head's approval); a person's task any role on that line.
 */
export function mayTakeOver(
  assignments: readonly RoleAssignment[] | undefined,
  assignee: ResolvedAssignee,
  line: UnitLine,
): boolean {
  return holdsRoleOnLine(assignments, rolesToTakeOver(assignee), line);
}
