// Wire types of the HTTP API, mirroring the server contract until they are generated from its zod schemas.

export const ROLES = [
  'admin',
  'officer',
  'supervisor',
  'committee_member',
  'selection_office',
  'leading_group',
] as const;

export type Role = (typeof ROLES)[number];

export interface RoleAssignment {
  role: Role;
  unitId: string;
  unitName: string;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: RoleAssignment[];
}

export interface LoginRequest {
  username: string;
  password: string;
}

export interface LoginResponse {
  user: User;
}

export interface MeResponse {
  user: User;
}

export interface HealthResponse {
  status: 'ok';
  database: 'up';
  runtime: 'embedded' | 'temporal';
  version: string;
}

/** Error codes the web app has a localised message for; the server may send others. */
export const KNOWN_ERROR_CODES = [
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF_REJECTED',
  'NOT_FOUND',
  'INTERNAL_ERROR',
  'NETWORK_ERROR',
  'UNEXPECTED_RESPONSE',
] as const;

export type KnownErrorCode = (typeof KNOWN_ERROR_CODES)[number];

export interface ProblemFieldError {
  field: string;
  reason: string;
}

/** RFC 9457 problem details as the server renders every error. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  errors?: ProblemFieldError[];
}
