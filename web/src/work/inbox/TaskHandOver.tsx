// 改派 / 委派 / 转办 / 交回 / 退回 / 拿回 (and 加签, AddSigner.tsx; 抄送, CopyTask.tsx): the hand-overs the caller may make, each a dialog naming the person
// (or, for 退回, the earlier step) and a note (a reassignment must give its reason). Which ones show
// comes from the server's `may`.
import { Card, Flex, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ModalAction, type SendCallbacks } from '../../ui/ModalAction';
import { useHandOver } from '../work-hooks';
import { AddSigner } from './AddSigner';
import { CopyTask } from './CopyTask';
import { NoteField, PersonField } from './hand-over-fields';
import type { TaskActivity } from './task-action-types';

type Kind = 'reassign' | 'delegate' | 'transfer' | 'resolve' | 'return' | 'takeBack';
const KINDS = [
  'delegate',
  'transfer',
  'reassign',
  'resolve',
  'return',
  'takeBack',
] as const satisfies readonly Kind[];

interface Values {
  toUserId?: string;
  toNodeId?: string;
  /** A reassignment's reason (required); the other hand-overs' optional note. */
  reason?: string;
  comment?: string;
}

export function TaskHandOver({
  taskId,
  activity,
  onDone,
  onSigned,
  onCopied,
}: {
  taskId: string;
  activity: TaskActivity;
  onDone: (kind: Kind) => void;
  onSigned: () => void;
  onCopied: () => void;
}) {
  const { t } = useTranslation();
  const action = useHandOver(taskId);
  const offered = KINDS.filter((k) => activity.may[k]);
  if (offered.length === 0 && !activity.may.addSigner && !activity.may.copy) return null;

  const send = (kind: Kind, values: Values, done: SendCallbacks) => {
    const note = (kind === 'reassign' ? values.reason : values.comment)?.trim();
    const toUserId = values.toUserId ?? '';
    if (kind === 'reassign') action.mutate({ kind, body: { toUserId, reason: note ?? '' } }, done);
    else if (kind === 'resolve') action.mutate({ kind, body: note ? { comment: note } : {} }, done);
    else if (kind === 'takeBack') action.mutate({ kind: 'take-back' }, done);
    else if (kind === 'return')
      action.mutate(
        { kind, body: { toNodeId: values.toNodeId ?? '', ...(note ? { comment: note } : {}) } },
        done,
      );
    else action.mutate({ kind, body: { toUserId, ...(note ? { comment: note } : {}) } }, done);
  };

  return (
    <Card title={<h2 className="sgf-card-title">{t('taskActions.title')}</h2>}>
      <Flex gap="small" wrap>
        {offered.map((kind) => (
          <ModalAction<Values>
            key={kind}
            label={t(`taskActions.kinds.${kind}`)}
            buttonType={kind === 'resolve' ? 'primary' : 'default'}
            name="handOverForm"
            serverFields={['toUserId', 'toNodeId', 'reason', 'comment']}
            pending={action.isPending}
            send={(values, done) => send(kind, values, done)}
            onDone={() => onDone(kind)}
          >
            <p>{t(`taskActions.meaning.${kind}`)}</p>
            {(kind === 'reassign' || kind === 'delegate' || kind === 'transfer') && (
              <PersonField
                name="toUserId"
                label={t('taskActions.to')}
                requiredMessage={t('taskActions.toRequired')}
                people={activity.eligible}
                nobody={t('taskActions.noneEligible')}
              />
            )}
            {kind === 'return' && (
              <Form.Item
                name="toNodeId"
                label={t('taskActions.toNode')}
                rules={[{ required: true, message: t('taskActions.toNodeRequired') }]}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={activity.returnTargets.map((target) => ({
                    value: target.nodeId,
                    label: target.name,
                  }))}
                />
              </Form.Item>
            )}
            {kind === 'reassign' && (
              <NoteField
                name="reason"
                label={t('taskActions.reason')}
                max={500}
                requiredMessage={t('taskActions.reasonRequired')}
              />
            )}
            {kind !== 'reassign' && kind !== 'takeBack' && (
              <NoteField name="comment" label={t('taskActions.note')} max={2000} />
            )}
          </ModalAction>
        ))}
        <AddSigner taskId={taskId} activity={activity} onDone={onSigned} />
        <CopyTask taskId={taskId} activity={activity} onDone={onCopied} />
      </Flex>
    </Card>
  );
}
