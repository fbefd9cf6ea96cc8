// 抄送 as read: the copies of a project with each recipient's read receipt, the copies to the
// caller (unread first, in cursor pages), and marking a project's copies read when its recipient opens it. A copy
// is the set of `task.copied` notifications sharing its id (payload.copy.id); a receipt is a
// notification_read row, per person, so each holder of a role recipient reads for themself.
import { z } from 'zod';
import { Prisma } from '../../prisma/generated/client';
import type { TRole } from '../auth/auth.types';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { decodeCursor, toPage, ZTimestampCursorKey } from '../http/pagination';
import { visibleProjectRow } from '../work/project-reads';
import { addressedTo, COPY_TEMPLATE, unreadBy } from './notification-scope';
import type {
  TCopiesMarkedRead,
  TMyCopies,
  TMyCopiesQuery,
  TProjectCopies,
  TProjectCopy,
} from './carbon-copy.types';

type CopyPayload = { copy?: { id?: string; note?: string } };

interface CopyRow {
  id: string;
  payload: CopyPayload;
  created_at: Date;
  task_id: string | null;
  task_name: string | null;
  by_id: string | null;
  by_name: string | null;
}

interface RecipientRow extends CopyRow {
  recipient_user_id: string | null;
  recipient_name: string | null;
  recipient_role: string | null;
  unit_name: string | null;
  reads: Array<{ id: string; displayName: string; readAt: string }>;
}

/** Who copied it, by the copy's `by` (absent when the node's definition sent it). */
const copier = Prisma.sql`LEFT JOIN app_user b ON b.id::text = n.payload -> 'copy' ->> 'by'`;
const copiedTask = Prisma.sql`LEFT JOIN task t ON t.instance_id = n.instance_id AND t.engine_task_id = n.payload ->> 'taskId'`;

const byOf = (row: CopyRow) => (row.by_id ? { id: row.by_id, displayName: row.by_name ?? '' } : null);

function recipientOf(row: RecipientRow): TProjectCopy['recipients'][number] {
  const reads = row.reads.map((read) => ({
    person: { id: read.id, displayName: read.displayName },
    readAt: new Date(read.readAt).toISOString(),
  }));
  if (row.recipient_user_id)
    return {
      type: 'user',
      person: { id: row.recipient_user_id, displayName: row.recipient_name ?? '' },
      readAt: reads.find((read) => read.person.id === row.recipient_user_id)?.readAt ?? null,
    };
  return { type: 'role', role: row.recipient_role as TRole, unitName: row.unit_name, reads };
}

/** The project's copies, oldest first, each with its recipients and who has read it when. */
export async function projectCopies(
  db: DbClient,
  caller: Caller,
  projectId: string,
): Promise<TProjectCopies> {
  await visibleProjectRow(db, caller, projectId);
  const rows = await db.$queryRaw<RecipientRow[]>`
    SELECT n.id, n.payload, n.created_at, t.id AS task_id, t.name AS task_name,
           b.id AS by_id, b.display_name AS by_name,
           n.recipient_user_id, ru.display_name AS recipient_name, n.recipient_role::text AS recipient_role,
           ou.name AS unit_name,
           COALESCE((SELECT json_agg(json_build_object('id', r.user_id, 'displayName', u.display_name,
                       'readAt', r.read_at) ORDER BY r.read_at)
                     FROM notification_read r JOIN app_user u ON u.id = r.user_id
                     WHERE r.notification_id = n.id), '[]'::json) AS reads
    FROM notification n ${copiedTask} ${copier}
    LEFT JOIN app_user ru ON ru.id = n.recipient_user_id
    LEFT JOIN org_unit ou ON ou.id = n.recipient_unit_id
    WHERE n.instance_id = ${projectId}::uuid AND n.template = ${COPY_TEMPLATE}
    ORDER BY n.created_at, n.id`;
  const copies = new Map<string, TProjectCopy>();
  for (const row of rows) {
    const copyId = row.payload.copy?.id ?? row.id;
    const copy = copies.get(copyId) ?? {
      copyId,
      taskId: row.task_id,
      taskName: row.task_name ?? '',
      by: byOf(row),
      note: row.payload.copy?.note ?? null,
      sentAt: row.created_at.toISOString(),
      recipients: [],
    };
    copy.recipients.push(recipientOf(row));
    copies.set(copyId, copy);
  }
  return { items: [...copies.values()] };
}

/** A page's last copy: read (0/1), then sent at and id, the order the list is in. */
const ZMyCopyCursor = z.tuple([z.union([z.literal(0), z.literal(1)]), ZTimestampCursorKey, z.uuid()]);

/**
 * The copies to the caller, unread first, newest first within each, a page at a time. A copy read
 * while one pages moves behind the cursor (it was unread) and is not shown twice.
 */
export async function myCopies(db: DbClient, caller: Caller, query: TMyCopiesQuery): Promise<TMyCopies> {
  const mine = Prisma.sql`n.template = ${COPY_TEMPLATE} AND ${addressedTo(caller)}`;
  const read = Prisma.sql`(NOT ${unreadBy(caller)})`;
  let after = Prisma.sql`TRUE`;
  if (query.cursor) {
    const [wasRead, sentAt, id] = decodeCursor(query.cursor, ZMyCopyCursor);
    after = Prisma.sql`(${read}::int > ${wasRead}
      OR (${read}::int = ${wasRead} AND (n.created_at, n.id) < (${sentAt}::timestamptz, ${id}::uuid)))`;
  }
  const [rows, counted] = await Promise.all([
    db.$queryRaw<Array<CopyRow & { project_id: string; project_title: string; read: boolean }>>`
      SELECT n.id, n.payload, n.created_at, t.id AS task_id, t.name AS task_name,
             b.id AS by_id, b.display_name AS by_name, i.id AS project_id, i.title AS project_title,
             ${read} AS read
      FROM notification n JOIN process_instance i ON i.id = n.instance_id ${copiedTask} ${copier}
      WHERE ${mine} AND ${after}
      ORDER BY read, n.created_at DESC, n.id DESC LIMIT ${query.limit + 1}`,
    db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM notification n JOIN process_instance i ON i.id = n.instance_id
      WHERE ${mine} AND ${unreadBy(caller)}`,
  ]);
  const page = toPage(
    rows,
    query.limit,
    (row) => [row.read ? 1 : 0, row.created_at.toISOString(), row.id],
    (row) => ({
      notificationId: row.id,
      projectId: row.project_id,
      projectTitle: row.project_title,
      taskName: row.task_name ?? '',
      by: byOf(row),
      note: row.payload.copy?.note ?? null,
      sentAt: row.created_at.toISOString(),
      read: row.read,
    }),
  );
  return { ...page, unread: counted[0]?.n ?? 0 };
}

/** The caller opened the project: every copy of it to them counts as read by them (again is fine). */
export async function markProjectCopiesRead(
  db: DbClient,
  caller: Caller,
  projectId: string,
): Promise<TCopiesMarkedRead & { unitId: string }> {
  const project = await visibleProjectRow(db, caller, projectId);
  const marked = await db.$executeRaw`
    INSERT INTO notification_read (notification_id, user_id)
    SELECT n.id, ${caller.userId}::uuid FROM notification n JOIN process_instance i ON i.id = n.instance_id
    WHERE n.instance_id = ${projectId}::uuid AND n.template = ${COPY_TEMPLATE}
      AND ${addressedTo(caller)} AND ${unreadBy(caller)}
    ON CONFLICT DO NOTHING`;
  return { marked, unitId: project.unit_id };
}
