// The in-app notification inbox, its live stream, and the urge (催办) that feeds it. Notifications
// are the caller's own (addressed to them, or to a role they hold where it reaches): anyone else's
// answers 404. Persons only: a service account's token has no inbox.
import { ZIdParams } from '../admin/common.types';
import type { Db } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import type { AuditEntry } from '../http/audit-entry';
import { defineRoute } from '../http/route';
import { expectContentSubtree, expectPersonOnly, expectRecipientSubtree } from '../policy/route-expectations';
import { listNotifications, markAllRead, markRead, unreadCount } from './notification-reads';
import { createNotificationHub, type NotificationHub } from './notification-stream';
import {
  ZMarkedRead,
  ZNotificationListQuery,
  ZNotificationPage,
  ZUnreadCount,
  ZUrgeRequest,
  ZUrgeResult,
} from './notification.types';
import { urgeTask } from './urge';
import { markProjectCopiesRead, myCopies, projectCopies } from './carbon-copies';
import { ZCopiesMarkedRead, ZMyCopies, ZMyCopiesQuery, ZProjectCopies } from './carbon-copy.types';

const person = { kind: 'signedIn', personOnly: true } as const;

/** Marking read is audited only when it marked something (again is fine and writes nothing). */
const auditWhenMarked = (marked: number, entry: AuditEntry): AuditEntry | 'unchanged' =>
  marked === 0 ? 'unchanged' : entry;

/**
 * The stream answers clients that ask for it (EventSource sends Accept: text/event-stream); any
 * other reader, even one that accepts anything, gets a 400 instead of an answer that never ends.
 */
function assertAcceptsEventStream(accept: string | undefined): void {
  if (accept?.includes('text/event-stream')) return;
  throw new AppError('VALIDATION_FAILED', 'This route answers with text/event-stream only.', [
    {
      field: 'headers.accept',
      reason: 'must accept text/event-stream',
      reasonZh: '此接口只返回事件流（text/event-stream），请求须声明 Accept: text/event-stream',
    },
  ]);
}

/** `hub`: the live stream's, which the product closes on shutdown (a fresh one where only the table is read). */
export function notificationRoutes(prisma: Db, hub: NotificationHub = createNotificationHub(prisma)) {
  return [
    defineRoute({
      method: 'get',
      path: '/notifications',
      tag: 'notifications',
      summary: 'The caller’s notifications, newest first (unread=true: only unread), with the unread count',
      access: person,
      expect: expectRecipientSubtree,
      query: ZNotificationListQuery,
      responses: { 200: { description: 'One page', schema: ZNotificationPage } },
      handle: async ({ caller, query }) => ({
        status: 200,
        body: await listNotifications(prisma, caller, query),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/notifications/unread-count',
      tag: 'notifications',
      summary: 'How many of the caller’s notifications they have not read',
      access: person,
      expect: expectPersonOnly,
      responses: { 200: { description: 'The count', schema: ZUnreadCount } },
      handle: async ({ caller }) => ({ status: 200, body: { unread: await unreadCount(prisma, caller) } }),
    }),
    defineRoute({
      method: 'get',
      path: '/notifications/stream',
      tag: 'notifications',
      summary:
        'Server-Sent Events: `unread` ({unread}) on connect and on every change, `notification` (a Notification) when one arrives',
      access: person,
      expect: expectPersonOnly,
      responses: { 200: { description: 'An event stream', contentType: 'text/event-stream' } },
      handle: async ({ caller, req, res }) => {
        assertAcceptsEventStream(req.get('accept'));
        await hub.open(caller, req, res);
        return { status: 200, streamed: true };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/notifications/:id/read',
      tag: 'notifications',
      summary: 'Mark one of the caller’s notifications read (for them alone)',
      access: person,
      expect: expectRecipientSubtree,
      params: ZIdParams,
      responses: { 200: { description: 'Marked; the caller’s new unread count', schema: ZMarkedRead } },
      handle: async ({ db, caller, params }) => {
        const marked = await markRead(db, caller, params.id);
        hub.countChanged(caller.userId, marked.unread);
        return {
          status: 200,
          body: marked,
          audit: auditWhenMarked(marked.marked, {
            action: 'notification.read',
            resourceType: 'notification',
            resourceId: params.id,
            unitId: null,
          }),
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/notifications/read-all',
      tag: 'notifications',
      summary: 'Mark every notification of the caller read',
      access: person,
      expect: expectPersonOnly,
      responses: { 200: { description: 'How many were marked; the new unread count', schema: ZMarkedRead } },
      handle: async ({ db, caller }) => {
        const marked = await markAllRead(db, caller);
        hub.countChanged(caller.userId, marked.unread);
        return {
          status: 200,
          body: marked,
          audit: auditWhenMarked(marked.marked, {
            action: 'notification.read_all',
            resourceType: 'notification',
            resourceId: null,
            unitId: null,
            after: { marked: marked.marked },
          }),
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/projects/:id/copies',
      tag: 'projects',
      summary: '抄送: the project’s copies (who, when, note) with each recipient’s read receipt',
      access: { kind: 'signedIn' },
      expect: expectContentSubtree,
      params: ZIdParams,
      responses: { 200: { description: 'The copies, oldest first', schema: ZProjectCopies } },
      handle: async ({ db, caller, params }) => ({
        status: 200,
        body: await projectCopies(db, caller, params.id),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/projects/:id/copies/read',
      tag: 'projects',
      summary: '抄送: the caller opened the project; its copies to them are read (for them alone)',
      access: { kind: 'signedIn' },
      expect: expectContentSubtree,
      params: ZIdParams,
      responses: { 200: { description: 'How many copies were marked', schema: ZCopiesMarkedRead } },
      handle: async ({ db, caller, params }) => {
        const { marked, unitId } = await markProjectCopiesRead(db, caller, params.id);
        if (marked > 0) hub.countChanged(caller.userId, await unreadCount(db, caller));
        return {
          status: 200,
          body: { marked },
          audit: auditWhenMarked(marked, {
            action: 'project.copies_read',
            resourceType: 'project',
            resourceId: params.id,
            unitId,
            after: { marked },
          }),
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/copies/mine',
      tag: 'notifications',
      summary:
        '抄送我的: the copies to the caller, unread first, newest first within each, in cursor pages, with the unread count',
      access: person,
      expect: expectPersonOnly,
      query: ZMyCopiesQuery,
      responses: { 200: { description: 'One page', schema: ZMyCopies } },
      handle: async ({ caller, query }) => ({ status: 200, body: await myCopies(prisma, caller, query) }),
    }),
    defineRoute({
      method: 'post',
      path: '/tasks/:id/urge',
      tag: 'tasks',
      summary:
        'Urge (催办) an open task: notifies its assignee, or its candidates while unclaimed; once per task and caller in ten minutes (429 with Retry-After)',
      access: { kind: 'signedIn' },
      expect: expectContentSubtree,
      params: ZIdParams,
      body: ZUrgeRequest,
      responses: { 201: { description: 'The notification was sent', schema: ZUrgeResult } },
      handle: async ({ db, caller, params, body, res }) => {
        const { result, audit } = await urgeTask(db, caller, params.id, body, res);
        return { status: 201, body: result, audit };
      },
    }),
  ];
}
