// 抄送: whoever may act on the task copies it to colleagues with a note; they are notified and may
// read the project. Offered where the server's `may.copy` says so.
import { useTranslation } from 'react-i18next';
import { ModalAction } from '../../ui/ModalAction';
import { useHandOver } from '../work-hooks';
import { NoteField, PersonField } from './hand-over-fields';
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
  const action = useHandOver(taskId);
  if (!activity.may.copy) return null;
  return (
    <ModalAction<Values>
      label={t('carbonCopy.copy')}
      name="copyTaskForm"
      serverFields={['userIds', 'note']}
      pending={action.isPending}
      onDone={onDone}
      send={(values, callbacks) => {
        const note = values.note?.trim();
        action.mutate(
          { kind: 'cc', body: { userIds: values.userIds ?? [], ...(note ? { note } : {}) } },
          callbacks,
        );
      }}
    >
      <p>{t('carbonCopy.meaning')}</p>
      <PersonField
        name="userIds"
        label={t('carbonCopy.recipients')}
        requiredMessage={t('carbonCopy.recipientsRequired')}
        people={activity.copyTo}
        nobody={t('carbonCopy.noRecipients')}
        multiple
      />
      <NoteField name="note" label={t('carbonCopy.note')} max={2000} />
    </ModalAction>
  );
}
