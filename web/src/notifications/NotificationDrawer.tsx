// The notification drawer: all or only unread, newest first, each as a sentence in the person's
// language; a click marks it read and opens the task (or the project) it is about.
import { CheckOutlined } from '@ant-design/icons';
import { App, Badge, Button, Drawer, Empty, Flex, Grid, List, Segmented, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '../ui/format-time';
import { useNotifyProblem } from '../ui/use-notify-problem';
import { useMarkAllRead, useMarkRead, useNotificationPages, useUnreadCount } from './notification-hooks';
import type { Notification } from './notification-types';
import './notifications.css';

/** Where a notification leads: its task when it names one, else its project. */
export const targetOf = (item: Pick<Notification, 'taskId' | 'projectId'>): string =>
  item.taskId ? `/inbox/tasks/${item.taskId}` : `/projects/${item.projectId}`;

export default function NotificationDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const notifyProblem = useNotifyProblem();
  const screens = Grid.useBreakpoint();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const pages = useNotificationPages(unreadOnly, open);
  const unread = useUnreadCount().data ?? 0;
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const english = i18n.language === 'en';

  const openItem = (item: Notification) => {
    if (!item.read) markRead.mutate(item.id, { onError: notifyProblem });
    onClose();
    void navigate(targetOf(item));
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('notifications.title')}
      placement="right"
      size={screens.sm ? 420 : '100%'}
      destroyOnHidden={false}
      data-testid="notification-drawer"
      extra={
        <Button
          size="small"
          icon={<CheckOutlined />}
          disabled={unread === 0}
          loading={markAll.isPending}
          data-testid="notifications-mark-all"
          onClick={() =>
            markAll.mutate(undefined, {
              onSuccess: ({ marked }) =>
                void message.success(t('notifications.markedAllRead', { count: marked })),
              onError: notifyProblem,
            })
          }
        >
          {t('notifications.markAllRead')}
        </Button>
      }
    >
      <Segmented
        block
        value={unreadOnly ? 'unread' : 'all'}
        onChange={(value) => setUnreadOnly(value === 'unread')}
        options={[
          { value: 'all', label: t('notifications.all') },
          { value: 'unread', label: `${t('notifications.unread')} (${unread})` },
        ]}
        className="sgf-notifications-filter"
      />
      {pages.isPending ? (
        <div className="sgf-center-block">
          <Spin />
        </div>
      ) : items.length === 0 ? (
        <Empty description={unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')} />
      ) : (
        <List<Notification>
          dataSource={items}
          rowKey="id"
          renderItem={(item) => (
            <List.Item className="sgf-notification" data-testid="notification-item" data-read={item.read}>
              <button type="button" className="sgf-notification-button" onClick={() => openItem(item)}>
                <Flex gap="small" align="flex-start">
                  <Badge
                    status={item.read ? 'default' : 'processing'}
                    aria-label={item.read ? undefined : t('notifications.unreadDot')}
                    className="sgf-notification-dot"
                  />
                  <Flex vertical gap={2} className="sgf-grow">
                    <Typography.Text strong={!item.read}>
                      {english ? item.text.en : item.text.zh}
                    </Typography.Text>
                    <Typography.Text className="sgf-notification-time">
                      {formatDateTime(item.createdAt)}
                    </Typography.Text>
                  </Flex>
                </Flex>
              </button>
            </List.Item>
          )}
        />
      )}
      {pages.hasNextPage && (
        <Flex justify="center" className="sgf-actions">
          <Button loading={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
            {t('notifications.loadMore')}
          </Button>
        </Flex>
      )}
    </Drawer>
  );
}
