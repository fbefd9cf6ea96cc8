// Wire contracts of the unit-tree administration; the web imports them.
import { z } from 'zod';
import { zhFor } from '../../workflows/engine/zh-reasons';
import { ZId, ZShortText } from './common.types';

export const ZUnitKind = z.enum(['county_center', 'station', 'room']);
export type TUnitKind = z.infer<typeof ZUnitKind>;

export const ZUnit = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    kind: ZUnitKind,
    parentId: z.string().nullable(),
    active: z.boolean(),
    /** The unit's head (站长, 中心主任), whom `unitHead` steps of processes started here reach. */
    headId: z.string().nullable(),
    revision: z.number().int(),
  })
  .meta({ id: 'Unit' });
export type TUnit = z.infer<typeof ZUnit>;

export const ZUnitList = z.object({ items: z.array(ZUnit) });
export type TUnitList = z.infer<typeof ZUnitList>;

export const ZCreateUnitRequest = z.object({
  code: z
    .string()
    .trim()
    .min(1, { error: 'required', abort: true })
    .max(40, 'at most 40 characters')
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9-]*$/,
      zhFor(
        'letters, digits and hyphens, starting with a letter or digit',
        '只能包含字母、数字和连字符（-），且以字母或数字开头',
      ),
    ),
  name: ZShortText(100),
  kind: ZUnitKind,
  parentId: ZId.nullable(),
});
export type TCreateUnitRequest = z.infer<typeof ZCreateUnitRequest>;

export const ZUpdateUnitRequest = z.object({
  name: ZShortText(100).optional(),
  /** Moving to the top (null) is refused: every unit but a county centre has a parent. */
  parentId: ZId.nullable().optional(),
  active: z.boolean().optional(),
  /** An active person holding a role at the unit; null: no head (its supervisors take head steps). */
  headId: ZId.nullable().optional(),
});
export type TUpdateUnitRequest = z.infer<typeof ZUpdateUnitRequest>;
