// 加签: the holder of an approval seat brings in a co-signer before (前加签: their own seat waits for
// the signer's vote) or after themself (后加签). Offered where the server's `may.addSigner` says so.
import { Button, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { useHandOver } from '../work-hooks';
import type { AddSignerRequest, TaskActivity } from './task-action-types';

interface Values {
  toUserId?: string;
  position?: AddSignerRequest['position'];
  comment?: string;
}

export function AddSigner({
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
  if (!activity.may.addSigner) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('cosign.addSigner')}</Button>
      <FormModal<Values>
        open={open}
        name="addSignerForm"
        title={t('cosign.addSigner')}
        okText={t('cosign.addSigner')}
        serverFields={['toUserId', 'position', 'comment']}
        pending={action.isPending}
        initialValues={{ position: 'before' }}
        onClose={() => setOpen(false)}
        onSubmit={(values, showProblem) => {
          const comment = values.comment?.trim();
          action.mutate(
            {
              kind: 'add-signer',
              body: {
                toUserId: values.toUserId ?? '',
                position: values.position ?? 'before',
                ...(comment ? { comment } : {}),
              },
            },
            { onSuccess: onDone, onError: showProblem },
          );
        }}
      >
        <p>{t('cosign.addSignerMeaning')}</p>
        <Form.Item
          name="toUserId"
          label={t('cosign.signer')}
          rules={[{ required: true, message: t('cosign.signerRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={activity.signers.map((person) => ({ value: person.id, label: person.displayName }))}
            notFoundContent={t('cosign.noSigners')}
          />
        </Form.Item>
        <Form.Item name="position" label={t('cosign.position')}>
          <Radio.Group
            options={(['before', 'after'] as const).map((position) => ({
              value: position,
              label: t(`cosign.positions.${position}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="comment" label={t('taskActions.note')} rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </FormModal>
    </>
  );
}
