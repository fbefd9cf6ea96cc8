// Wire types of entering one application and of its dossier, inferred from the server's zod
// contracts. Type-only: none of zod reaches the browser bundle.
import type {
  TDossierAttachment,
  TDossierAttachmentList,
} from '../../../../api/talent/dossier-attachment.types';
import type { TApplicationDetail, TApplicationEntryInput } from '../../../../api/talent/talent.types';

export type ApplicationEntry = TApplicationEntryInput;
export type ApplicationDetail = TApplicationDetail;
export type CertificateKind = TApplicationDetail['certificates'][number]['kind'];
export type DossierAttachment = TDossierAttachment;
export type DossierAttachmentList = TDossierAttachmentList;
