// A form submitted before (a step reopened by 退回 or 拿回) as the values the inputs hold, so the
// officer changes what needs changing instead of typing it all again. Submitting them unchanged
// sends the same data (toSubmission undoes what this does).
import dayjs from 'dayjs';
import type { FormField, ScalarFormField } from '../work-types.js';
import { initialFormValues } from './form-rules.js';

type AnyField = FormField | ScalarFormField;
type FormValues = Record<string, unknown>;

const isRecord = (value: unknown): value is FormValues =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A 'YYYY-MM-DD' day as the date picker holds it (a Dayjs); anything unreadable stays as it was. */
function pickerDay(value: unknown): unknown {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  // dayjs reads this form as a local day, so the picker formats it back to the same text.
  const day = dayjs(value);
  return day.isValid() ? day : value;
}

function inputValue(field: AnyField, value: unknown): unknown {
  if (field.type === 'date') return pickerDay(value);
  if (field.type === 'list' && Array.isArray(value)) {
    const itemFields = field.itemFields ?? [];
    return value.map((row) => prefilledFormValues(itemFields, isRecord(row) ? row : {}));
  }
  // Text, numbers, switches, choices, a person's id (人员选择) and attachment ids (文件) go in as sent.
  return value;
}

/** The starting values of a form filled with `data`: its fields as submitted, the others as a new form starts them. */
export function prefilledFormValues(fields: readonly AnyField[], data: FormValues): FormValues {
  const values = initialFormValues(fields);
  for (const field of fields) {
    if (field.name in data) values[field.name] = inputValue(field, data[field.name]);
  }
  return values;
}
