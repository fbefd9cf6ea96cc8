// 新建流程: key, name and description, optionally from an imported JSON file (its key and name fill
// the form); without a file the server makes an empty start → end graph.
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { ProcessDefinition } from '../../../../workflows/engine/definition-schema.js';
import { useFormProblem } from '../../ui/use-form-problem';
import { useCreateDefinition } from '../definition-hooks.js';

const KEY_PATTERN = /^[a-z][a-z0-9-]{2,63}$/;

type Values = { key: string; name: string; description?: string };

export function CreateDefinitionDialog({
  open,
  imported,
  onClose,
}: {
  open: boolean;
  imported: ProcessDefinition | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const create = useCreateDefinition();
  const problem = useFormProblem(form, ['key', 'name', 'description']);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    problem.clear();
    if (imported)
      form.setFieldsValue({
        key: imported.key,
        name: imported.name,
        ...(imported.description ? { description: imported.description } : {}),
      });
    // The form is refilled each time the dialog opens, not on every render.
  }, [open, imported]);

  const submit = (values: Values) =>
    create.mutate(
      {
        key: values.key,
        name: values.name,
        ...(values.description ? { description: values.description } : {}),
        ...(imported ? { definition: { ...imported, key: values.key, name: values.name } } : {}),
      },
      {
        onSuccess: (draft) => {
          onClose();
          void navigate(`/designer/${draft.key}`);
        },
        onError: problem.show,
      },
    );

  return (
    <Modal
      open={open}
      title={t('designer.create.title')}
      okText={t('designer.create.submit')}
      okButtonProps={{ loading: create.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem.alert}
      {imported && (
        <Alert
          type="info"
          showIcon
          title={t('designer.create.imported', { name: imported.name, nodes: imported.nodes.length })}
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark>
        <Form.Item
          name="name"
          label={t('designer.create.name')}
          rules={[{ required: true, whitespace: true, message: t('designer.create.name') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="key"
          label={t('designer.create.key')}
          extra={<Typography.Text type="secondary">{t('designer.create.keyHelp')}</Typography.Text>}
          rules={[{ required: true, pattern: KEY_PATTERN, message: t('designer.create.keyInvalid') }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="description" label={t('designer.create.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
