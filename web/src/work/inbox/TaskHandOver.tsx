// 改派 / 委派 / 转办 / 交回 / 退回 / 拿回 (and 加签, AddSigner.tsx; 抄送, CopyTask.tsx): the hand-overs the caller may make, each a dialog naming the person
// (or, for 退回, the earlier step) and a note (a reassignment must give its reason). Which ones show
// comes from the server's `may`.
import { Button, Card, Flex, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { useHandOver } from '../work-hooks';
import { AddSigner } from './AddSigner';
import { CopyTask } from './CopyTask';
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
  const [kind, setKind] = useState<Kind | null>(null);
  const action = useHandOver(taskId);
  const offered = KINDS.filter((k) => activity.may[k]);
  if (offered.length === 0 && !activity.may.addSigner && !activity.may.copy) return null;
  const needsPerson = kind === 'reassign' || kind === 'delegate' || kind === 'transfer';
  return (
    <Card title={<h2 className="sgf-card-title">{t('taskActions.title')}</h2>}>
      <Flex gap="small" wrap>
        {offered.map((k) => (
          <Button key={k} type={k === 'resolve' ? 'primary' : 'default'} onClick={() => setKind(k)}>
            {t(`taskActions.kinds.${k}`)}
          </Button>
        ))}
        <AddSigner taskId={taskId} activity={activity} onDone={onSigned} />
        <CopyTask taskId={taskId} activity={activity} onDone={onCopied} />
      </Flex>
      <FormModal<Values>
        open={kind !== null}
        name="handOverForm"
        title={kind ? t(`taskActions.kinds.${kind}`) : ''}
        okText={kind ? t(`taskActions.kinds.${kind}`) : undefined}
        serverFields={['toUserId', 'toNodeId', 'reason', 'comment']}
        pending={action.isPending}
        onClose={() => setKind(null)}
        onSubmit={(values, showProblem) => {
          if (!kind) return;
          const note = (kind === 'reassign' ? values.reason : values.comment)?.trim();
          const toUserId = values.toUserId ?? '';
          const done = { onSuccess: () => onDone(kind), onError: showProblem };
          if (kind === 'reassign') action.mutate({ kind, body: { toUserId, reason: note ?? '' } }, done);
          else if (kind === 'resolve') action.mutate({ kind, body: note ? { comment: note } : {} }, done);
          else if (kind === 'takeBack') action.mutate({ kind: 'take-back' }, done);
          else if (kind === 'return')
            action.mutate(
              { kind, body: { toNodeId: values.toNodeId ?? '', ...(note ? { comment: note } : {}) } },
              done,
            );
          else action.mutate({ kind, body: { toUserId, ...(note ? { comment: note } : {}) } }, done);
        }}
      >
        {kind && <p>{t(`taskActions.meaning.${kind}`)}</p>}
        {needsPerson && (
          <Form.Item
            name="toUserId"
            label={t('taskActions.to')}
            rules={[{ required: true, message: t('taskActions.toRequired') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={activity.eligible.map((person) => ({ value: person.id, label: person.displayName }))}
              notFoundContent={t('taskActions.noneEligible')}
            />
          </Form.Item>
        )}
        {kind === 'return' && (
          <Form.Item
            name="toNodeId"
            label={t('taskActions.toNode')}
            rules={[{ required: true, message: t('taskActions.toNodeRequired') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={activity.returnTargets.map((target) => ({ value: target.nodeId, label: target.name }))}
            />
          </Form.Item>
        )}
        {kind !== 'takeBack' && (
          <Form.Item
            name={kind === 'reassign' ? 'reason' : 'comment'}
            label={kind === 'reassign' ? t('taskActions.reason') : t('taskActions.note')}
            rules={[
              { required: kind === 'reassign', whitespace: true, message: t('taskActions.reasonRequired') },
              { max: kind === 'reassign' ? 500 : 2000 },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        )}
      </FormModal>
    </Card>
  );
}
