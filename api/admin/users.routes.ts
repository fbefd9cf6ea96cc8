// Users and their role assignments (admins, within their subtree). Create and reset-password
// answer a one-time password, which is not stored: repeated with their Idempotency-Key they do
// nothing and answer 409 naming the user.
import type { Db } from '../db/prisma-client';
import { defineRoute } from '../http/route';
import { expectAdminSubtree } from '../policy/route-expectations';
import { ZAssignment, ZIdParams } from './common.types';
import {
  addAssignment,
  createUser,
  listUsers,
  loadAdministeredUser,
  removeAssignment,
  resetPassword,
  toAdminUser,
  unlockUser,
  updateUser,
} from './users.service';
import {
  ZAdminUser,
  ZAssignmentParams,
  ZCreateAssignmentRequest,
  ZCreateUserRequest,
  ZCreateUserResponse,
  ZOneTimePasswordResponse,
  ZUpdateUserRequest,
  ZUserListQuery,
  ZUserPage,
} from './users.types';

const admin = { kind: 'admin' } as const;

export function userRoutes(prisma: Db) {
  return [
    defineRoute({
      method: 'get',
      path: '/users',
      tag: 'users',
      summary: 'Users in the admin’s scope, by username',
      access: admin,
      expect: expectAdminSubtree,
      query: ZUserListQuery,
      responses: { 200: { description: 'One page', schema: ZUserPage } },
      handle: async ({ caller, query }) => ({ status: 200, body: await listUsers(prisma, caller, query) }),
    }),
    defineRoute({
      method: 'get',
      path: '/users/:id',
      tag: 'users',
      summary: 'One user (ETag: its revision)',
      access: admin,
      expect: expectAdminSubtree,
      params: ZIdParams,
      responses: { 200: { description: 'The user', schema: ZAdminUser } },
      handle: async ({ caller, params }) => {
        const user = toAdminUser(await loadAdministeredUser(prisma, caller, params.id));
        return { status: 200, body: user, revision: user.revision };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/users',
      tag: 'users',
      summary: 'Create a user with a one-time password (to be changed at first sign-in)',
      access: admin,
      expect: expectAdminSubtree,
      idempotent: true,
      body: ZCreateUserRequest,
      responses: {
        201: { description: 'Created; the password is shown only now', schema: ZCreateUserResponse },
      },
      handle: async ({ db, caller, body }) => {
        const { user, oneTimePassword, audit } = await createUser(db, caller, body);
        return {
          status: 201,
          body: { user, oneTimePassword },
          revision: user.revision,
          audit,
          shownOnce: { resourceType: 'user', resourceId: user.id },
        };
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/users/:id',
      tag: 'users',
      summary: 'Rename or (de)activate a user (deactivation ends their sessions)',
      access: admin,
      expect: expectAdminSubtree,
      params: ZIdParams,
      ifMatch: true,
      body: ZUpdateUserRequest,
      responses: { 200: { description: 'Updated', schema: ZAdminUser } },
      handle: async ({ db, caller, params, body, expectedRevision }) => {
        const { user, audit } = await updateUser(db, caller, params.id, expectedRevision, body);
        return { status: 200, body: user, revision: user.revision, audit };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/users/:id/unlock',
      tag: 'users',
      summary: 'Lift a sign-in lockout',
      access: admin,
      expect: expectAdminSubtree,
      idempotent: true,
      params: ZIdParams,
      responses: { 200: { description: 'Unlocked', schema: ZAdminUser } },
      handle: async ({ db, caller, params }) => {
        const { user, audit } = await unlockUser(db, caller, params.id);
        return { status: 200, body: user, revision: user.revision, audit };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/users/:id/reset-password',
      tag: 'users',
      summary: 'Issue a new one-time password and end the user’s sessions',
      access: admin,
      expect: expectAdminSubtree,
      idempotent: true,
      params: ZIdParams,
      responses: { 200: { description: 'The password is shown only now', schema: ZOneTimePasswordResponse } },
      handle: async ({ db, caller, params }) => {
        const { oneTimePassword, audit } = await resetPassword(db, caller, params.id);
        return {
          status: 200,
          body: { oneTimePassword },
          audit,
          shownOnce: { resourceType: 'user', resourceId: params.id },
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/users/:id/assignments',
      tag: 'users',
      summary: 'Give a user a role in a unit',
      access: admin,
      expect: expectAdminSubtree,
      idempotent: true,
      params: ZIdParams,
      body: ZCreateAssignmentRequest,
      responses: { 201: { description: 'Assigned', schema: ZAssignment } },
      handle: async ({ db, caller, params, body }) => {
        const { assignment, audit } = await addAssignment(db, caller, params.id, body);
        return { status: 201, body: assignment, audit };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/users/:id/assignments/:assignmentId',
      tag: 'users',
      summary: 'Remove a role assignment',
      access: admin,
      expect: expectAdminSubtree,
      params: ZAssignmentParams,
      responses: { 204: { description: 'Removed' } },
      handle: async ({ db, caller, params }) => {
        const { audit } = await removeAssignment(db, caller, params.id, params.assignmentId);
        return { status: 204, audit };
      },
    }),
  ];
}
