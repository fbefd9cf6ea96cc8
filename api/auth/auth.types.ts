// Wire contracts of the auth routes; the web client imports these types.
import { z } from 'zod';
import { ZRole } from '../../workflows/engine/definition-schema';

// One list of roles for the process engine, the database enum and the API.
export { ZRole };

export type TRole = z.infer<typeof ZRole>;

export const ZLoginRequest = z.object({
  username: z.string().trim().min(1, 'required').max(100, 'at most 100 characters'),
  password: z.string().min(1, 'required').max(1000, 'at most 1000 characters'),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZUser = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.object({ role: ZRole, unitId: z.string(), unitName: z.string() })),
    /** A one-time password is in use: the web app sends the user to the change-password page. */
    mustChangePassword: z.boolean(),
  })
  .meta({ id: 'CurrentUser' });
export type TUser = z.infer<typeof ZUser>;

export const ZUserResponse = z.object({ user: ZUser });

export const ZChangePasswordRequest = z.object({
  currentPassword: z.string().min(1, 'required').max(1000, 'at most 1000 characters'),
  newPassword: z.string().min(1, 'required').max(200, 'at most 200 characters'),
});
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;
