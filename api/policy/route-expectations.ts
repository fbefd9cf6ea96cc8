// Expected outcomes of a route for each kind of caller, declared beside the route and checked by
// the authorization matrix test (tests/integration/authorization-matrix.test.ts). They are written
// as data, apart from the policy code, so a policy change that widens access fails the matrix.
import type { TRole } from '../auth/auth.types';

/**
 * allow: succeeds wherever the target sits; subtree: succeeds for a target in the caller's unit
 * or below it, and is hidden (404, or absent from a list) in the parent, a sibling or another
 * county; forbidden: 403 for this role whatever the target; hidden: the route answers this role,
 * but never with the target (404, or absent from a list) wherever it sits: the role sees a
 * project only while it takes part in it.
 */
export type RoleOutcome = 'allow' | 'subtree' | 'forbidden' | 'hidden';

export interface RouteExpectations {
  anonymous: 'allow' | 'unauthenticated';
  roles: Record<TRole, RoleOutcome>;
  /** A bearer token holding the same role gets the same outcome, or 403 on person-only routes. */
  bearer: 'same' | 'forbidden';
}

const everyRole = (outcome: RoleOutcome): Record<TRole, RoleOutcome> => ({
  admin: outcome,
  officer: outcome,
  supervisor: outcome,
  committee_member: outcome,
  selection_office: outcome,
  leading_group: outcome,
});

export const expectPublic: RouteExpectations = {
  anonymous: 'allow',
  roles: everyRole('allow'),
  bearer: 'same',
};

export const expectSignedIn: RouteExpectations = {
  anonymous: 'unauthenticated',
  roles: everyRole('allow'),
  bearer: 'same',
};

export const expectPersonOnly: RouteExpectations = { ...expectSignedIn, bearer: 'forbidden' };

/** Reads over the unit tree: every role sees its own unit and what lies below. */
export const expectOwnSubtree: RouteExpectations = {
  anonymous: 'unauthenticated',
  roles: everyRole('subtree'),
  bearer: 'same',
};

/** Administration: admins within their subtree, every other role refused. */
export const expectAdminSubtree: RouteExpectations = {
  anonymous: 'unauthenticated',
  roles: { ...everyRole('forbidden'), admin: 'subtree' },
  bearer: 'same',
};

/**
 * Projects and their tasks: the content roles (officer, supervisor) within their subtree; any
 * other role sees a project only while taking part in it, which the matrix's targets never are.
 */
export const expectContentSubtree: RouteExpectations = {
  anonymous: 'unauthenticated',
  roles: { ...everyRole('hidden'), officer: 'subtree', supervisor: 'subtree' },
  bearer: 'same',
};

/** Terminating a project: supervisors within their subtree, every other role refused. */
export const expectSupervisorSubtree: RouteExpectations = {
  anonymous: 'unauthenticated',
  roles: { ...everyRole('forbidden'), supervisor: 'subtree' },
  bearer: 'same',
};

/**
 * The caller's own notifications (persons only): every role receives those addressed to it at its
 * unit or below (the matrix addresses one to the caller's role at the target's unit, reaching the
 * unit and its ancestors), never another unit's.
 */
export const expectRecipientSubtree: RouteExpectations = {
  anonymous: 'unauthenticated',
  roles: everyRole('subtree'),
  bearer: 'forbidden',
};

/**
 * Dashboards: officers and supervisors over their subtree; roles that see projects only while
 * taking part in one have no subtree figures: refused.
 */
export const expectContentDashboard: RouteExpectations = {
  anonymous: 'unauthenticated',
  roles: { ...everyRole('forbidden'), officer: 'subtree', supervisor: 'subtree' },
  bearer: 'same',
};

/**
 * The working-day calendar is one for the whole installation: every admin, wherever their unit,
 * reads and changes it; every other role is refused.
 */
export const expectAnyAdmin: RouteExpectations = {
  anonymous: 'unauthenticated',
  roles: { ...everyRole('forbidden'), admin: 'allow' },
  bearer: 'same',
};

/**
 * Proxy periods (代理) of other people: supervisors and admins over the person's unit; anyone else
 * sees only the periods they are part of, which the matrix's targets never are (persons only).
 */
export const expectProxyOverseer: RouteExpectations = {
  anonymous: 'unauthenticated',
  roles: { ...everyRole('hidden'), supervisor: 'subtree', admin: 'subtree' },
  bearer: 'forbidden',
};

/** Setting a proxy for another person: supervisors and admins over them; every other role refused. */
export const expectProxySetter: RouteExpectations = {
  anonymous: 'unauthenticated',
  roles: { ...everyRole('forbidden'), supervisor: 'subtree', admin: 'subtree' },
  bearer: 'forbidden',
};

/** Incidents: supervisors over their subtree, admins everywhere (they operate the runtime); others refused. */
export const expectIncidentOperators: RouteExpectations = {
  anonymous: 'unauthenticated',
  roles: { ...everyRole('forbidden'), supervisor: 'subtree', admin: 'allow' },
  bearer: 'same',
};

/**
 * Talent rounds and their applications (issue 12): the selection office over the rounds of its
 * unit's subtree; admins (no talent data, as no project content) and every other role refused.
 */
export const expectSelectionOfficeSubtree: RouteExpectations = {
  anonymous: 'unauthenticated',
  roles: { ...everyRole('forbidden'), selection_office: 'subtree' },
  bearer: 'same',
};

/**
 * A committee member's own reviews (issue 12): committee members for the applications assigned to
 * them in rounds of their unit or below (the matrix assigns the target to the caller); persons
 * only, since scores are a person's judgement; every other role refused.
 */
export const expectCommitteeMemberOwn: RouteExpectations = {
  anonymous: 'unauthenticated',
  roles: { ...everyRole('forbidden'), committee_member: 'subtree' },
  bearer: 'forbidden',
};

/**
 * A round's ranking results (issue 12): the selection office over the rounds of its subtree, and the
 * leading group, read-only, over the ranked rounds of its subtree (the list it approves); every
 * other role refused.
 */
export const expectOfficeOrLeadingGroupSubtree: RouteExpectations = {
  anonymous: 'unauthenticated',
  roles: { ...everyRole('forbidden'), selection_office: 'subtree', leading_group: 'subtree' },
  bearer: 'same',
};

/** The leading group's own round list: its subtree's ranked rounds; every other role refused. */
export const expectLeadingGroupSubtree: RouteExpectations = {
  anonymous: 'unauthenticated',
  roles: { ...everyRole('forbidden'), leading_group: 'subtree' },
  bearer: 'same',
};
