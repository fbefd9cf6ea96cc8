// The client's rules for a task form, derived from the same field definitions the server validates
// with (workflows/engine/form-validation.ts), so a value passes here exactly when it passes there.
// Pure: no antd, no i18n; the renderer turns a problem into a localised message.
import type { FormField, ScalarFormField } from '../work-types.js';

export type RuleProblem =
  | { rule: 'required' | 'number' | 'integer' | 'boolean' | 'pattern' | 'date' | 'option' | 'files' }
  | { rule: 'min' | 'max' | 'minLength' | 'maxLength' | 'minItems' | 'maxItems'; limit: number };

type AnyField = FormField | ScalarFormField;

/** What a date picker holds (a Dayjs) or the 'YYYY-MM-DD' text itself. */
interface FormattableDate {
  format: (template: string) => string;
}

const isFormattable = (value: unknown): value is FormattableDate =>
  typeof value === 'object' && value !== null && typeof (value as FormattableDate).format === 'function';

/** A picked day (Dayjs) as the 'YYYY-MM-DD' text the server takes; anything else unchanged. */
export function normalizeDate(value: unknown): unknown {
  return isFormattable(value) ? value.format('YYYY-MM-DD') : value;
}

/** Turns what an input holds into the value the server receives. */
export function normalizeValue(field: AnyField, value: unknown): unknown {
  return field.type === 'date' ? normalizeDate(value) : value;
}

/** Nothing entered: such a value of an optional field is left out of the submission. */
export function isEmptyValue(value: unknown): boolean {
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function textProblem(field: AnyField, value: unknown): RuleProblem | undefined {
  if (typeof value !== 'string') return { rule: 'required' };
  // Spaces alone fill nothing in, for a required field (the server refuses them too).
  if (field.required && value.trim().length === 0) return { rule: 'required' };
  if (field.minLength !== undefined && value.length < field.minLength) {
    return { rule: 'minLength', limit: field.minLength };
  }
  if (field.maxLength !== undefined && value.length > field.maxLength) {
    return { rule: 'maxLength', limit: field.maxLength };
  }
  if (field.pattern !== undefined && !new RegExp(field.pattern).test(value)) return { rule: 'pattern' };
  return undefined;
}

function numberProblem(field: AnyField, value: unknown): RuleProblem | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { rule: 'number' };
  if (field.type === 'integer' && !Number.isInteger(value)) return { rule: 'integer' };
  if (field.min !== undefined && value < field.min) return { rule: 'min', limit: field.min };
  if (field.max !== undefined && value > field.max) return { rule: 'max', limit: field.max };
  return undefined;
}

function choiceProblem(field: AnyField, value: unknown): RuleProblem | undefined {
  const options = field.options ?? [];
  if (field.type === 'select') {
    return typeof value === 'string' && options.includes(value) ? undefined : { rule: 'option' };
  }
  if (!Array.isArray(value)) return { rule: 'option' };
  if (field.required && value.length === 0) return { rule: 'required' };
  return value.every((item) => typeof item === 'string' && options.includes(item))
    ? undefined
    : { rule: 'option' };
}

/** The number of rows a list (or files a file field) must have: `required` means at least one (or minItems if more). */
export function listBounds(field: FormField): { min: number | undefined; max: number | undefined } {
  const min = field.required ? Math.max(1, field.minItems ?? 1) : field.minItems;
  return { min, max: field.maxItems };
}

function listProblem(field: FormField, value: unknown): RuleProblem | undefined {
  if (!Array.isArray(value)) return { rule: 'required' };
  const { min, max } = listBounds(field);
  if (min !== undefined && value.length < min) {
    return field.required && min === 1 ? { rule: 'required' } : { rule: 'minItems', limit: min };
  }
  if (max !== undefined && value.length > max) return { rule: 'maxItems', limit: max };
  return undefined;
}

/** An RFC 9562 uuid, as zod's `z.uuid()` on the server accepts it. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** A file field holds the ids of uploaded attachments, each once (the upload component fills it). */
function fileIdsProblem(value: unknown): RuleProblem | undefined {
  const ids = value as unknown[];
  return ids.every((id) => typeof id === 'string' && UUID.test(id)) && new Set(ids).size === ids.length
    ? undefined
    : { rule: 'files' };
}

/**
 * The first rule a field's value breaks, or undefined. A list is judged by its row count here; its
 * rows' own fields are judged one by one with their item field definitions.
 */
export function fieldProblem(field: AnyField, rawValue: unknown): RuleProblem | undefined {
  const value = normalizeValue(field, rawValue);
  if (isEmptyValue(value)) {
    if (!field.required) return undefined;
    if (field.type !== 'text' && field.type !== 'textarea') return { rule: 'required' };
  }
  switch (field.type) {
    case 'text':
    case 'textarea':
      return textProblem(field, value);
    case 'number':
    case 'integer':
      return numberProblem(field, value);
    case 'boolean':
      return typeof value === 'boolean' ? undefined : { rule: 'boolean' };
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? undefined : { rule: 'date' };
    case 'select':
    case 'multiselect':
      return choiceProblem(field, value);
    case 'list':
      return listProblem(field, value);
    case 'file':
      return listProblem(field, value) ?? fileIdsProblem(value);
    // A person picked from the list the server offers; the server checks the id again.
    case 'user':
      return typeof value === 'string' && value.trim() !== '' ? undefined : { rule: 'required' };
  }
}

type FormValues = Record<string, unknown>;

/**
 * The data the server receives for what the inputs hold: declared fields only (the server refuses
 * others), dates as text, and optional fields left empty omitted rather than sent blank.
 */
export function toSubmission(fields: readonly AnyField[], values: FormValues | undefined): FormValues {
  const data: FormValues = {};
  for (const field of fields) {
    const value = normalizeValue(field, values?.[field.name]);
    if (isEmptyValue(value) && !field.required) continue;
    if (field.type === 'list' && Array.isArray(value)) {
      const itemFields = field.itemFields ?? [];
      data[field.name] = value.map((row) => toSubmission(itemFields, row as FormValues | undefined));
    } else {
      data[field.name] = value;
    }
  }
  return data;
}

/** Starting values: switches start off (a boolean is always sent) and lists start with their minimum rows. */
export function initialFormValues(fields: readonly AnyField[]): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    if (field.type === 'boolean') values[field.name] = false;
    if (field.type === 'list') {
      const itemFields = field.itemFields ?? [];
      const rows = listBounds(field).min ?? 0;
      values[field.name] = Array.from({ length: rows }, () => initialFormValues(itemFields));
    }
  }
  return values;
}
