// The office's changes to an entered application while the round's window is open: amending it
// (the applicant corrected their paper form) or withdrawing it on the applicant's request, with a
// reason. Once the window closes, screening reads the applications as they stand, so both end there.
// The identity number is who the application is about: a wrong one is withdrawn and entered anew.
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import type { AuditEntry } from '../http/audit-entry';
import { assertRevision } from '../http/if-match';
import { applicationDetail, applicationNotFound } from './application-reads';
import { dossierOf, person, requireOpenWindow, roundIssuesOf } from './application-writer';
import { maskIdentityNumber } from './identity-number';
import { type TApplicationDetail, type TApplicationEntry, ZApplicationEntry } from './talent.types';
import { officeRoots, roundInScope } from './talent-scope';

/** The application, locked for the change, in a round the caller's office holds and whose window is open. */
async function changeableApplication(db: DbClient, caller: Caller, id: string, expected: number | undefined) {
  officeRoots(caller); // a caller who is not the selection office is refused before anything is read
  const locked = await db.$queryRaw<{ round_id: string }[]>`
    SELECT round_id FROM talent_application WHERE id = ${id}::uuid FOR UPDATE`;
  if (!locked[0]) throw applicationNotFound();
  // Not the caller's office: refused (403) as the other application routes refuse; another unit's: not found.
  const round = await roundInScope(db, caller, locked[0].round_id, 'share').catch((error: unknown) => {
    throw error instanceof AppError && error.code === 'NOT_FOUND' ? applicationNotFound() : error;
  });
  const row = await db.talentApplication.findUniqueOrThrow({
    where: { id },
    include: { candidate: { select: { identityNumber: true } } },
  });
  assertRevision(expected, row.revision);
  requireOpenWindow(round, 'change');
  if (row.status !== 'submitted')
    throw new AppError('CONFLICT', `The application is ${row.status}: only a submitted one changes.`, [], {
      applicationStatus: row.status,
      detailZh: '该申报已撤回或已进入资格审查，不能修改或撤回',
    });
  return { round, row };
}

export async function amendApplication(
  db: DbClient,
  caller: Caller,
  id: string,
  expected: number | undefined,
  entry: TApplicationEntry,
): Promise<{ application: TApplicationDetail; audit: AuditEntry }> {
  const { round, row } = await changeableApplication(db, caller, id, expected);
  const issues = await roundIssuesOf(db, round, entry);
  if (entry.identityNumber !== row.candidate.identityNumber)
    issues.unshift({
      path: ['identityNumber'],
      reason: 'cannot change: withdraw this application and enter the right person',
      reasonZh: '不能修改：如号码有误，请撤回本申报后重新录入',
    });
  if (issues.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      'The amended application does not fit this round.',
      issues.map((i) => ({ field: i.path.join('.'), reason: i.reason, reasonZh: i.reasonZh })),
      { detailZh: '修改后的申报不符合要求，未作任何修改' },
    );
  const { application: before } = await applicationDetail(db, caller, id);
  await db.talentCandidate.update({ where: { id: row.candidateId }, data: person(entry) });
  await db.talentDossier.update({ where: { id: row.dossierId }, data: dossierOf(entry) });
  await replaceCertificates(db, row.dossierId, entry.certificates);
  await db.talentApplication.update({
    where: { id },
    data: { updatedById: caller.userId, updatedAt: new Date(), revision: { increment: 1 } },
  });
  const { application } = await applicationDetail(db, caller, id);
  return {
    application,
    audit: {
      action: 'talent_application.amended',
      resourceType: 'talent_application',
      resourceId: id,
      unitId: round.unitId,
      // Which parts changed, not their values: the audit log is read more widely than dossiers are.
      after: { roundId: round.id, changed: changedParts(before, application) },
    },
  };
}

export async function withdrawApplication(
  db: DbClient,
  caller: Caller,
  id: string,
  expected: number | undefined,
  reason: string,
): Promise<{ application: TApplicationDetail; audit: AuditEntry }> {
  const { round, row } = await changeableApplication(db, caller, id, expected);
  await db.talentApplication.update({
    where: { id },
    data: {
      status: 'withdrawn',
      withdrawnById: caller.userId,
      withdrawnAt: new Date(),
      withdrawnReason: reason,
      revision: { increment: 1 },
    },
  });
  const { application } = await applicationDetail(db, caller, id);
  return {
    application,
    audit: {
      action: 'talent_application.withdrawn',
      resourceType: 'talent_application',
      resourceId: id,
      unitId: round.unitId,
      before: { status: row.status },
      after: {
        roundId: round.id,
        identityNumber: maskIdentityNumber(row.candidate.identityNumber),
        status: 'withdrawn',
        reason,
      },
    },
  };
}

/**
 * The dossier's certificates become the entry's, kind by kind. What the form does not carry stays:
 * a certificate kept keeps its issue date and the scan uploaded for it (the dossier page's 扫描件);
 * a certificate dropped loses the link, and its scan stays among the documents.
 */
async function replaceCertificates(
  db: DbClient,
  dossierId: string,
  certificates: TApplicationEntry['certificates'],
): Promise<void> {
  const existing = await db.talentCertificate.findMany({ where: { dossierId } });
  const kinds = new Set(certificates.map((c) => c.kind));
  await db.talentCertificate.deleteMany({ where: { dossierId, kind: { notIn: [...kinds] } } });
  for (const c of certificates) {
    const before = existing.find((e) => e.kind === c.kind);
    const data = {
      level: c.level ?? null,
      number: c.number ?? null,
      issuedOn: c.issuedOn ? new Date(c.issuedOn) : (before?.issuedOn ?? null),
      attachmentId: c.attachmentId ?? before?.attachmentId ?? null,
    };
    await db.talentCertificate.upsert({
      where: { dossierId_kind: { dossierId, kind: c.kind } },
      update: data,
      create: { dossierId, kind: c.kind, ...data },
    });
  }
}

/** The entry's fields whose value the amendment changed (certificates as one part; the identity number never changes). */
function changedParts(before: TApplicationDetail, after: TApplicationDetail): string[] {
  const parts = Object.keys(ZApplicationEntry.shape).filter(
    (part): part is Exclude<keyof typeof ZApplicationEntry.shape, 'identityNumber'> =>
      part !== 'identityNumber',
  );
  return parts.filter((part) => JSON.stringify(before[part]) !== JSON.stringify(after[part]));
}
