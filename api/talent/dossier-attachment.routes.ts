// Routes of a talent application's documents (申报材料, docs/talent-data.md): the selection office
// lists, uploads (multipart, the attachments module's size limit and byte-checked types), downloads
// and deletes them; an assigned committee member lists and downloads them unless the round is
// reviewed blind. Every download is audited: the scans carry personal data.
import { ZIdParams } from '../admin/common.types';
import { readStoredFile } from '../attachments/attachment-storage';
import { ALLOWED_FILE_TYPE_LIST } from '../attachments/allowed-file-types';
import { ATTACHMENT_UPLOAD, DOWNLOAD_HEADERS, settleAfterResponse } from '../attachments/attachment.routes';
import { auditContextOf, writeAudit } from '../audit/write-audit';
import type { Db } from '../db/prisma-client';
import { defineRoute, type AnyRoute, type RouteResult } from '../http/route';
import { expectCommitteeMemberOwn, expectSelectionOfficeSubtree } from '../policy/route-expectations';
import type { Request, Response } from 'express';
import {
  deleteDossierAttachment,
  listDossierAttachments,
  officeDownload,
  reviewerAttachments,
  reviewerDownload,
  uploadDossierAttachment,
} from './dossier-attachments';
import {
  ZDossierAttachment,
  ZDossierAttachmentList,
  ZDossierUploadFields,
  ZReviewAttachmentParams,
} from './dossier-attachment.types';

const office = { tag: 'talent', access: { kind: 'signedIn' }, expect: expectSelectionOfficeSubtree } as const;
const reviewer = {
  tag: 'talent',
  access: { kind: 'signedIn', personOnly: true },
  expect: expectCommitteeMemberOwn,
} as const;
const listAnswer = { 200: { description: 'The documents, oldest first', schema: ZDossierAttachmentList } };
const fileAnswer = { 200: { description: 'The file', contentType: ALLOWED_FILE_TYPE_LIST } };

export function talentDossierRoutes(prisma: Db, dataDir: string): AnyRoute[] {
  const settleAfter = settleAfterResponse(prisma, dataDir);
  /** The file under its original name, after the audit row of who read it. */
  async function auditedDownload(
    http: { req: Request; res: Response },
    found: {
      row: {
        id: string;
        talentApplicationId: string | null;
        filename: string;
        contentType: string;
        storagePath: string;
      };
      unitId: string;
    },
  ): Promise<RouteResult> {
    const { row, unitId } = found;
    await writeAudit(
      prisma,
      {
        action: 'talent_application.document_downloaded',
        resourceType: 'talent_application',
        resourceId: row.talentApplicationId,
        unitId,
        after: { attachmentId: row.id, filename: row.filename },
      },
      auditContextOf(http.req, http.res),
    );
    return {
      status: 200,
      file: {
        content: await readStoredFile(dataDir, row.storagePath),
        contentType: row.contentType,
        filename: row.filename,
      },
      headers: DOWNLOAD_HEADERS,
    };
  }
  return [
    defineRoute({
      ...office,
      method: 'get',
      path: '/talent/applications/:id/attachments',
      summary: 'The documents of an application (scanned certificates, proof of service years), oldest first',
      params: ZIdParams,
      responses: listAnswer,
      handle: async ({ caller, params }) => ({
        status: 200,
        body: await listDossierAttachments(prisma, caller, params.id),
      }),
    }),
    defineRoute({
      ...office,
      method: 'post',
      path: '/talent/applications/:id/attachments',
      summary:
        'Upload a document to an application while its round is open, closed or in screening (PDF, PNG, JPEG, ' +
        'docx, xlsx, pptx recognised by their bytes; at most 20 MB); `certificateKind` makes it the scan of that declared certificate',
      idempotent: true,
      params: ZIdParams,
      body: ZDossierUploadFields,
      upload: ATTACHMENT_UPLOAD,
      responses: { 201: { description: 'Stored', schema: ZDossierAttachment } },
      handle: async ({ db, caller, params, body, file, req, res }) => {
        const done = await uploadDossierAttachment(
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
      ...office,
      method: 'get',
      path: '/talent/attachments/:id',
      summary: 'Download an application’s document under its original name; audited',
      params: ZIdParams,
      responses: fileAnswer,
      handle: async ({ caller, params, req, res }) =>
        auditedDownload({ req, res }, await officeDownload(prisma, caller, params.id)),
    }),
    defineRoute({
      ...office,
      method: 'delete',
      path: '/talent/attachments/:id',
      summary: 'Delete an application’s document while its round is open, closed or in screening',
      params: ZIdParams,
      responses: { 200: { description: 'The deleted document', schema: ZDossierAttachment } },
      handle: async ({ db, caller, params, res }) => {
        const done = await deleteDossierAttachment(db, caller, params.id);
        settleAfter(res, done.attachment.id, done.storagePath);
        return { status: 200, body: done.attachment, audit: done.audit };
      },
    }),
    defineRoute({
      ...reviewer,
      method: 'get',
      path: '/talent/reviews/:id/attachments',
      summary: 'The documents of an application assigned to you; refused (403) in a blind round',
      params: ZIdParams,
      responses: listAnswer,
      handle: async ({ caller, params }) => ({
        status: 200,
        body: await reviewerAttachments(prisma, caller, params.id),
      }),
    }),
    defineRoute({
      ...reviewer,
      method: 'get',
      path: '/talent/reviews/:id/attachments/:attachmentId',
      summary:
        'Download a document of an application assigned to you; refused (403) in a blind round; audited',
      params: ZReviewAttachmentParams,
      responses: fileAnswer,
      handle: async ({ caller, params, req, res }) =>
        auditedDownload({ req, res }, await reviewerDownload(prisma, caller, params.id, params.attachmentId)),
    }),
  ];
}
