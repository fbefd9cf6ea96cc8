// Wire types of the notification API, inferred from the server's zod contracts (type-only: no zod
// in the bundle).
import type {
  TMarkedRead,
  TNotification,
  TNotificationPage,
  TUnreadCount,
  TUrgeRequest,
  TUrgeResult,
} from '../../../api/notifications/notification.types';

export type Notification = TNotification;
export type NotificationPage = TNotificationPage;
export type UnreadCount = TUnreadCount;
export type MarkedRead = TMarkedRead;
export type UrgeRequest = TUrgeRequest;
export type UrgeResult = TUrgeResult;
