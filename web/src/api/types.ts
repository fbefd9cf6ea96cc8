// Wire types of the HTTP API. Request and response shapes come from the server's zod contracts,
// so a change on either side fails the type-check of the other.

import type { z } from 'zod';
import type {
  TChangePasswordRequest,
  TLoginRequest,
  TRole,
  TUser,
  ZUserResponse,
} from '../../../api/auth/auth.types';
import { errorStatus, type ErrorCode } from '../../../api/http/app-error';
import type { ZFieldError } from '../../../api/http/problem.types';

export type Role = TRole;
export type User = TUser;
export type RoleAssignment = User['roles'][number];
export type LoginRequest = TLoginRequest;

export type LoginResponse = z.infer<typeof ZUserResponse>;
export type MeResponse = z.infer<typeof ZUserResponse>;

export type ChangePasswordRequest = TChangePasswordRequest;

/** Codes produced by the client itself when no problem body arrives. */
const CLIENT_ERROR_CODES = ['NETWORK_ERROR', 'UNEXPECTED_RESPONSE'] as const;

/** Error codes the web app has a localised message for: every server code plus the client's own. */
export const KNOWN_ERROR_CODES = [...(Object.keys(errorStatus) as ErrorCode[]), ...CLIENT_ERROR_CODES];

export type KnownErrorCode = ErrorCode | (typeof CLIENT_ERROR_CODES)[number];

export type ProblemFieldError = z.infer<typeof ZFieldError>;

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
