// Wire types of the administration API (units, users, role assignments, API tokens, audit), inferred
// from the server's zod contracts so a change on either side fails the other's type-check.
// Type-only imports: none of zod reaches the browser bundle.
import type { z } from 'zod';
import type { TAuditEntry, TAuditFilters } from '../../../api/admin/audit.types';
import type {
  TAddCalendarDayRequest,
  TCalendarDay,
  TCalendarDayKind,
  TCalendarYear,
} from '../../../api/admin/calendar.types';
import type { TAssignment, TRoleAtUnit } from '../../../api/admin/common.types';
import type { TApiToken, TCreateTokenRequest, ZCreateTokenResponse } from '../../../api/admin/tokens.types';
import type {
  TCreateUnitRequest,
  TUnit,
  TUnitKind,
  TUnitList,
  TUpdateUnitRequest,
} from '../../../api/admin/units.types';
import type {
  TAdminUser,
  TCreateUserRequest,
  TUpdateUserRequest,
  TUserListQuery,
  ZCreateUserResponse,
  ZOneTimePasswordResponse,
} from '../../../api/admin/users.types';

export type UnitKind = TUnitKind;
export type Unit = TUnit;
export type UnitList = TUnitList;
export type CreateUnitRequest = TCreateUnitRequest;
export type UpdateUnitRequest = TUpdateUnitRequest;

// A record over the kinds: a kind added on the server fails type-checking here until the pickers offer it.
const KIND_ORDER = { county_center: 1, station: 2, room: 3 } as const satisfies Record<UnitKind, number>;
export const UNIT_KINDS = Object.keys(KIND_ORDER) as UnitKind[];

/** One page of a cursor-paginated list (the server's `pageOf`). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type UserAssignment = TAssignment;
export type AdminUser = TAdminUser;
export type UserFilters = Pick<TUserListQuery, 'q' | 'unitId' | 'role' | 'active'>;
export type RoleAtUnit = TRoleAtUnit;
export type CreateUserRequest = TCreateUserRequest;
export type CreateUserResponse = z.infer<typeof ZCreateUserResponse>;
export type UpdateUserRequest = TUpdateUserRequest;
export type OneTimePasswordResponse = z.infer<typeof ZOneTimePasswordResponse>;

export type ApiToken = TApiToken;
export type CreateTokenRequest = TCreateTokenRequest;
export type CreateTokenResponse = z.infer<typeof ZCreateTokenResponse>;

export type AuditEntry = TAuditEntry;
export type AuditFilters = TAuditFilters;

export type CalendarYear = TCalendarYear;
export type CalendarDay = TCalendarDay;
export type CalendarDayKind = TCalendarDayKind;
export type AddCalendarDayRequest = TAddCalendarDayRequest;
