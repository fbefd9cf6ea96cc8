// Wire types of the administration API (units, users, role assignments, API tokens, audit), as agreed
// in the issue-10 contract. They mirror the server's zod contracts under api/admin/.
import type { Role } from '../api/types';

export const UNIT_KINDS = ['county_center', 'station', 'room'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface Unit {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  active: boolean;
  revision: number;
}

export interface UnitList {
  items: Unit[];
}

export interface CreateUnitRequest {
  code: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
}

export interface UpdateUnitRequest {
  name?: string;
  parentId?: string | null;
  active?: boolean;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface UserAssignment {
  id: string;
  role: Role;
  unitId: string;
  unitName: string;
}

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  active: boolean;
  locked: boolean;
  mustChangePassword: boolean;
  kind: 'person' | 'service';
  assignments: UserAssignment[];
  revision: number;
}

export interface UserFilters {
  q?: string;
  unitId?: string;
  role?: Role;
  active?: boolean;
}

export interface RoleAtUnit {
  role: Role;
  unitId: string;
}

export interface CreateUserRequest {
  username: string;
  displayName: string;
  assignments?: RoleAtUnit[];
}

export interface CreateUserResponse {
  user: AdminUser;
  oneTimePassword: string;
}

export interface UpdateUserRequest {
  displayName?: string;
  active?: boolean;
}

export interface OneTimePasswordResponse {
  oneTimePassword: string;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  assignments: Array<RoleAtUnit & { unitName: string }>;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdBy: string;
}

export interface CreateTokenRequest {
  name: string;
  assignments: RoleAtUnit[];
  expiresAt?: string;
}

export interface CreateTokenResponse {
  token: string;
  item: ApiToken;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  tokenId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  unitId: string | null;
  summary: string;
  requestId: string | null;
  clientAddress: string | null;
}

export interface AuditFilters {
  actorId?: string;
  action?: string;
  resourceType?: string;
  resourceId?: string;
  unitId?: string;
  from?: string;
  to?: string;
}
