// A talent application's documents (申报材料): scanned certificates and proof of service years,
// stored as attachments of the application rather than of a process, so no project page lists
// them. The selection office over its subtree uploads, lists, downloads and deletes them while the
// dossier is still being checked (the round open, closed or in screening); from review on they are
// what the reviewers judged and stay as they are. A committee member reads those of the
// applications assigned to them, except in a blind round: scans show the name and the employer.
import type { Prisma } from '../../prisma/generated/client';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import type { AuditEntry } from '../http/audit-entry';
import type { UploadedFile } from '../http/route';
import { isUnitWithin } from '../policy/unit-scope';
import { requireUploadedFile, storeUpload } from '../attachments/attachment-commands';
import { attachmentNotFound } from '../attachments/attachment-reads';
import { applicationNotFound } from './application-reads';
import type {
  TDossierAttachment,
  TDossierAttachmentList,
  TDossierUploadFields,
} from './dossier-attachment.types';
import { configOf, myAssignment } from './review-scope';
import { ROUND_STATUS_ZH } from './round-view';
import { officeRoots, roundInScope, type RoundRow } from './talent-scope';

/** Round statuses in which the office still adds or removes documents: before review judges the dossier. */
const EDITABLE_STATUSES: readonly RoundRow['status'][] = ['open', 'closed', 'screening'];

const withUploader = {
  uploadedBy: { select: { id: true, displayName: true } },
  talentCertificates: { select: { kind: true } },
} as const;

type AttachmentWithUploader = Prisma.AttachmentGetPayload<{ include: typeof withUploader }>;

function toDossierAttachment(row: AttachmentWithUploader): TDossierAttachment {
  return {
    id: row.id,
    applicationId: row.talentApplicationId!,
    filename: row.filename,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    certificateKind: row.talentCertificates[0]?.kind ?? null,
    uploadedBy: row.uploadedBy,
    createdAt: row.createdAt.toISOString(),
  };
}

const isEditable = (round: Pick<RoundRow, 'status'>) => EDITABLE_STATUSES.includes(round.status);

function requireEditable(round: Pick<RoundRow, 'status'>): void {
  if (!isEditable(round))
    throw new AppError(
      'TALENT_ROUND_STATE',
      `The round's status is “${round.status}”: an application's documents change only until review begins.`,
      [],
      {
        roundStatus: round.status,
        detailZh: `选拔批次当前为“${ROUND_STATUS_ZH[round.status]}”，专家评审开始后不能再增删申报材料`,
      },
    );
}

/** The application's round when the caller's office reaches it, else 404. */
async function officeApplicationRound(db: DbClient, caller: Caller, applicationId: string) {
  const roots = officeRoots(caller);
  const row = await db.talentApplication.findUnique({
    where: { id: applicationId },
    select: { id: true, roundId: true, dossierId: true, round: { select: { unitId: true } } },
  });
  if (!row || !(await isUnitWithin(db, roots, row.round.unitId))) throw applicationNotFound();
  return row;
}

function attachmentsOf(db: DbClient, applicationId: string) {
  return db.attachment.findMany({
    where: { talentApplicationId: applicationId },
    include: withUploader,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
}

export async function listDossierAttachments(
  db: DbClient,
  caller: Caller,
  applicationId: string,
): Promise<TDossierAttachmentList> {
  const application = await officeApplicationRound(db, caller, applicationId);
  const round = await roundInScope(db, caller, application.roundId);
  const rows = await attachmentsOf(db, applicationId);
  return { items: rows.map(toDossierAttachment), editable: isEditable(round) };
}

interface Done {
  attachment: TDossierAttachment;
  audit: AuditEntry;
  /** Where the bytes are, for `settleStoredFile` once the request is over. */
  storagePath: string;
}

export async function uploadDossierAttachment(
  db: DbClient,
  dataDir: string,
  caller: Caller,
  applicationId: string,
  fields: TDossierUploadFields,
  file: UploadedFile | undefined,
  multipart: boolean,
): Promise<Done> {
  const application = await officeApplicationRound(db, caller, applicationId);
  const uploaded = requireUploadedFile(file, multipart);
  // Held against review starting meanwhile: the upload sees the round's status as it commits.
  const round = await roundInScope(db, caller, application.roundId, 'share');
  requireEditable(round);
  const certificate = fields.certificateKind
    ? await db.talentCertificate.findUnique({
        where: { dossierId_kind: { dossierId: application.dossierId, kind: fields.certificateKind } },
      })
    : null;
  if (fields.certificateKind && !certificate)
    throw new AppError('VALIDATION_FAILED', 'The application declares no such certificate.', [
      {
        field: 'certificateKind',
        reason: 'the application declares no certificate of this kind',
        reasonZh: '该申报未填写此类证书',
      },
    ]);
  const stored = await storeUpload(dataDir, uploaded);
  await db.attachment.create({
    data: { ...stored, talentApplicationId: applicationId, uploadedById: caller.userId },
  });
  // The newest scan of a certificate is the one it points to; an earlier one stays among the documents.
  if (certificate)
    await db.talentCertificate.update({ where: { id: certificate.id }, data: { attachmentId: stored.id } });
  const row = await db.attachment.findUniqueOrThrow({ where: { id: stored.id }, include: withUploader });
  const { id, filename, contentType, sha256 } = stored;
  return {
    attachment: toDossierAttachment(row),
    storagePath: stored.storagePath,
    audit: {
      action: 'talent_application.document_uploaded',
      resourceType: 'talent_application',
      resourceId: applicationId,
      unitId: round.unitId,
      after: {
        attachmentId: id,
        filename,
        contentType,
        sha256,
        certificateKind: fields.certificateKind ?? null,
      },
    },
  };
}

/** A document of an application the caller's office reaches, with that application's round, else 404. */
async function officeAttachment(db: DbClient, caller: Caller, attachmentId: string) {
  officeRoots(caller); // other roles are refused (403) before anything is looked up
  const row = await db.attachment.findUnique({ where: { id: attachmentId }, include: withUploader });
  if (!row?.talentApplicationId) throw attachmentNotFound();
  const application = await officeApplicationRound(db, caller, row.talentApplicationId).catch(() => {
    throw attachmentNotFound();
  });
  return { row, application };
}

/** The document's row for its download by the office, and the unit its read is audited at. */
export async function officeDownload(db: DbClient, caller: Caller, attachmentId: string) {
  const { row, application } = await officeAttachment(db, caller, attachmentId);
  return { row, unitId: application.round.unitId };
}

export async function deleteDossierAttachment(
  db: DbClient,
  caller: Caller,
  attachmentId: string,
): Promise<Done> {
  const { row, application } = await officeAttachment(db, caller, attachmentId);
  const round = await roundInScope(db, caller, application.roundId, 'share');
  requireEditable(round);
  await db.talentCertificate.updateMany({ where: { attachmentId }, data: { attachmentId: null } });
  await db.attachment.delete({ where: { id: attachmentId } });
  return {
    attachment: toDossierAttachment(row),
    storagePath: row.storagePath,
    audit: {
      action: 'talent_application.document_deleted',
      resourceType: 'talent_application',
      resourceId: application.id,
      unitId: round.unitId,
      before: { attachmentId, filename: row.filename, sha256: row.sha256 },
    },
  };
}

/** The caller's assignment on the application (else 404), refused (403) in a blind round. */
async function reviewerSeesDocuments(db: DbClient, caller: Caller, applicationId: string) {
  const assignment = await myAssignment(db, caller, applicationId);
  if (configOf(assignment.application.round).review.blindPhase)
    throw new AppError(
      'FORBIDDEN',
      'This round is reviewed blind: the application’s documents show who the candidate is.',
      [],
      { detailZh: '本批次为匿名评审，申报材料含申报人身份信息，评审专家不能查看' },
    );
  return assignment;
}

export async function reviewerAttachments(
  db: DbClient,
  caller: Caller,
  applicationId: string,
): Promise<TDossierAttachmentList> {
  await reviewerSeesDocuments(db, caller, applicationId);
  const rows = await attachmentsOf(db, applicationId);
  return { items: rows.map(toDossierAttachment), editable: false };
}

/** The document's row for its download by an assigned reviewer, and the unit its read is audited at. */
export async function reviewerDownload(
  db: DbClient,
  caller: Caller,
  applicationId: string,
  attachmentId: string,
) {
  const assignment = await reviewerSeesDocuments(db, caller, applicationId);
  const row = await db.attachment.findFirst({
    where: { id: attachmentId, talentApplicationId: applicationId },
    include: withUploader,
  });
  if (!row) throw attachmentNotFound();
  return { row, unitId: assignment.application.round.unitId };
}
