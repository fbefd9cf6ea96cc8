// The caller's notifications: one page newest first (optionally only unread), the unread count,
// and their read receipts (one per person, so a role notification is read by each holder alone).
import { z } from 'zod';
import { Prisma } from '../../prisma/generated/client';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import { decodeCursor, toPage } from '../http/pagination';
import { addressedTo, unreadBy } from './notification-scope';
import { notificationText } from './notification-text';
import type {
  TMarkedRead,
  TNotification,
  TNotificationListQuery,
  TNotificationPage,
} from './notification.types';

interface NotificationRow {
  id: string;
  template: string;
  payload: Record<string, unknown>;
  created_at: Date;
  project_id: string;
  project_title: string;
  task_id: string | null;
  task_name: string | null;
  read: boolean;
}

const ZNotificationCursor = z.tuple([z.iso.datetime(), z.guid()]);

/** The caller's notifications matching the filters, newest first, with what the inbox shows. */
async function selectNotifications(
  db: DbClient,
  caller: Caller,
  filters: Prisma.Sql[],
  limit: number,
): Promise<NotificationRow[]> {
  return db.$queryRaw<NotificationRow[]>`
    SELECT n.id, n.template, n.payload, n.created_at, i.id AS project_id, i.title AS project_title,
           t.id AS task_id, t.name AS task_name, (r.user_id IS NOT NULL) AS read
    FROM notification n
    JOIN process_instance i ON i.id = n.instance_id
    LEFT JOIN task t ON t.instance_id = n.instance_id AND t.engine_task_id = n.payload ->> 'taskId'
    LEFT JOIN notification_read r ON r.notification_id = n.id AND r.user_id = ${caller.userId}::uuid
    WHERE ${Prisma.join([addressedTo(caller), ...filters], ' AND ')}
    ORDER BY n.created_at DESC, n.id DESC LIMIT ${limit}`;
}

function notificationOf(row: NotificationRow): TNotification {
  return {
    id: row.id,
    template: row.template,
    text: notificationText({
      template: row.template,
      payload: row.payload,
      projectTitle: row.project_title,
      taskName: row.task_name,
    }),
    projectId: row.project_id,
    projectTitle: row.project_title,
    taskId: row.task_id,
    createdAt: row.created_at.toISOString(),
    read: row.read,
  };
}

export async function listNotifications(
  db: DbClient,
  caller: Caller,
  query: TNotificationListQuery,
): Promise<TNotificationPage> {
  const filters: Prisma.Sql[] = [];
  if (query.unread === 'true') filters.push(unreadBy(caller));
  if (query.cursor) {
    const [after, id] = decodeCursor(query.cursor, ZNotificationCursor);
    filters.push(Prisma.sql`(n.created_at, n.id) < (${after}::timestamptz, ${id}::uuid)`);
  }
  const rows = await selectNotifications(db, caller, filters, query.limit + 1);
  const page = toPage(rows, query.limit, (row) => [row.created_at.toISOString(), row.id], notificationOf);
  return { ...page, unread: await unreadCount(db, caller) };
}

/** The caller's notifications among these ids (what the live stream pushes when rows arrive). */
export async function notificationsAmong(
  db: DbClient,
  caller: Caller,
  ids: readonly string[],
): Promise<TNotification[]> {
  const rows = await selectNotifications(
    db,
    caller,
    [Prisma.sql`n.id = ANY(${[...ids]}::uuid[])`],
    ids.length,
  );
  return rows.map(notificationOf);
}

export async function unreadCount(db: DbClient, caller: Caller): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM notification n JOIN process_instance i ON i.id = n.instance_id
    WHERE ${addressedTo(caller)} AND ${unreadBy(caller)}`;
  return rows[0]?.n ?? 0;
}

const notificationNotFound = () =>
  new AppError('NOT_FOUND', 'No such notification among yours.', [], {
    detailZh: '未找到该通知，或它不是发给您的',
  });

/** Marks one of the caller's notifications read (again is fine); someone else's is a 404. */
export async function markRead(db: DbClient, caller: Caller, id: string): Promise<TMarkedRead> {
  const mine = await db.$queryRaw<{ id: string }[]>`
    SELECT n.id FROM notification n JOIN process_instance i ON i.id = n.instance_id
    WHERE n.id = ${id}::uuid AND ${addressedTo(caller)}`;
  if (mine.length === 0) throw notificationNotFound();
  const marked = await db.$executeRaw`
    INSERT INTO notification_read (notification_id, user_id) VALUES (${id}::uuid, ${caller.userId}::uuid)
    ON CONFLICT DO NOTHING`;
  return { marked, unread: await unreadCount(db, caller) };
}

export async function markAllRead(db: DbClient, caller: Caller): Promise<TMarkedRead> {
  const marked = await db.$executeRaw`
    INSERT INTO notification_read (notification_id, user_id)
    SELECT n.id, ${caller.userId}::uuid FROM notification n JOIN process_instance i ON i.id = n.instance_id
    WHERE ${addressedTo(caller)} AND ${unreadBy(caller)}
    ON CONFLICT DO NOTHING`;
  return { marked, unread: await unreadCount(db, caller) };
}
