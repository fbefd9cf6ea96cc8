// The host's half of the `file` form field: the engine checks that a file field holds attachment
// ids (it does no I/O); before a task is completed, this checks that each id is an attachment of
// the task's own project, uploaded for the project as a whole or for that very task.
import type { DbClient } from '../db/prisma-client';
import { AppError, type FieldError } from '../http/app-error';
import type { TaskRow } from '../work/task-rows';

/** Ids worth looking up: anything else the form schema refuses on its own, naming the field. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 422 naming `data.<field>` for an id from elsewhere (the row is a task the caller may see). */
export async function assertFileFieldsInProject(
  db: DbClient,
  row: Pick<TaskRow, 'id' | 'instance_id' | 'form'>,
  data: Record<string, unknown>,
): Promise<void> {
  const claimed = (row.form ?? [])
    .filter((field) => field.type === 'file')
    .flatMap((field) => {
      const value = data[field.name];
      const ids = Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
      return ids.filter((id) => UUID.test(id)).map((id) => ({ field: field.name, id }));
    });
  if (claimed.length === 0) return;
  const ids = claimed.map((c) => c.id);
  const found = await db.$queryRaw<{ id: string }[]>`
    SELECT a.id FROM attachment a
    WHERE a.id = ANY(${ids}::uuid[]) AND a.instance_id = ${row.instance_id}::uuid
      AND (a.task_id IS NULL OR a.task_id = ${row.id}::uuid)`;
  const ours = new Set(found.map((f) => f.id));
  const errors: FieldError[] = claimed
    .filter((c) => !ours.has(c.id.toLowerCase()))
    .map((c) => ({
      field: `data.${c.field}`,
      reason: `${c.id} is not an attachment of this project`,
      reasonZh: `附件 ${c.id} 不属于本项目`,
    }));
  if (errors.length > 0)
    throw new AppError('PROCESS_INPUT_INVALID', 'The form refers to files of another project.', errors, {
      detailZh: '表单中的附件须为本项目上传的文件',
    });
}
