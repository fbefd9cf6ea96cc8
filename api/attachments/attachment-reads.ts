// Reads of attachments for those who may see their project (the visibility rule of the work API):
// a project's list and one attachment's row for its download; 404 for anyone else.
import { Prisma } from '../../prisma/generated/client';
import type { Caller } from '../auth/caller';
import { keyedReader, type DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import { projectNotFound } from '../work/project-reads';
import { projectVisibleTo } from '../work/work-scope';
import type { TAttachment, TAttachmentList } from './attachment.types';

export interface VisibleProject {
  id: string;
  unit_id: string;
  status: 'running' | 'completed' | 'cancelled';
}

export interface AttachmentRow {
  id: string;
  instance_id: string;
  task_id: string | null;
  task_name: string | null;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_path: string;
  uploaded_by_id: string;
  uploader_name: string;
  created_at: Date;
  unit_id: string;
  project_status: VisibleProject['status'];
  /** A completed task's submitted form lists it among a file field's ids. */
  referenced: boolean;
}

export async function visibleProject(
  db: DbClient,
  caller: Caller,
  projectId: string,
): Promise<VisibleProject> {
  const rows = await keyedReader(db).$queryRaw<VisibleProject[]>`
    SELECT i.id, i.unit_id, i.status::text AS status FROM process_instance i
    WHERE i.id = ${projectId}::uuid AND ${projectVisibleTo(caller)}`;
  if (!rows[0]) throw projectNotFound();
  return rows[0];
}

export const attachmentNotFound = () =>
  new AppError('NOT_FOUND', 'No such attachment among the projects you may see.', [], {
    detailZh: '未找到该附件，或您无权查看其所属项目',
  });

const attachmentRows = (caller: Caller, where: Prisma.Sql) => Prisma.sql`
  SELECT a.id, a.instance_id, a.task_id, t.name AS task_name, a.filename, a.content_type, a.size_bytes,
    a.sha256, a.storage_path, a.uploaded_by_id, u.display_name AS uploader_name, a.created_at,
    i.unit_id, i.status::text AS project_status,
    EXISTS (SELECT 1 FROM instance_event e
      WHERE e.instance_id = a.instance_id AND e.type = 'taskCompleted'
        AND jsonb_path_exists(e.payload -> 'data', '$.*[*] ? (@ == $id)', jsonb_build_object('id', a.id::text))
    ) AS referenced
  FROM attachment a
  JOIN process_instance i ON i.id = a.instance_id
  JOIN app_user u ON u.id = a.uploaded_by_id
  LEFT JOIN task t ON t.id = a.task_id
  WHERE ${where} AND ${projectVisibleTo(caller)}
  ORDER BY a.created_at, a.id`;

export async function visibleAttachment(db: DbClient, caller: Caller, id: string): Promise<AttachmentRow> {
  const rows = await keyedReader(db).$queryRaw<AttachmentRow[]>(
    attachmentRows(caller, Prisma.sql`a.id = ${id}::uuid`),
  );
  if (!rows[0]) throw attachmentNotFound();
  return rows[0];
}

export function attachmentOf(row: AttachmentRow, caller: Caller): TAttachment {
  return {
    id: row.id,
    projectId: row.instance_id,
    taskId: row.task_id,
    taskName: row.task_name,
    filename: row.filename,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    uploadedBy: { id: row.uploaded_by_id, displayName: row.uploader_name },
    createdAt: row.created_at.toISOString(),
    canDelete: row.uploaded_by_id === caller.userId && row.project_status === 'running' && !row.referenced,
  };
}

export async function listAttachments(
  db: DbClient,
  caller: Caller,
  projectId: string,
): Promise<TAttachmentList> {
  await visibleProject(db, caller, projectId);
  const rows = await db.$queryRaw<AttachmentRow[]>(
    attachmentRows(caller, Prisma.sql`a.instance_id = ${projectId}::uuid`),
  );
  return { items: rows.map((row) => attachmentOf(row, caller)) };
}
