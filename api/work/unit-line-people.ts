// The people a task's project may pass work to: active persons holding a role at the project's unit
// or a unit above it. Hand-overs take them from here (with the task's role), and so do `user` form
// fields (人员选择, any role), whose chosen person the API checks before the engine sees the form.
import { Prisma } from '../../prisma/generated/client';
import type { DbClient } from '../db/prisma-client';
import { WORKBENCH_ROLES } from '../policy/unit-scope';
import { AppError, type FieldError } from '../http/app-error';
import { unitLineOf } from './task-handovers';
import type { TaskRow } from './task-rows';

export interface PersonOnLine {
  id: string;
  displayName: string;
}

/** At most one page of people: the pickers search within it. */
const PEOPLE_LIMIT = 200;

/** `roles`: only holders of one of them (null: any role); `only`: among these ids; `excluded`: never these. */
export async function peopleOnUnitLine(
  db: DbClient,
  row: TaskRow,
  options: { roles: string[] | null; excluded?: string[]; only?: string[] },
): Promise<PersonOnLine[]> {
  const role =
    options.roles === null ? Prisma.sql`TRUE` : Prisma.sql`ra.role::text = ANY(${options.roles}::text[])`;
  const only =
    options.only === undefined ? Prisma.sql`TRUE` : Prisma.sql`u.id::text = ANY(${options.only}::text[])`;
  return db.$queryRaw<PersonOnLine[]>`
    SELECT DISTINCT u.id::text AS id, u.display_name AS "displayName"
    FROM app_user u JOIN role_assignment ra ON ra.user_id = u.id
    WHERE u.kind = 'person' AND NOT u.disabled AND ra.unit_id = ANY(${unitLineOf(row)}::uuid[]) AND ${role}
      AND ${only} AND NOT (u.id = ANY(${options.excluded ?? []}::uuid[]))
    ORDER BY u.display_name LIMIT ${PEOPLE_LIMIT}`;
}

/** The people a `user` field of the task may name (all of them, or those among `only`). */
export function choosablePeople(db: DbClient, row: TaskRow, only?: string[]): Promise<PersonOnLine[]> {
  return peopleOnUnitLine(db, row, { roles: [...WORKBENCH_ROLES], ...(only ? { only } : {}) });
}

/**
 * The host's half of the `user` field: the engine only checks that it holds an id (it does no I/O);
 * this checks that the id names someone on the project's unit line, so a task never waits for a
 * stranger, a disabled account or a service token. 422 naming `data.<field>` otherwise.
 */
export async function assertUserFieldsChoosable(
  db: DbClient,
  row: TaskRow,
  data: Record<string, unknown>,
): Promise<void> {
  const chosen = (row.form ?? [])
    .filter((field) => field.type === 'user')
    .flatMap((field) => {
      const value = data[field.name];
      return typeof value === 'string' ? [{ field: field.name, id: value }] : [];
    });
  if (chosen.length === 0) return;
  const found = await choosablePeople(
    db,
    row,
    chosen.map((c) => c.id),
  );
  const known = new Set(found.map((person) => person.id));
  const errors: FieldError[] = chosen
    .filter((c) => !known.has(c.id))
    .map((c) => ({
      field: `data.${c.field}`,
      reason: `${c.id} is not an active person taking part in cases at the project's unit or above it`,
      reasonZh: `${c.id} 不是本项目所属机构或上级机构中可办理业务的在职人员`,
    }));
  if (errors.length > 0)
    throw new AppError('PROCESS_INPUT_INVALID', 'The form names a person who cannot be chosen.', errors, {
      detailZh: '表单所选人员不可选，请从列表中选择',
    });
}
