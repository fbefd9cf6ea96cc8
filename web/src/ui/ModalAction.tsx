// A button that opens a dialog holding one form whose OK sends one command (加签, 抄送, 转办, 发送事件 …):
// the button, the dialog's title and its OK say the same thing (unless told otherwise), the dialog closes once the command
// succeeds, and the server's problems land on the form's fields (FormModal).
import { Button, type ButtonProps } from 'antd';
import type { Store } from 'antd/es/form/interface';
import { useState, type ReactNode } from 'react';
import { FormModal } from './FormModal';

/** What `send` passes to its mutation: close and report on success, show the problem otherwise. */
export interface SendCallbacks {
  onSuccess: () => void;
  onError: (error: unknown) => void;
}

export interface ModalActionProps<V> {
  /** The button's text, the dialog's title and its OK. */
  label: string;
  /** The dialog's title where it says more than the button (e.g. names the project). */
  title?: string;
  /** The OK's text where it says less than the button (发送 under 发送事件). */
  okText?: string;
  buttonType?: ButtonProps['type'];
  /** Prefixes the form's field ids (FormModal). */
  name: string;
  serverFields: readonly string[];
  pending: boolean;
  initialValues?: Store;
  /** Sends the command for the form's values. */
  send: (values: V, callbacks: SendCallbacks) => void;
  /** After the command succeeded and the dialog closed. */
  onDone: () => void;
  children: ReactNode;
}

export function ModalAction<V extends object>({
  label,
  title,
  okText,
  buttonType,
  name,
  serverFields,
  pending,
  initialValues,
  send,
  onDone,
  children,
}: ModalActionProps<V>) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type={buttonType} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <FormModal<V>
        open={open}
        name={name}
        title={title ?? label}
        okText={okText ?? label}
        serverFields={serverFields}
        pending={pending}
        {...(initialValues ? { initialValues } : {})}
        onClose={() => setOpen(false)}
        onSubmit={(values, showProblem) =>
          send(values, {
            onSuccess: () => {
              setOpen(false);
              onDone();
            },
            onError: showProblem,
          })
        }
      >
        {children}
      </FormModal>
    </>
  );
}
