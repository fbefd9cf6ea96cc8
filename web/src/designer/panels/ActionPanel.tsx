// An automatic step: the action picked from the engine's catalogue, and a form for its parameters
// built from the action's own parameter schema (text, number, yes/no, a choice, or JSON for the rest).
// A text starting with '=' is a FEEL expression evaluated when the step runs. Then its result
// variable and its outputs.
import { Input, InputNumber, Select, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { actionCatalog, findAction } from '../../../../workflows/engine/action-catalog.js';
import type { NodeOf } from '../../../../workflows/engine/definition-schema.js';
import { describeAction } from '../canvas/node-texts.js';
import { OutputsEditor } from './OutputsEditor';
import { Field, TextField } from './panel-fields';
import { useNodeEdit } from './use-node-edit.js';

/** An action's outputs read its `result` besides the variables. */
const RESULT_SCOPE = ['result'];

type ParamKind = { kind: 'string' | 'number' | 'boolean' | 'json' } | { kind: 'enum'; options: string[] };

/** What input a parameter needs, read through optional / default / nullable wrappers. */
function paramKind(schema: z.ZodType): ParamKind {
  let current = schema as unknown as { def: { type: string; innerType?: unknown }; options?: unknown };
  while (['optional', 'default', 'nullable'].includes(current.def.type) && current.def.innerType)
    current = current.def.innerType as typeof current;
  switch (current.def.type) {
    case 'string':
    case 'number':
    case 'boolean':
      return { kind: current.def.type };
    case 'enum':
      return { kind: 'enum', options: (current.options as string[] | undefined) ?? [] };
    default:
      return { kind: 'json' };
  }
}

export function ActionPanel({ node }: { node: NodeOf<'action'> }) {
  const { t, i18n } = useTranslation();
  const edit = useNodeEdit(node);
  const entry = findAction(node.action);
  const shape = (entry?.params.shape ?? {}) as Record<string, z.ZodType>;
  const setParam = (name: string, value: unknown, typing?: string) => {
    const params = { ...node.params };
    if (value === undefined) delete params[name];
    else params[name] = value;
    edit({ params }, typing);
  };
  return (
    <>
      <Field label={t('designer.action.action')} htmlFor="sgf-prop-action">
        <Select<string>
          id="sgf-prop-action"
          showSearch={{ optionFilterProp: 'label' }}
          value={node.action}
          onChange={(action) => edit({ action, params: {} })}
          options={Object.keys(actionCatalog).map((name) => ({
            value: name,
            label: `${describeAction(name, i18n.language)} (${name})`,
          }))}
        />
      </Field>
      {Object.entries(shape).map(([name, schema]) => {
        const id = `sgf-prop-param-${name}`;
        const kind = paramKind(schema);
        const value = node.params[name];
        const label = `${name}${schema.safeParse(undefined).success ? '' : ' *'}`;
        if (typeof value === 'string' && value.startsWith('='))
          return (
            <TextField
              key={name}
              id={id}
              label={label}
              value={value}
              onChange={(text, typing) => setParam(name, text, typing)}
            />
          );
        switch (kind.kind) {
          case 'string':
            return (
              <TextField
                key={name}
                id={id}
                label={label}
                value={typeof value === 'string' ? value : undefined}
                onChange={(text, typing) => setParam(name, text || undefined, typing)}
              />
            );
          case 'number':
            return (
              <Field key={name} label={label} htmlFor={id}>
                <InputNumber
                  id={id}
                  value={typeof value === 'number' ? value : null}
                  onChange={(number) => setParam(name, number ?? undefined)}
                />
              </Field>
            );
          case 'boolean':
            return (
              <Field key={name} label={label} htmlFor={id}>
                <Switch id={id} checked={value === true} onChange={(checked) => setParam(name, checked)} />
              </Field>
            );
          case 'enum':
            return (
              <Field key={name} label={label} htmlFor={id}>
                <Select<string>
                  id={id}
                  allowClear
                  value={typeof value === 'string' ? value : undefined}
                  onChange={(choice) => setParam(name, choice)}
                  options={kind.options.map((option) => ({ value: option, label: option }))}
                />
              </Field>
            );
          case 'json':
            return (
              <JsonParam
                key={name}
                id={id}
                label={label}
                value={value}
                onChange={(json) => setParam(name, json)}
              />
            );
        }
      })}
      <TextField
        id="sgf-prop-action-result"
        label={t('designer.action.resultVariable')}
        value={node.resultVariable}
        onChange={(resultVariable, typing) => edit({ resultVariable: resultVariable || undefined }, typing)}
      />
      <OutputsEditor
        idPrefix="sgf-prop-action-output"
        outputs={node.outputs}
        scope={RESULT_SCOPE}
        onChange={(outputs, typing) => edit({ outputs }, typing)}
      />
      {!entry && <Typography.Text type="danger">{t('designer.action.unknown')}</Typography.Text>}
    </>
  );
}

/** A structured parameter as JSON text, written when it parses (the text stays while it does not). */
function JsonParam({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: unknown;
  onChange: (value: unknown) => void;
}) {
  const { t } = useTranslation();
  const shown = value === undefined ? '' : JSON.stringify(value);
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);
  let error: string | undefined;
  if (text.trim() !== '') {
    try {
      JSON.parse(text);
    } catch {
      error = t('designer.action.jsonInvalid');
    }
  }
  return (
    <Field label={label} htmlFor={id} error={error}>
      <Input.TextArea
        id={id}
        autoSize={{ minRows: 1, maxRows: 6 }}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => {
          if (text.trim() === '') onChange(undefined);
          else if (!error) onChange(JSON.parse(text) as unknown);
        }}
      />
    </Field>
  );
}
