// Pieces shared by the administration contracts.
import { z } from 'zod';
import { ZRole } from '../auth/auth.types';

/** Database ids (UUIDs); anything else is a 400 naming the field, never a database error. */
export const ZId = z.guid();

export const ZIdParams = z.object({ id: ZId });

export const ZRoleAtUnit = z.object({ role: ZRole, unitId: ZId });
export type TRoleAtUnit = z.infer<typeof ZRoleAtUnit>;

export const ZAssignment = z.object({
  id: z.string(),
  role: ZRole,
  unitId: z.string(),
  unitName: z.string(),
});
export type TAssignment = z.infer<typeof ZAssignment>;

/** `true` / `false` in a query string. */
export const ZQueryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ZShortText = (max: number) =>
  z.string().trim().min(1, 'required').max(max, `at most ${max} characters`);
