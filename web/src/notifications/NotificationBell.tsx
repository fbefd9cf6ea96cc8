// The header's bell: the unread count as a live badge; a click opens the notification drawer.
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnreadCount } from './notification-hooks';
import { useNotificationStream } from './use-notification-stream';

// The drawer loads on first open: the header of every page stays light.
const NotificationDrawer = lazy(() => import('./NotificationDrawer'));

export function NotificationBell() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const stream = useNotificationStream(true);
  const unread = useUnreadCount().data ?? 0;
  const label = unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell');
  return (
    <>
      {/* Closed while the drawer is open, which it would otherwise float over. */}
      <Tooltip title={label} open={open ? false : undefined}>
        <Button
          type="text"
          aria-label={label}
          data-testid="notification-bell"
          data-stream={stream}
          onClick={() => {
            setOpened(true);
            setOpen(true);
          }}
          icon={
            <Badge count={unread} size="small" overflowCount={99} data-testid="notification-badge">
              <BellOutlined className="sgf-bell-icon" />
            </Badge>
          }
        />
      </Tooltip>
      {opened && (
        <Suspense fallback={null}>
          <NotificationDrawer open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
