// Attachments on projects and tasks (assessment evidence, practice-case documents, scanned
// certificates): multipart upload with a size limit and a type allowlist checked by the bytes,
// the project's list, download, and deletion by the uploader. Seen only by those who see the project.
import type { Response } from 'express';
import { ZIdParams } from '../admin/common.types';
import type { Db } from '../db/prisma-client';
import { defineRoute } from '../http/route';
import { expectContentSubtree } from '../policy/route-expectations';
import { ALLOWED_FILE_TYPE_LIST } from './allowed-file-types';
import {
  deleteAttachment,
  FILE_PART,
  MAX_ATTACHMENT_BYTES,
  settleStoredFile,
  uploadAttachment,
} from './attachment-commands';
import { readStoredFile } from './attachment-storage';
import { listAttachments, visibleAttachment } from './attachment-reads';
import { ZAttachment, ZAttachmentList, ZUploadFields } from './attachment.types';

const signedIn = { kind: 'signedIn' } as const;

/** Headers of every download: never rendered as a page of this origin, whatever a viewer makes of it. */
export const DOWNLOAD_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
  'Cache-Control': 'private, no-store',
} as const;

/** The file part of every attachment upload: its size limit; the type comes from the bytes. */
export const ATTACHMENT_UPLOAD = {
  field: FILE_PART,
  maxBytes: MAX_ATTACHMENT_BYTES,
  description: 'The file; its type is recognised from its bytes, not its name',
} as const;

/** Once the answer is out (the route's transaction is over), bytes without a row are removed. */
export function settleAfterResponse(prisma: Db, dataDir: string) {
  return (res: Response, id: string, storagePath: string) =>
    res.once('finish', () => {
      settleStoredFile(prisma, dataDir, id, storagePath).catch((error: unknown) =>
        console.error(`[attachments] could not settle ${storagePath}`, error),
      );
    });
}

export function attachmentRoutes(prisma: Db, dataDir: string) {
  const settleAfter = settleAfterResponse(prisma, dataDir);
  return [
    defineRoute({
      method: 'get',
      path: '/projects/:id/attachments',
      tag: 'attachments',
      summary: 'The attachments of a project, oldest first',
      access: signedIn,
      expect: expectContentSubtree,
      params: ZIdParams,
      responses: { 200: { description: 'The attachments', schema: ZAttachmentList } },
      handle: async ({ caller, params }) => ({
        status: 200,
        body: await listAttachments(prisma, caller, params.id),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/projects/:id/attachments',
      tag: 'attachments',
      summary:
        'Upload a file to a running project, optionally for one of its open tasks (PDF, PNG, JPEG, ' +
        'docx, xlsx, pptx recognised by their bytes; at most 20 MB)',
      access: signedIn,
      expect: expectContentSubtree,
      params: ZIdParams,
      body: ZUploadFields,
      upload: ATTACHMENT_UPLOAD,
      responses: { 201: { description: 'Stored', schema: ZAttachment } },
      handle: async ({ db, caller, params, body, file, req, res }) => {
        const done = await uploadAttachment(
          db,
          dataDir,
          caller,
          params.id,
          body,
          file,
          req.is('multipart/form-data') !== false,
        );
        settleAfter(res, done.attachment.id, done.storagePath);
        return { status: 201, body: done.attachment, audit: done.audit };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/attachments/:id',
      tag: 'attachments',
      summary: 'Download an attachment under its original name',
      access: signedIn,
      expect: expectContentSubtree,
      params: ZIdParams,
      responses: { 200: { description: 'The file', contentType: ALLOWED_FILE_TYPE_LIST } },
      handle: async ({ caller, params }) => {
        const row = await visibleAttachment(prisma, caller, params.id);
        return {
          status: 200,
          file: {
            content: await readStoredFile(dataDir, row.storage_path),
            contentType: row.content_type,
            filename: row.filename,
          },
          headers: DOWNLOAD_HEADERS,
        };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/attachments/:id',
      tag: 'attachments',
      summary: 'Delete an attachment you uploaded, while its project runs and no submitted form refers to it',
      access: signedIn,
      expect: expectContentSubtree,
      params: ZIdParams,
      responses: { 200: { description: 'The deleted attachment', schema: ZAttachment } },
      handle: async ({ db, caller, params, res }) => {
        const done = await deleteAttachment(db, caller, params.id);
        settleAfter(res, done.attachment.id, done.storagePath);
        return { status: 200, body: done.attachment, audit: done.audit };
      },
    }),
  ];
}
