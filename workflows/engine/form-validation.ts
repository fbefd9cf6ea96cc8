// Validates data submitted to a task against that task's form fields by building a zod schema from them.
import { z } from 'zod';
import type { FormField, ScalarFormField } from './definition-schema';
import { parseDateOrInstant } from './iso-durations';

/** The reason a required text of nothing but spaces is refused (the API gives its Chinese). */
export const BLANK_TEXT = 'must contain more than spaces';

function scalarSchema(field: ScalarFormField): z.ZodType {
  switch (field.type) {
    case 'text':
    case 'textarea': {
      let schema = z.string();
      if (field.minLength !== undefined) schema = schema.min(field.minLength);
      if (field.maxLength !== undefined) schema = schema.max(field.maxLength);
      if (field.pattern !== undefined) schema = schema.regex(new RegExp(field.pattern));
      if (field.required) schema = schema.min(1).regex(/\S/, BLANK_TEXT);
      return schema;
    }
    case 'number':
    case 'integer': {
      let schema = field.type === 'integer' ? z.number().int() : z.number();
      if (field.min !== undefined) schema = schema.min(field.min);
      if (field.max !== undefined) schema = schema.max(field.max);
      return schema;
    }
    case 'boolean':
      return z.boolean();
    case 'date':
      return z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
        .refine((text) => parseDateOrInstant(text) !== undefined, 'not a calendar date');
    case 'select':
      return z.enum((field.options ?? []) as [string, ...string[]]);
    case 'multiselect': {
      let schema = z.array(z.enum((field.options ?? []) as [string, ...string[]]));
      if (field.required) schema = schema.min(1);
      return schema;
    }
  }
}

/** A list of rows, or of attachment ids: `required` means at least one (or minItems if more). */
function itemsSchema<T extends z.ZodType>(field: FormField, item: T): z.ZodArray<T> {
  let schema = z.array(item);
  if (field.minItems !== undefined) schema = schema.min(field.minItems);
  if (field.maxItems !== undefined) schema = schema.max(field.maxItems);
  if (field.required) schema = schema.min(Math.max(1, field.minItems ?? 1));
  return schema;
}

function fieldSchema(field: FormField): z.ZodType {
  switch (field.type) {
    case 'list':
      return itemsSchema(field, formSchema(field.itemFields ?? []));
    // Attachment ids, each once; that they belong to the project is the host's check (the engine does no I/O).
    case 'file':
      return itemsSchema(field, z.uuid()).refine(
        (ids) => new Set(ids).size === ids.length,
        'each file may be listed once',
      );
    // A user id; that it names an active person is the host's check, as for files.
    case 'user':
      return z.string().regex(/\S/, BLANK_TEXT);
    default:
      return scalarSchema({ ...field, type: field.type });
  }
}

/** Unknown keys are refused so that a form cannot write variables it does not declare. */
export function formSchema(fields: FormField[] | ScalarFormField[]): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  for (const field of fields) {
    const schema = fieldSchema(field);
    shape[field.name] = field.required ? schema : schema.nullable().optional();
  }
  return z.strictObject(shape);
}

export type FormIssue = { field: string; message: string };

/** Built once per form: definitions are parsed once and kept, so their field lists are stable objects. */
const schemaOfForm = new WeakMap<FormField[], z.ZodType<Record<string, unknown>>>();

/** The schema of a definition's form, built on first use (building one costs far more than a parse). */
export function cachedFormSchema(fields: FormField[]): z.ZodType<Record<string, unknown>> {
  let schema = schemaOfForm.get(fields);
  if (!schema) {
    schema = formSchema(fields);
    schemaOfForm.set(fields, schema);
  }
  return schema;
}

/** `data` may be anything a sender wrote (an event's payload): what is not an object is refused. */
export function validateFormData(
  fields: FormField[],
  data: unknown,
): { ok: true; data: Record<string, unknown> } | { ok: false; issues: FormIssue[] } {
  const result = cachedFormSchema(fields).safeParse(data);
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      field: issue.path.join('.') || '(form)',
      message: issue.message,
    })),
  };
}
