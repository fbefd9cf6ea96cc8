// Wire contracts of user and role-assignment administration; the web imports them.
import { z } from 'zod';
import { zhFor } from '../../workflows/engine/zh-reasons';
import { ZRole } from '../auth/auth.types';
import { ZPageQuery, pageOf } from '../http/pagination';
import { ZAssignment, ZId, ZQueryBoolean, ZRoleAtUnit, ZShortText } from './common.types';

export const ZAdminUser = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    active: z.boolean(),
    locked: z.boolean(),
    mustChangePassword: z.boolean(),
    kind: z.enum(['person', 'service']),
    assignments: z.array(ZAssignment),
    revision: z.number().int(),
  })
  .meta({ id: 'AdminUser' });
export type TAdminUser = z.infer<typeof ZAdminUser>;

export const ZUserListQuery = ZPageQuery.extend({
  q: z.string().trim().max(100).optional(),
  unitId: ZId.optional(),
  role: ZRole.optional(),
  active: ZQueryBoolean.optional(),
});
export type TUserListQuery = z.infer<typeof ZUserListQuery>;

export const ZUserPage = pageOf(ZAdminUser);

export const ZCreateUserRequest = z.object({
  username: z
    .string()
    .trim()
    .min(2, 'at least 2 characters')
    .max(50, 'at most 50 characters')
    .regex(
      /^[a-z0-9][a-z0-9._-]*$/,
      zhFor(
        'lower-case letters, digits, dot, underscore, hyphen, starting with a letter or digit',
        '只能包含小写字母、数字、点（.）、下划线（_）和连字符（-），且以小写字母或数字开头',
      ),
    ),
  displayName: ZShortText(100),
  assignments: z.array(ZRoleAtUnit).max(20).optional(),
});
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;

export const ZCreateUserResponse = z.object({ user: ZAdminUser, oneTimePassword: z.string() });

export const ZUpdateUserRequest = z.object({
  displayName: ZShortText(100).optional(),
  active: z.boolean().optional(),
});
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;

export const ZOneTimePasswordResponse = z.object({ oneTimePassword: z.string() });

export const ZAssignmentParams = z.object({ id: ZId, assignmentId: ZId });
export const ZCreateAssignmentRequest = ZRoleAtUnit;
