// Wire contracts of the in-app notification inbox, its live stream and the urge (催办). The web
// imports them.
import { z } from 'zod';
import { pageOf, ZPageQuery } from '../http/pagination';

export const ZNotification = z
  .object({
    id: z.string(),
    template: z.string(),
    /** The sentence the inbox shows, in Chinese and English. */
    text: z.object({ zh: z.string(), en: z.string() }),
    projectId: z.string(),
    projectTitle: z.string(),
    /** The task it is about (its row id, for /inbox/tasks/:id), when there is one. */
    taskId: z.string().nullable(),
    createdAt: z.string(),
    read: z.boolean(),
  })
  .meta({ id: 'Notification' });
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationListQuery = ZPageQuery.extend({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** `true`: only what the caller has not read yet. */
  unread: z.enum(['true', 'false']).default('false'),
});
export type TNotificationListQuery = z.output<typeof ZNotificationListQuery>;

export const ZNotificationPage = pageOf(ZNotification).extend({ unread: z.number().int() });
export type TNotificationPage = z.infer<typeof ZNotificationPage>;

export const ZUnreadCount = z.object({ unread: z.number().int() });
export type TUnreadCount = z.infer<typeof ZUnreadCount>;

export const ZMarkedRead = z.object({ marked: z.number().int(), unread: z.number().int() });
export type TMarkedRead = z.infer<typeof ZMarkedRead>;

export const ZUrgeRequest = z.object({
  /** A short word to the person urged, shown in their notification. */
  message: z.string().trim().max(200).optional(),
});
export type TUrgeRequest = z.infer<typeof ZUrgeRequest>;

export const ZUrgeResult = z.object({
  /** Who was urged: the assignee, or the role and unit whose holders may claim the task. */
  recipient: z.union([
    z.object({ type: z.literal('user'), userId: z.string(), displayName: z.string() }),
    z.object({ type: z.literal('role'), role: z.string(), unitId: z.string().nullable() }),
  ]),
  notificationId: z.string(),
});
export type TUrgeResult = z.infer<typeof ZUrgeResult>;
