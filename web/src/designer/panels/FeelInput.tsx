// A FEEL condition in the bpmn.io editor, with a live check by the engine's own parser (feelin, as
// the validator uses it) naming syntax errors and unknown variables, and the variables listed under it.
import { Input, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { checkFeel } from '../../../../workflows/engine/feel-conditions.js';
import { Field } from './panel-fields';

// CodeMirror and the FEEL grammar are a fifth of the designer's code and only conditions need them.
const FeelEditorField = lazy(() => import('./FeelEditorField'));

export function FeelInput({
  id,
  label,
  value,
  variables,
  placeholder = 'budget > 10000',
  onChange,
}: {
  id: string;
  label: string;
  value: string | undefined;
  variables: readonly string[];
  placeholder?: string;
  onChange: (value: string | undefined, typing: string) => void;
}) {
  const { t } = useTranslation();
  const check = value ? checkFeel(value) : undefined;
  const unknown = check?.ok ? check.names.filter((name) => !variables.includes(name)) : [];
  const error =
    check && !check.ok
      ? t('designer.feel.syntax', { error: check.error })
      : unknown.length > 0
        ? t('designer.feel.unknown', { names: unknown.join(', ') })
        : undefined;
  return (
    <Field
      label={label}
      error={error}
      help={
        <Typography.Text type="secondary">
          {t('designer.feel.variables', { names: variables.join(', ') || '—' })}
        </Typography.Text>
      }
    >
      <Suspense fallback={<Input aria-label={label} value={value ?? ''} disabled />}>
        <FeelEditorField
          label={label}
          value={value ?? ''}
          variables={variables}
          placeholder={placeholder}
          onChange={(text) => onChange(text || undefined, id)}
        />
      </Suspense>
    </Field>
  );
}
