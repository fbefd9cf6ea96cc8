// 加签: the holder of an approval seat brings in a co-signer before (前加签: their own seat waits for
// the signer's vote) or after themself (后加签). Offered where the server's `may.addSigner` says so.
import { Form, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { ModalAction } from '../../ui/ModalAction';
import { useHandOver } from '../work-hooks';
import { NoteField, PersonField } from './hand-over-fields';
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
  const action = useHandOver(taskId);
  if (!activity.may.addSigner) return null;
  return (
    <ModalAction<Values>
      label={t('cosign.addSigner')}
      name="addSignerForm"
      serverFields={['toUserId', 'position', 'comment']}
      pending={action.isPending}
      initialValues={{ position: 'before' }}
      onDone={onDone}
      send={(values, callbacks) => {
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
          callbacks,
        );
      }}
    >
      <p>{t('cosign.addSignerMeaning')}</p>
      <PersonField
        name="toUserId"
        label={t('cosign.signer')}
        requiredMessage={t('cosign.signerRequired')}
        people={activity.signers}
        nobody={t('cosign.noSigners')}
      />
      <Form.Item name="position" label={t('cosign.position')}>
        <Radio.Group
          options={(['before', 'after'] as const).map((position) => ({
            value: position,
            label: t(`cosign.positions.${position}`),
          }))}
        />
      </Form.Item>
      <NoteField name="comment" label={t('taskActions.note')} max={2000} />
    </ModalAction>
  );
}
