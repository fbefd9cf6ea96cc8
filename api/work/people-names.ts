// The names of the people a form's 人员选择 (`user`) fields hold, so a read-only view of submitted
// data shows 赵敏（指导中心督导）, not a user id. Whoever may read the form may read these names: the
// field was filled with people its task's actor could choose.
import type { FormField } from '../../workflows/engine';
import type { DbClient } from '../db/prisma-client';

/** The user ids the forms' `user` fields hold (a field holds one id). */
export function peopleIdsOf(
  forms: readonly { fields: readonly FormField[]; data: Record<string, unknown> }[],
) {
  const ids = new Set<string>();
  for (const { fields, data } of forms)
    for (const field of fields) {
      const value = data[field.name];
      if (field.type === 'user' && typeof value === 'string') ids.add(value);
    }
  return [...ids];
}

/** Display names by id; no statement when there is no id. Ids of no user are left out. */
export async function peopleNames(db: DbClient, ids: readonly string[]): Promise<Record<string, string>> {
  const valid = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (valid.length === 0) return {};
  const rows = await db.$queryRaw<{ id: string; display_name: string }[]>`
    SELECT id::text, display_name FROM app_user WHERE id = ANY(${valid}::uuid[])`;
  return Object.fromEntries(rows.map((row) => [row.id, row.display_name]));
}
