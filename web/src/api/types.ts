// Wire types of the HTTP API. Request and response shapes come from the server's zod contracts,
// so a change on either side fails the type-check of the other.

import type { TLoginRequest, TRole, TUser } from '../../../api/auth/auth.types';
import { errorStatus, type ErrorCode } from '../../../api/http/app-error';

export type Role = TRole;
/** The signed-in person; `mustChangePassword` sends them to the change-password page before anything else. */
export type User = TUser & { mustChangePassword?: boolean };
export type RoleAssignment = User['roles'][number];
export type LoginRequest = TLoginRequest;

export interface LoginResponse {
  user: User;
}

export interface MeResponse {
  user: User;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface HealthResponse {
  status: 'ok';
  database: 'up';
  runtime: 'embedded' | 'temporal';
  version: string;
}

/** Codes produced by the client itself when no problem body arrives. */
const CLIENT_ERROR_CODES = ['NETWORK_ERROR', 'UNEXPECTED_RESPONSE'] as const;

/** Error codes the web app has a localised message for: every server code plus the client's own. */
export const KNOWN_ERROR_CODES = [...(Object.keys(errorStatus) as ErrorCode[]), ...CLIENT_ERROR_CODES];

export type KnownErrorCode = ErrorCode | (typeof CLIENT_ERROR_CODES)[number];

export interface ProblemFieldError {
  field: string;
  reason: string;
  reasonZh?: string;
}

/** RFC 9457 problem details as the server renders every error. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  detailZh?: string;
  code: string;
  errors?: ProblemFieldError[];
  requestId?: string;
}
