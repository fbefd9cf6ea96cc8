// The form builder of a task node: each field's name (the variable it fills), label, type, whether it
// is required, its limits and options, and for a list the fields of its rows.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  ZFormField,
  ZScalarFormField,
  type FormField,
  type ScalarFormField,
} from '../../../../workflows/engine/definition-schema.js';
import { Field } from './panel-fields';

// The engine's own lists of field types, so a type it adds shows up here.
const SCALAR_TYPES = ZScalarFormField.shape.type.options;
const ALL_TYPES = ZFormField.shape.type.options;

type AnyField = FormField;

export function FormFieldsEditor({
  idPrefix,
  fields,
  onChange,
  scalarOnly = false,
}: {
  idPrefix: string;
  fields: readonly AnyField[];
  onChange: (fields: AnyField[], typing?: string) => void;
  scalarOnly?: boolean;
}) {
  const { t } = useTranslation();
  const replace = (index: number, patch: Partial<AnyField>, typing?: string) => {
    const next = fields.map((field, at) => {
      if (at !== index) return field;
      const merged = { ...field, ...patch } as Record<string, unknown>;
      for (const [key, value] of Object.entries(patch)) if (value === undefined) delete merged[key];
      return merged as AnyField;
    });
    onChange(next, typing);
  };
  const freshName = () => {
    const names = new Set(fields.map((field) => field.name));
    let n = fields.length + 1;
    while (names.has(`field${n}`)) n += 1;
    return `field${n}`;
  };
  return (
    <Space direction="vertical" className="sgf-designer-stack">
      {fields.map((field, index) => {
        const id = `${idPrefix}-${index}`;
        const numeric = field.type === 'number' || field.type === 'integer';
        return (
          <Card
            key={index}
            size="small"
            title={field.label || field.name}
            extra={
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('designer.form.remove', { name: field.label || field.name })}
                onClick={() => onChange(fields.filter((_, at) => at !== index))}
              />
            }
          >
            <Field label={t('designer.form.label')} htmlFor={`${id}-label`}>
              <Input
                id={`${id}-label`}
                value={field.label}
                onChange={(event) => replace(index, { label: event.target.value }, `${id}-label`)}
              />
            </Field>
            <Field label={t('designer.form.name')} htmlFor={`${id}-name`} help={t('designer.form.nameHelp')}>
              <Input
                id={`${id}-name`}
                value={field.name}
                onChange={(event) => replace(index, { name: event.target.value }, `${id}-name`)}
              />
            </Field>
            <Field label={t('designer.form.type')} htmlFor={`${id}-type`}>
              <Select
                id={`${id}-type`}
                value={field.type}
                onChange={(type) =>
                  replace(index, {
                    type,
                    ...(type === 'list' ? { itemFields: field.itemFields ?? [] } : { itemFields: undefined }),
                  })
                }
                options={(scalarOnly ? SCALAR_TYPES : ALL_TYPES).map((type) => ({
                  value: type,
                  label: t(`designer.form.types.${type}`),
                }))}
              />
            </Field>
            <Checkbox
              checked={field.required}
              onChange={(event) => replace(index, { required: event.target.checked })}
            >
              {t('designer.form.required')}
            </Checkbox>
            {numeric && (
              <Space.Compact block className="sgf-designer-pair">
                <InputNumber
                  aria-label={t('designer.form.min')}
                  addonBefore={t('designer.form.min')}
                  value={field.min ?? null}
                  onChange={(min) => replace(index, { min: min ?? undefined })}
                />
                <InputNumber
                  aria-label={t('designer.form.max')}
                  addonBefore={t('designer.form.max')}
                  value={field.max ?? null}
                  onChange={(max) => replace(index, { max: max ?? undefined })}
                />
              </Space.Compact>
            )}
            {(field.type === 'select' || field.type === 'multiselect') && (
              <Field label={t('designer.form.options')} htmlFor={`${id}-options`}>
                <Select
                  id={`${id}-options`}
                  mode="tags"
                  value={field.options ?? []}
                  onChange={(options: string[]) => replace(index, { options })}
                  open={false}
                  placeholder={t('designer.form.optionsHelp')}
                />
              </Field>
            )}
            {field.type === 'list' && (
              <Field label={t('designer.form.itemFields')}>
                <Space.Compact block className="sgf-designer-pair">
                  <InputNumber
                    aria-label={t('designer.form.minItems')}
                    addonBefore={t('designer.form.minItems')}
                    min={0}
                    value={field.minItems ?? null}
                    onChange={(minItems) => replace(index, { minItems: minItems ?? undefined })}
                  />
                  <InputNumber
                    aria-label={t('designer.form.maxItems')}
                    addonBefore={t('designer.form.maxItems')}
                    min={1}
                    value={field.maxItems ?? null}
                    onChange={(maxItems) => replace(index, { maxItems: maxItems ?? undefined })}
                  />
                </Space.Compact>
                <FormFieldsEditor
                  idPrefix={`${id}-item`}
                  scalarOnly
                  fields={field.itemFields ?? []}
                  onChange={(itemFields, typing) =>
                    // The nested editor offers scalar types only, so its fields are scalar fields.
                    replace(index, { itemFields: itemFields as ScalarFormField[] }, typing)
                  }
                />
              </Field>
            )}
          </Card>
        );
      })}
      <Button
        icon={<PlusOutlined />}
        onClick={() =>
          onChange([
            ...fields,
            { name: freshName(), label: t('designer.form.newField'), type: 'text', required: false },
          ])
        }
      >
        {scalarOnly ? t('designer.form.addItemField') : t('designer.form.add')}
      </Button>
    </Space>
  );
}
