// 抄送 on the project page: each copy (who copied which step, when, the note) with its recipients
// 已读 (time) / 未读; a role recipient lists the holders who have read it. Opening the page marks
// the copies to the caller read. Shown only once the project has been copied.
import { Card, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format-time';
import { type ProjectCopy, useMarkCopiesReadOnOpen, useProjectCopies } from '../carbon-copy-hooks';

function Recipient({ recipient }: { recipient: ProjectCopy['recipients'][number] }) {
  const { t } = useTranslation();
  if (recipient.type === 'role')
    return (
      <Tag title={recipient.reads.map((read) => read.person.displayName).join('、')}>
        {t('carbonCopy.roleReads', {
          role: t(`roles.${recipient.role}`),
          unit: recipient.unitName ?? '',
          count: recipient.reads.length,
        })}
      </Tag>
    );
  return (
    <Tag color={recipient.readAt ? 'green' : 'default'}>
      {recipient.person.displayName}{' '}
      {recipient.readAt
        ? t('carbonCopy.read', { at: formatDateTime(recipient.readAt) })
        : t('carbonCopy.unread')}
    </Tag>
  );
}

export default function ProjectCopies({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  useMarkCopiesReadOnOpen(projectId);
  const copies = useProjectCopies(projectId);
  if (!copies.data?.length) return null;
  return (
    <Card title={<h2 className="sgf-card-title">{t('carbonCopy.panel')}</h2>}>
      <List
        dataSource={copies.data}
        rowKey="copyId"
        renderItem={(copy) => (
          <List.Item>
            <Flex vertical gap={4}>
              <Typography.Text>
                {copy.by
                  ? t('carbonCopy.by', { who: copy.by.displayName, task: copy.taskName })
                  : t('carbonCopy.byNode', { task: copy.taskName })}{' '}
                <Typography.Text type="secondary">{formatDateTime(copy.sentAt)}</Typography.Text>
              </Typography.Text>
              {copy.note && <Typography.Text type="secondary">{copy.note}</Typography.Text>}
              <Flex wrap gap={4}>
                {copy.recipients.map((recipient, index) => (
                  <Recipient key={index} recipient={recipient} />
                ))}
              </Flex>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
