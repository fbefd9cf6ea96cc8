// Puts a server problem where the person will look for it: each field error on its form field, and
// whatever no field of the form can hold in one alert above the form.
import { Alert, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeProblem, fieldReason, isApiProblem } from '../api/client';

/** `assignments.0.role` → ['assignments', 0, 'role'], the name path antd forms use. */
function namePathOf(field: string): Array<string | number> {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export interface FormProblem {
  /** Pass as a mutation's onError. */
  show: (error: unknown) => void;
  clear: () => void;
  alert: ReactNode;
}

export function useFormProblem(form: FormInstance, fields: readonly string[]): FormProblem {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);

  const show = (error: unknown) => {
    // A stale revision is announced and reloaded by the query client for every form alike.
    if (isApiProblem(error) && error.status === 412) return;
    const fieldErrors = isApiProblem(error) ? (error.errors ?? []) : [];
    const placed = fieldErrors.filter((e) => fields.includes(e.field.split('.')[0] ?? ''));
    form.setFields(placed.map((e) => ({ name: namePathOf(e.field), errors: [fieldReason(e)] })));
    const unplaced = fieldErrors.filter((e) => !placed.includes(e));
    const allPlaced = placed.length > 0 && unplaced.length === 0;
    setMessage(
      allPlaced
        ? null
        : [describeProblem(error, t), ...unplaced.map((e) => `${e.field}: ${fieldReason(e)}`)].join(' '),
    );
  };

  const alert = message ? (
    <Alert type="error" showIcon role="alert" title={message} className="sgf-form-alert" />
  ) : null;
  return { show, clear: () => setMessage(null), alert };
}
