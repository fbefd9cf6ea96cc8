// Wire contracts of attachments: the upload's text parts, an attachment as lists and uploads show
// it, and a project's list. The web imports them.
import { z } from 'zod';
import { ZId } from '../admin/common.types';
import { ZPersonRef } from '../work/work.types';

/** Text parts of an upload beside the file: the task it is evidence for, if any. */
export const ZUploadFields = z.object({ taskId: ZId.optional() });
export type TUploadFields = z.infer<typeof ZUploadFields>;

export const ZAttachment = z
  .object({
    id: z.string(),
    projectId: z.string(),
    taskId: z.string().nullable(),
    /** The name of the task it was uploaded for, if any. */
    taskName: z.string().nullable(),
    filename: z.string(),
    /** Detected from the file's bytes. */
    contentType: z.string(),
    sizeBytes: z.number().int(),
    /** Hex SHA-256 of the bytes, for checking a copy. */
    sha256: z.string(),
    uploadedBy: ZPersonRef,
    createdAt: z.string(),
    /** The caller uploaded it, the project runs and no submitted form refers to it. */
    canDelete: z.boolean(),
  })
  .meta({ id: 'Attachment' });
export type TAttachment = z.infer<typeof ZAttachment>;

export const ZAttachmentList = z.object({ items: z.array(ZAttachment) }).meta({ id: 'AttachmentList' });
export type TAttachmentList = z.infer<typeof ZAttachmentList>;
