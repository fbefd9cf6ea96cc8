// Renders a node's form fields as antd inputs under one name prefix (e.g. `data`), each with the client
// rules derived from its definition, so the server's `data.<field>` errors land on the same items.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Spin,
  Switch,
  Table,
  type FormRule,
  type TableColumnsType,
} from 'antd';
import type { FormListFieldData } from 'antd/es/form/FormList';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentTarget } from '../../attachments/attachment-types';
import { FileFieldInput } from '../../attachments/FileFieldInput';
import { PersonSelect } from '../../ui/PersonSelect';
import type { FormField, PersonRef, ScalarFormField } from '../work-types';
import { useAttachmentTarget } from './attachment-target';
import { fieldProblem, listBounds, type RuleProblem } from './form-rules';

type NamePath = Array<string | number>;

/** Fields one picks rather than types: a missing value reads 请选择…, not 请填写…. */
const PICKED_TYPES: ReadonlySet<string> = new Set(['select', 'multiselect', 'date', 'boolean', 'user']);

export function describeRuleProblem(
  problem: RuleProblem,
  label: string,
  t: TFunction,
  fieldType?: string,
): string {
  if (problem.rule === 'files') return t('attachments.invalidIds', { label });
  if (problem.rule === 'required' && fieldType !== undefined && PICKED_TYPES.has(fieldType))
    return t('forms.rules.requiredChoice', { label });
  return 'limit' in problem
    ? t(`forms.rules.${problem.rule}`, { label, limit: problem.limit })
    : t(`forms.rules.${problem.rule}`, { label });
}

/** One antd rule that asks the shared rule derivation; `required` only draws the asterisk. */
function rulesFor(field: FormField | ScalarFormField, t: TFunction): FormRule[] {
  return [
    {
      required: field.required,
      validator: (_rule, value: unknown) => {
        const problem = fieldProblem(field, value);
        return problem
          ? Promise.reject(new Error(describeRuleProblem(problem, field.label, t, field.type)))
          : Promise.resolve();
      },
    },
  ];
}

/** The bare input for a scalar field; `ariaLabel` names it where no visible label sits beside it. */
function ScalarInput({ field, ariaLabel, ...rest }: { field: ScalarFormField; ariaLabel?: string }) {
  const { t } = useTranslation();
  // antd passes value/onChange/id through the rest props.
  const props = { ...rest, 'aria-label': ariaLabel };
  const options = (field.options ?? []).map((option) => ({ value: option, label: option }));
  switch (field.type) {
    case 'text':
      return <Input {...props} />;
    case 'textarea':
      return <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} {...props} />;
    case 'number':
      // A phone shows its number pad (found at 390 px by the fresh-eyes review).
      return <InputNumber className="sgf-work-number" inputMode="decimal" {...props} />;
    case 'integer':
      return <InputNumber className="sgf-work-number" step={1} inputMode="numeric" {...props} />;
    case 'boolean':
      return <Switch checkedChildren={t('forms.yes')} unCheckedChildren={t('forms.no')} {...props} />;
    case 'date':
      return <DatePicker className="sgf-work-date" {...props} />;
    case 'select':
      return (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={options}
          placeholder={t('forms.choose')}
          {...props}
        />
      );
    case 'multiselect':
      return (
        <Select
          mode="multiple"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={options}
          placeholder={t('forms.choose')}
          {...props}
        />
      );
  }
}

function ScalarItem({ field, name }: { field: ScalarFormField; name: NamePath }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={name}
      label={field.label}
      extra={field.help}
      rules={rulesFor(field, t)}
      valuePropName={field.type === 'boolean' ? 'checked' : 'value'}
    >
      <ScalarInput field={field} />
    </Form.Item>
  );
}

/** A list field as an editable table: one row per item, one column per item field. */
function ListItem({ field, name }: { field: FormField; name: NamePath }) {
  const { t } = useTranslation();
  const itemFields = field.itemFields ?? [];
  const { min, max } = listBounds(field);
  return (
    <Form.Item label={field.label} extra={field.help} required={field.required}>
      <Form.List name={name} rules={[{ validator: (_rule, rows: unknown) => listRule(field, rows, t) }]}>
        {(rows, { add, remove }, { errors }) => {
          const columns: TableColumnsType<FormListFieldData> = [
            ...itemFields.map((item) => ({
              key: item.name,
              title: <ColumnTitle field={item} />,
              render: (_value: unknown, row: FormListFieldData, index: number) => (
                <Form.Item
                  name={[row.name, item.name]}
                  rules={rulesFor(item, t)}
                  valuePropName={item.type === 'boolean' ? 'checked' : 'value'}
                  className="sgf-work-cell"
                >
                  <ScalarInput
                    field={item}
                    ariaLabel={t('forms.rowField', { label: item.label, row: index + 1 })}
                  />
                </Form.Item>
              ),
            })),
            {
              key: 'remove',
              width: 56,
              render: (_value, row, index) => (
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('forms.removeRow', { row: index + 1 })}
                  disabled={min !== undefined && rows.length <= min}
                  onClick={() => remove(row.name)}
                />
              ),
            },
          ];
          return (
            <Flex vertical gap="small">
              <Table<FormListFieldData>
                rowKey="key"
                size="small"
                columns={columns}
                dataSource={rows}
                pagination={false}
                scroll={{ x: Math.max(480, itemFields.length * 200) }}
                locale={{ emptyText: t('forms.noRows') }}
                aria-label={field.label}
              />
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({})}
                disabled={max !== undefined && rows.length >= max}
                className="sgf-work-add-row"
              >
                {t('forms.addRow', { label: field.label })}
              </Button>
              <Form.ErrorList errors={errors} />
            </Flex>
          );
        }}
      </Form.List>
    </Form.Item>
  );
}

function listRule(field: FormField, rows: unknown, t: TFunction): Promise<void> {
  const problem = fieldProblem(field, rows ?? []);
  return problem
    ? Promise.reject(new Error(describeRuleProblem(problem, field.label, t, field.type)))
    : Promise.resolve();
}

function ColumnTitle({ field }: { field: ScalarFormField }): ReactNode {
  return (
    <span>
      {field.required && (
        <span className="sgf-work-required" aria-hidden>
          *{' '}
        </span>
      )}
      {field.label}
    </span>
  );
}

/** A file field: uploads go to the form's project (and task); the value is the attachments' ids. */
function FileItem({
  field,
  name,
  attachments,
}: {
  field: FormField;
  name: NamePath;
  attachments?: AttachmentTarget;
}) {
  const { t } = useTranslation();
  const target = useAttachmentTarget(attachments);
  return (
    <Form.Item name={name} label={field.label} extra={field.help} rules={rulesFor(field, t)}>
      {target ? <FileFieldInput target={target} label={field.label} /> : <Spin size="small" />}
    </Form.Item>
  );
}

/** A user field (人员选择): one person from those the server offers for the task. */
function UserItem({
  field,
  name,
  people,
}: {
  field: FormField;
  name: NamePath;
  people: readonly PersonRef[];
}) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} label={field.label} extra={field.help} rules={rulesFor(field, t)}>
      <PersonSelect people={people} nobody={t('assignees.nobodyToChoose')} />
    </Form.Item>
  );
}

interface FormFieldInputsProps {
  fields: readonly FormField[];
  prefix: NamePath;
  /** Where file fields upload to; by default the task or project of the page's address. */
  attachments?: AttachmentTarget;
  /** Whom user fields may name (the task's `choosable` people). */
  people?: readonly PersonRef[];
}

/** Every field of a node's form, named `[...prefix, field.name]`. */
export function FormFieldInputs({ fields, prefix, attachments, people = [] }: FormFieldInputsProps) {
  return (
    <>
      {fields.map((field) => {
        const name = [...prefix, field.name];
        switch (field.type) {
          case 'list':
            return <ListItem key={field.name} field={field} name={name} />;
          case 'file':
            return (
              <FileItem
                key={field.name}
                field={field}
                name={name}
                {...(attachments ? { attachments } : {})}
              />
            );
          case 'user':
            return <UserItem key={field.name} field={field} name={name} people={people} />;
          default:
            return <ScalarItem key={field.name} field={{ ...field, type: field.type }} name={name} />;
        }
      })}
    </>
  );
}
