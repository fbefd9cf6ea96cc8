// 同意 / 驳回 / 退回: each opens a dialog for the comment; rejecting or returning must say why. A
// return ends the step for every seat (the engine's rule), which the dialog says before it is sent.
import { Alert, Button, Card, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { useTaskAction } from '../work-hooks';
import type { TaskDetail, Vote } from '../work-types';

const BUTTON_TYPE = { approve: 'primary', reject: 'default', return: 'default' } as const satisfies Record<
  Vote,
  string
>;

export function ApprovalActions({ task, onDone }: { task: TaskDetail; onDone: (said: string) => void }) {
  const { t } = useTranslation();
  const [vote, setVote] = useState<Vote | null>(null);
  const action = useTaskAction(task.id);
  return (
    <Card title={<h2 className="sgf-card-title">{t('task.decide')}</h2>}>
      <Flex gap="small" wrap>
        {task.votes.map((option) => (
          <Button
            key={option}
            type={BUTTON_TYPE[option]}
            danger={option === 'reject'}
            onClick={() => setVote(option)}
          >
            {t(`task.votes.${option}`)}
          </Button>
        ))}
      </Flex>
      <FormModal<{ comment?: string }>
        open={vote !== null}
        name="voteForm"
        title={vote ? t(`task.votes.${vote}`) : ''}
        okText={vote ? t(`task.votes.${vote}`) : undefined}
        serverFields={['comment', 'vote']}
        pending={action.isPending}
        onClose={() => setVote(null)}
        onSubmit={(values, showProblem) => {
          if (!vote) return;
          const comment = values.comment?.trim();
          action.mutate(
            { kind: 'vote', body: { vote, ...(comment ? { comment } : {}) } },
            { onSuccess: () => onDone(t(`task.voted.${vote}`)), onError: showProblem },
          );
        }}
      >
        {vote === 'return' && (
          <Alert type="warning" showIcon title={t('task.returnEndsStep')} style={{ marginBottom: 16 }} />
        )}
        <Form.Item
          name="comment"
          label={t('task.comment')}
          rules={[
            { required: vote !== 'approve', whitespace: true, message: t('task.commentRequired') },
            { max: 2000 },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
