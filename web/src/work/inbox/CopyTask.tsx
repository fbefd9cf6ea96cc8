// 抄送: whoever may act on the task copies it to colleagues with a note; they are notified and may
// read the project. Offered where the server's `may.copy` says so.
import { Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { useHandOver } from '../work-hooks';
import type { TaskActivity } from './task-action-types';

interface Values {
  userIds?: string[];
  note?: string;
}

export function CopyTask({
  taskId,
  activity,
  onDone,
}: {
  taskId: string;
  activity: TaskActivity;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const action = useHandOver(taskId);
  if (!activity.may.copy) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('carbonCopy.copy')}</Button>
      <FormModal<Values>
        open={open}
        name="copyTaskForm"
        title={t('carbonCopy.copy')}
        okText={t('carbonCopy.copy')}
        serverFields={['userIds', 'note']}
        pending={action.isPending}
        onClose={() => setOpen(false)}
        onSubmit={(values, showProblem) => {
          const note = values.note?.trim();
          action.mutate(
            { kind: 'cc', body: { userIds: values.userIds ?? [], ...(note ? { note } : {}) } },
            {
              onSuccess: () => {
                setOpen(false);
                onDone();
              },
              onError: showProblem,
            },
          );
        }}
      >
        <p>{t('carbonCopy.meaning')}</p>
        <Form.Item
          name="userIds"
          label={t('carbonCopy.recipients')}
          rules={[{ required: true, message: t('carbonCopy.recipientsRequired') }]}
        >
          <Select
            mode="multiple"
            maxCount={20}
            showSearch={{ optionFilterProp: 'label' }}
            options={activity.copyTo.map((person) => ({ value: person.id, label: person.displayName }))}
            notFoundContent={t('carbonCopy.noRecipients')}
          />
        </Form.Item>
        <Form.Item name="note" label={t('carbonCopy.note')} rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </FormModal>
    </>
  );
}
