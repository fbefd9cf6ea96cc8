// Wire types of the attachments API, inferred from the server's zod contracts. Type-only.
import type { TAttachment, TAttachmentList } from '../../../api/attachments/attachment.types';

export type Attachment = TAttachment;
export type AttachmentList = TAttachmentList;

/** Where an upload goes: a project, and the task it is evidence for, if any. */
export interface AttachmentTarget {
  projectId: string;
  taskId?: string;
}

export const attachmentUrl = (id: string): string => `/api/attachments/${id}`;
export const projectAttachmentsUrl = (projectId: string): string => `/api/projects/${projectId}/attachments`;

/** What a file input suggests; the server decides by the bytes. */
export const ACCEPTED_EXTENSIONS = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx';

/** 1 536 → "1.5 KB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
