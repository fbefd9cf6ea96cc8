// Uploading and deleting attachments. The bytes are written before the row (in the route's
// transaction) and removed after it is gone; `settleStoredFile` runs once the request is over and
// removes bytes whose row did not commit, or was deleted, so neither side outlives the other.
import { createHash, randomUUID } from 'node:crypto';
import type { Caller } from '../auth/caller';
import type { Db, DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import type { AuditEntry } from '../http/audit-entry';
import type { UploadedFile } from '../http/route';
import { detectAllowedType } from './allowed-file-types';
import { removeStoredFile, storagePathOf, storeFile } from './attachment-storage';
import { attachmentOf, visibleAttachment, visibleProject, type VisibleProject } from './attachment-reads';
import type { TAttachment, TUploadFields } from './attachment.types';

/** 20 MiB: a scanned certificate or a report with photos, not a video. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const FILE_PART = 'file';

interface Done {
  attachment: TAttachment;
  audit: AuditEntry;
  /** Where the bytes are, for `settleStoredFile` once the request is over. */
  storagePath: string;
}

/** The name to show and offer on download: its last path segment, without control characters. */
export function displayNameOf(original: string): string {
  const lastSegment = (original.split(/[/\\]/).at(-1) ?? '').replace(/\p{Cc}/gu, '').trim();
  const name = [...lastSegment].slice(-200).join('');
  return name === '' || name === '.' || name === '..' ? 'file' : name;
}

function assertRunning(project: VisibleProject): void {
  if (project.status !== 'running')
    throw new AppError('PROCESS_STATE_CONFLICT', 'The project has ended: its attachments are closed.', [], {
      detailZh: '项目已结束，不能再上传或删除附件',
    });
}

async function assertOpenTaskOf(db: DbClient, project: VisibleProject, taskId: string): Promise<void> {
  const task = await db.task.findFirst({ where: { id: taskId, instanceId: project.id, status: 'open' } });
  if (!task)
    throw new AppError('VALIDATION_FAILED', 'The task is not an open task of this project.', [
      { field: 'taskId', reason: 'not an open task of this project', reasonZh: '不是本项目中未办结的待办' },
    ]);
}

/** The uploaded file, or the refusal that says how to send one (not multipart: 415; no file part: 422). */
export function requireUploadedFile(file: UploadedFile | undefined, multipart: boolean): UploadedFile {
  if (file) return file;
  if (!multipart)
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Send the file as multipart/form-data in the part named ${FILE_PART}.`,
      [],
      { detailZh: `请以 multipart/form-data 上传文件（字段名 ${FILE_PART}）` },
    );
  throw new AppError('VALIDATION_FAILED', 'No file was sent.', [
    { field: FILE_PART, reason: 'required', reasonZh: '请选择要上传的文件' },
  ]);
}

/** A file's bytes checked and stored under a new id: the columns its attachment row takes. */
export interface StoredUpload {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storagePath: string;
}

/** Checks the bytes' type (415 naming the part), then writes them under a new id, before any row. */
export async function storeUpload(dataDir: string, file: UploadedFile): Promise<StoredUpload> {
  const contentType = await detectAllowedType(file.bytes, FILE_PART);
  const id = randomUUID();
  const storagePath = storagePathOf(id);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  await storeFile(dataDir, storagePath, file.bytes);
  return {
    id,
    filename: displayNameOf(file.originalName),
    contentType,
    sizeBytes: file.bytes.length,
    sha256,
    storagePath,
  };
}

export async function uploadAttachment(
  db: DbClient,
  dataDir: string,
  caller: Caller,
  projectId: string,
  fields: TUploadFields,
  file: UploadedFile | undefined,
  multipart: boolean,
): Promise<Done> {
  const project = await visibleProject(db, caller, projectId);
  const uploaded = requireUploadedFile(file, multipart);
  assertRunning(project);
  if (fields.taskId) await assertOpenTaskOf(db, project, fields.taskId);
  const stored = await storeUpload(dataDir, uploaded);
  const { id, storagePath, contentType, sha256 } = stored;
  await db.attachment.create({
    data: { ...stored, instanceId: project.id, taskId: fields.taskId ?? null, uploadedById: caller.userId },
  });
  const attachment = attachmentOf(await visibleAttachment(db, caller, id), caller);
  return {
    attachment,
    storagePath,
    audit: {
      action: 'attachment.uploaded',
      resourceType: 'attachment',
      resourceId: id,
      unitId: project.unit_id,
      after: { projectId, taskId: attachment.taskId, filename: attachment.filename, contentType, sha256 },
    },
  };
}

/** The uploader, while the project runs, and only while no submitted form refers to it. */
export async function deleteAttachment(db: DbClient, caller: Caller, id: string): Promise<Done> {
  const row = await visibleAttachment(db, caller, id);
  if (row.uploaded_by_id !== caller.userId)
    throw new AppError('FORBIDDEN', 'Only the person who uploaded an attachment may delete it.', [], {
      detailZh: '只有上传人可以删除该附件',
    });
  assertRunning({ id: row.instance_id, unit_id: row.unit_id, status: row.project_status });
  if (row.referenced)
    throw new AppError('PROCESS_STATE_CONFLICT', 'A submitted form refers to this attachment.', [], {
      detailZh: '该附件已随表单提交，不能删除',
    });
  const attachment = attachmentOf(row, caller);
  await db.attachment.delete({ where: { id } });
  return {
    attachment,
    storagePath: row.storage_path,
    audit: {
      action: 'attachment.deleted',
      resourceType: 'attachment',
      resourceId: id,
      unitId: row.unit_id,
      before: { projectId: row.instance_id, filename: row.filename, sha256: row.sha256 },
    },
  };
}

/** After the request: bytes without a committed row (a failed upload, a delete) are removed. */
export async function settleStoredFile(prisma: Db, dataDir: string, id: string, storagePath: string) {
  const row = await prisma.attachment.findUnique({ where: { id }, select: { id: true } });
  if (!row) await removeStoredFile(dataDir, storagePath);
}
