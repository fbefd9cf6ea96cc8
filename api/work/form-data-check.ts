// Data sent for a definition's fields (a task's form, an event's payload) checked at the edge with
// the engine's own schema, so the field errors carry Chinese reasons too; the engine checks again.
import type { FormField } from '../../workflows/engine/definition-schema';
import { BLANK_TEXT, cachedFormSchema } from '../../workflows/engine/form-validation';
import { AppError } from '../http/app-error';
import { zodIssuesToFieldErrors } from '../http/validate';
import { zhFor } from '../../workflows/engine/zh-reasons';

// The engine's own reason for a blank required text, in Chinese for the field errors.
zhFor(BLANK_TEXT, '不能只填空格');

/**
 * 422 naming each field under `prefix` (`data.budgetYuan`, `payload.reason`) when `data` does not
 * fit. The schema is cached per field list, so pass the definition cache's own list.
 */
export function assertFormData(fields: FormField[], data: unknown, prefix: string): void {
  const checked = cachedFormSchema(fields).safeParse(data);
  if (!checked.success)
    throw new AppError(
      'PROCESS_INPUT_INVALID',
      'The form has errors.',
      zodIssuesToFieldErrors(checked.error.issues, prefix),
      { detailZh: '表单填写有误，请按提示修改' },
    );
}
