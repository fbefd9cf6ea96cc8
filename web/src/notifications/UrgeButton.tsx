// 催办: a button for an open task on the project page. It asks for an optional word to the person
// urged, then notifies the task's assignee (or, while unclaimed, whoever may claim it). The server
// allows one urge per task and person in ten minutes and says when the next may go.
import { BellOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeProblem, isApiProblem } from '../api/client';
import { useSession } from '../auth/session';
import { useUrgeTask } from './notification-hooks';
import './notifications.css';

export interface UrgeButtonProps {
  taskId: string;
  /** The task's assignee: the button hides itself for them (there is no one else to urge). */
  assigneeId?: string | null;
}

export function UrgeButton({ taskId, assigneeId }: UrgeButtonProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const urge = useUrgeTask(taskId);
  const [text, setText] = useState('');
  if (user && assigneeId === user.id) return null;

  const send = () =>
    urge.mutateAsync(text.trim() ? { message: text.trim() } : {}).then(
      (result) => {
        setText('');
        void message.success(
          result.recipient.type === 'user'
            ? t('notifications.urgedPerson', { name: result.recipient.displayName })
            : t('notifications.urgedRole'),
        );
      },
      (error: unknown) => {
        // A refusal names when the next urge may go: the server's own words, in the person's language.
        const own = isApiProblem(error)
          ? i18n.language === 'en'
            ? error.detail
            : error.detailZh
          : undefined;
        void message.warning(own ?? describeProblem(error, t));
      },
    );

  return (
    <Popconfirm
      title={t('notifications.urgeTitle')}
      description={
        <Flex vertical gap="small" className="sgf-urge-form">
          <Typography.Text type="secondary">{t('notifications.urgeHint')}</Typography.Text>
          <Input.TextArea
            aria-label={t('notifications.urgeMessage')}
            placeholder={t('notifications.urgeMessage')}
            maxLength={200}
            autoSize={{ minRows: 2, maxRows: 4 }}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </Flex>
      }
      okText={t('notifications.urgeSend')}
      onConfirm={() => void send()}
      icon={<BellOutlined />}
    >
      <Button size="small" loading={urge.isPending} data-testid={`urge-${taskId}`}>
        {t('notifications.urge')}
      </Button>
    </Popconfirm>
  );
}
