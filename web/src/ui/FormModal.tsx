// A dialog holding one form: OK submits it, server problems land on its fields (or in an alert above
// them), and the form starts fresh each time the dialog opens.
import { Form, Modal } from 'antd';
import type { Store } from 'antd/es/form/interface';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormProblem } from './use-form-problem';

export interface FormModalProps<V> {
  open: boolean;
  /** Prefixes the fields' ids, so labels point at this form's inputs and not at a same-named filter's. */
  name: string;
  title: string;
  okText?: string;
  /** Names of the fields the server's `errors[].field` may point at. */
  serverFields: readonly string[];
  pending: boolean;
  /** Starting values; may be partial or shaped for the inputs (e.g. one empty row of a list). */
  initialValues?: Store;
  /** Send the values; call `showProblem` with the error if the server refuses them. */
  onSubmit: (values: V, showProblem: (error: unknown) => void) => void;
  onClose: () => void;
  children: ReactNode;
}

export function FormModal<V extends object>(props: FormModalProps<V>) {
  // Mounted only while open, so each opening gets a new form and no stale errors.
  return props.open ? <OpenFormModal {...props} /> : null;
}

function OpenFormModal<V extends object>({
  name,
  title,
  okText,
  serverFields,
  pending,
  initialValues,
  onSubmit,
  onClose,
  children,
}: FormModalProps<V>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  const problem = useFormProblem(form, serverFields);
  return (
    <Modal
      open
      title={title}
      okText={okText ?? t('ui.save')}
      cancelText={t('ui.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={pending}
      mask={{ closable: false }}
      width={600}
    >
      {problem.alert}
      <Form<V>
        name={name}
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => {
          problem.clear();
          onSubmit(values, problem.show);
        }}
      >
        {children}
        {/* Enter in a field submits, as in any form. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
