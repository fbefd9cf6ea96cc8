// The controls the property panels are built from. They are controlled by the store's definition
// (no form state of their own), so undo and redo show at once in the panel as on the canvas.
import { Form, Input, InputNumber, Select, Space } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DURATION_UNITS,
  formatDurationParts,
  parseDurationParts,
  type DurationUnit,
} from '../duration-parts.js';

export function Field({
  label,
  htmlFor,
  children,
  help,
  error,
}: {
  label: ReactNode;
  htmlFor?: string;
  children: ReactNode;
  help?: ReactNode;
  error?: string | undefined;
}) {
  return (
    <Form.Item
      label={label}
      htmlFor={htmlFor}
      help={error ?? help}
      validateStatus={error ? 'error' : undefined}
      className="sgf-designer-field"
    >
      {children}
    </Form.Item>
  );
}

/** A text input that writes on every keystroke; `typing` makes one undo step of a run of keystrokes. */
export function TextField({
  id,
  label,
  value,
  onChange,
  placeholder,
  error,
  help,
}: {
  id: string;
  label: ReactNode;
  value: string | undefined;
  onChange: (value: string, typing: string) => void;
  placeholder?: string;
  error?: string | undefined;
  help?: ReactNode;
}) {
  return (
    <Field label={label} htmlFor={id} error={error} help={help}>
      <Input
        id={id}
        value={value ?? ''}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value, id)}
      />
    </Field>
  );
}

/**
 * A text input that writes when the person leaves it or presses Enter, for values that must not pass
 * through half-typed states (a node's id renames its edges), with a check before it is written.
 */
export function CommitField({
  id,
  label,
  value,
  onCommit,
  check,
}: {
  id: string;
  label: ReactNode;
  value: string;
  onCommit: (value: string) => void;
  check: (value: string) => string | undefined;
}) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const error = draft === value ? undefined : check(draft);
  const commit = () => {
    if (draft !== value && check(draft) === undefined) onCommit(draft);
  };
  return (
    <Field label={label} htmlFor={id} error={error}>
      <Input
        id={id}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onPressEnter={commit}
      />
    </Field>
  );
}

/**
 * A duration as an amount and a unit (hours, days, working days, weeks, months, years), written as
 * the definition stores it (P14D, 5WD …); empty when `optional` and cleared.
 */
export function DurationField({
  id,
  label,
  value,
  onChange,
  units = DURATION_UNITS,
}: {
  id: string;
  label: ReactNode;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  units?: readonly DurationUnit[];
}) {
  const { t } = useTranslation();
  const parts = value === undefined ? undefined : parseDurationParts(value);
  // A duration the pickers cannot show (P1DT2H) stays editable as text rather than being lost.
  if (value !== undefined && !parts)
    return <TextField id={id} label={label} value={value} onChange={(text) => onChange(text || undefined)} />;
  const unit = parts?.unit ?? 'D';
  return (
    <Field label={label} htmlFor={id}>
      <Space.Compact block>
        <InputNumber
          id={id}
          min={1}
          precision={0}
          value={parts?.amount ?? null}
          placeholder={t('designer.duration.none')}
          onChange={(amount) =>
            onChange(
              typeof amount === 'number' && amount >= 1 ? formatDurationParts({ amount, unit }) : undefined,
            )
          }
          className="sgf-designer-duration-amount"
        />
        <Select<DurationUnit>
          aria-label={t('designer.duration.unit')}
          value={unit}
          onChange={(next) => onChange(formatDurationParts({ amount: parts?.amount ?? 1, unit: next }))}
          options={units.map((candidate) => ({
            value: candidate,
            label: t(`designer.duration.units.${candidate}`),
          }))}
          className="sgf-designer-duration-unit"
        />
      </Space.Compact>
    </Field>
  );
}
