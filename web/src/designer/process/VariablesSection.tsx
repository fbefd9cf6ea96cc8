// 流程变量: the declarations a process reads and is started with — name (checked: an identifier no
// other declaration has), label, type, required at the start, and a default typed by the type. The
// FEEL editors complete declared names, so a new declaration is offered there at once.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  ZVariableDeclaration,
  type VariableDeclaration,
} from '../../../../workflows/engine/definition-schema.js';
import { CommitField, Field, TextField } from '../panels/panel-fields';
import { freshId } from '../store/node-kinds.js';
import { useDesigner } from '../store/DesignerStoreContext';
import { patchItem, variableNameProblem } from '../store/process-edits.js';
import type { ItemFocus } from './process-items.js';
import { useItemFocus } from './use-item-focus.js';

// The engine's list of types, so a type it adds shows up here.
const TYPES = ZVariableDeclaration.shape.type.options;
type VariableType = VariableDeclaration['type'];

export function VariablesSection({ focus }: { focus: ItemFocus | undefined }) {
  const { t } = useTranslation();
  const variables = useDesigner((state) => state.definition.variables);
  const patch = useDesigner((state) => state.patchDefinition);
  useItemFocus(focus, 'sgf-variable');
  const change = (index: number, next: Partial<VariableDeclaration>, typing?: string) =>
    patch({ variables: patchItem(variables, index, next) }, typing);
  const add = () => {
    const name = freshId('variable', new Set(variables.map((variable) => variable.name)));
    patch({ variables: [...variables, { name, type: 'string', required: false }] });
  };
  return (
    <Space direction="vertical" className="sgf-designer-stack">
      <Typography.Paragraph>{t('designer.process.variable.help')}</Typography.Paragraph>
      {variables.map((variable, index) => {
        const id = `sgf-variable-${index}`;
        const others = variables.filter((_, at) => at !== index);
        return (
          <Card
            key={index}
            id={id}
            size="small"
            title={variable.label ? `${variable.label} · ${variable.name}` : variable.name}
            className={focus?.index === index ? 'sgf-designer-focused' : undefined}
            extra={
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('designer.process.variable.remove', { name: variable.name })}
                onClick={() => patch({ variables: variables.filter((_, at) => at !== index) })}
              />
            }
          >
            <CommitField
              id={`${id}-name`}
              label={t('designer.process.variable.name')}
              value={variable.name}
              check={(name) => {
                const problem = variableNameProblem(name, others);
                return problem === 'format'
                  ? t('designer.process.variable.nameFormat')
                  : problem === 'keyword'
                    ? t('designer.variableNames.keyword')
                    : problem === 'taken'
                      ? t('designer.process.variable.nameTaken')
                      : undefined;
              }}
              onCommit={(name) => change(index, { name })}
            />
            <TextField
              id={`${id}-label`}
              label={t('designer.process.variable.label')}
              value={variable.label}
              onChange={(label, typing) => change(index, { label: label || undefined }, typing)}
            />
            <Field label={t('designer.process.variable.type')} htmlFor={`${id}-type`}>
              <Select<VariableType>
                id={`${id}-type`}
                showSearch={{ optionFilterProp: 'label' }}
                value={variable.type}
                // A default of the old type would not fit the new one.
                onChange={(type) => change(index, { type, default: undefined })}
                options={TYPES.map((type) => ({
                  value: type,
                  label: t(`designer.process.variable.types.${type}`),
                }))}
              />
            </Field>
            <Checkbox
              checked={variable.required}
              onChange={(event) => change(index, { required: event.target.checked })}
            >
              {t('designer.process.variable.required')}
            </Checkbox>
            <DefaultValueField
              id={`${id}-default`}
              variable={variable}
              onChange={(value, typing) => change(index, { default: value }, typing)}
            />
          </Card>
        );
      })}
      <Button icon={<PlusOutlined />} onClick={add}>
        {t('designer.process.variable.add')}
      </Button>
    </Space>
  );
}

/** The default in the input its type calls for; undefined: no default. */
function DefaultValueField({
  id,
  variable,
  onChange,
}: {
  id: string;
  variable: VariableDeclaration;
  onChange: (value: unknown, typing?: string) => void;
}) {
  const { t } = useTranslation();
  const label = t('designer.process.variable.default');
  const value = variable.default;
  switch (variable.type) {
    case 'string':
    case 'date':
      return (
        <TextField
          id={id}
          label={label}
          value={typeof value === 'string' ? value : undefined}
          placeholder={variable.type === 'date' ? '2026-01-01' : undefined}
          onChange={(text, typing) => onChange(text || undefined, typing)}
        />
      );
    case 'number':
    case 'integer':
      return (
        <Field label={label} htmlFor={id}>
          <InputNumber
            id={id}
            precision={variable.type === 'integer' ? 0 : undefined}
            value={typeof value === 'number' ? value : null}
            onChange={(next) => onChange(next ?? undefined, id)}
          />
        </Field>
      );
    case 'boolean':
      return (
        <Field label={label} htmlFor={id}>
          <Select<'none' | 'yes' | 'no'>
            id={id}
            value={value === true ? 'yes' : value === false ? 'no' : 'none'}
            onChange={(next) => onChange(next === 'none' ? undefined : next === 'yes')}
            options={(['none', 'yes', 'no'] as const).map((option) => ({
              value: option,
              label: t(`designer.process.variable.${option}`),
            }))}
          />
        </Field>
      );
    // Lists, objects and untyped values: no single input fits them, so their default is JSON.
    default:
      return <JsonDefaultField id={id} value={value} onChange={(next) => onChange(next)} />;
  }
}

/** A list's, an object's or an untyped variable's default as JSON, written once it parses. */
function JsonDefaultField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: unknown;
  onChange: (value: unknown) => void;
}) {
  const { t } = useTranslation();
  return (
    <CommitField
      id={id}
      label={t('designer.process.variable.defaultJson')}
      value={value === undefined ? '' : JSON.stringify(value)}
      check={(text) => (parseJson(text).ok ? undefined : t('designer.process.variable.jsonInvalid'))}
      onCommit={(text) => {
        const parsed = parseJson(text);
        if (parsed.ok) onChange(parsed.value);
      }}
    />
  );
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (!text.trim()) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
