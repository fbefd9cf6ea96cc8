// Wire contracts of a talent application's documents (申报材料: scanned certificates, proof of
// service years): an upload's text part, a document as the dossier lists it, and the routes' params.
import { z } from 'zod';
import { ZId } from '../admin/common.types';
import { ZPersonRef } from '../work/work.types';
import { ZCertificateKind } from './talent.types';

/** Text part of an upload beside the file: the declared certificate it is the scan of, if any. */
export const ZDossierUploadFields = z.object({ certificateKind: ZCertificateKind.optional() });
export type TDossierUploadFields = z.infer<typeof ZDossierUploadFields>;

export const ZDossierAttachment = z
  .object({
    id: z.string(),
    applicationId: z.string(),
    filename: z.string(),
    /** Detected from the file's bytes. */
    contentType: z.string(),
    sizeBytes: z.number().int(),
    /** Hex SHA-256 of the bytes, for checking a copy. */
    sha256: z.string(),
    /** The declared certificate this is the scan of; null for other material (proof of service years). */
    certificateKind: ZCertificateKind.nullable(),
    uploadedBy: ZPersonRef,
    createdAt: z.string(),
  })
  .meta({ id: 'DossierAttachment' });
export type TDossierAttachment = z.infer<typeof ZDossierAttachment>;

export const ZDossierAttachmentList = z.object({
  items: z.array(ZDossierAttachment),
  /** Whether the office may still add or delete documents (the round is open, closed or in screening). */
  editable: z.boolean(),
});
export type TDossierAttachmentList = z.infer<typeof ZDossierAttachmentList>;

export const ZReviewAttachmentParams = z.object({ id: ZId, attachmentId: ZId });
