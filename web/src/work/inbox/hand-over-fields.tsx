// The fields the task's hand-over dialogs share: the person (or people) it goes to, out of those the
// server offers, and the note that goes with it.
import { Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { PersonSelect } from '../../ui/PersonSelect';
import type { PersonRef } from '../work-types';

export function PersonField({
  name,
  label,
  requiredMessage,
  people,
  nobody,
  multiple,
}: {
  name: string;
  label: string;
  requiredMessage: string;
  people: readonly PersonRef[];
  nobody: string;
  /** Several people (抄送), at most 20 as the server allows. */
  multiple?: boolean;
}) {
  return (
    <Form.Item name={name} label={label} rules={[{ required: true, message: requiredMessage }]}>
      <PersonSelect
        people={people}
        nobody={nobody}
        {...(multiple ? { mode: 'multiple', maxCount: 20 } : {})}
      />
    </Form.Item>
  );
}

/** A note; a required one (a reassignment's reason) must say more than spaces. */
export function NoteField({
  name,
  label,
  max,
  requiredMessage,
}: {
  name: string;
  label: ReactNode;
  max: number;
  requiredMessage?: string;
}) {
  return (
    <Form.Item
      name={name}
      label={label}
      rules={[
        ...(requiredMessage ? [{ required: true, whitespace: true, message: requiredMessage }] : []),
        { max },
      ]}
    >
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
    </Form.Item>
  );
}
