// A FEEL condition with a live syntax check by the engine's own parser (feelin, as the validator
// uses it), and the variables the definition knows listed under it.
import { Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkFeel } from '../../../../workflows/engine/feel-conditions.js';
import { Field } from './panel-fields';

export function FeelInput({
  id,
  label,
  value,
  variables,
  onChange,
}: {
  id: string;
  label: string;
  value: string | undefined;
  variables: readonly string[];
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
      htmlFor={id}
      error={error}
      help={
        <Typography.Text type="secondary">
          {t('designer.feel.variables', { names: variables.join(', ') || '—' })}
        </Typography.Text>
      }
    >
      <Input.TextArea
        id={id}
        autoSize={{ minRows: 1, maxRows: 4 }}
        className="sgf-designer-feel"
        value={value ?? ''}
        placeholder="budget > 10000"
        onChange={(event) => onChange(event.target.value || undefined, id)}
      />
    </Field>
  );
}
