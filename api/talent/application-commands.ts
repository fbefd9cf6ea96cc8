// Entering one application by hand (the office types in a paper form): the round's window must be
// open; the entry is checked against the round; dossier and application are written together.
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import type { AuditEntry } from '../http/audit-entry';
import { applicationDetail } from './application-reads';
import { alreadyApplied, requireOpenWindow, roundIssuesOf, writeApplications } from './application-writer';
import type { TApplicationDetail, TApplicationEntry } from './talent.types';
import { maskIdentityNumber } from './identity-number';
import { roundInScope } from './talent-scope';

export async function enterApplication(
  db: DbClient,
  caller: Caller,
  roundId: string,
  entry: TApplicationEntry,
): Promise<{ application: TApplicationDetail; audit: AuditEntry }> {
  const round = await roundInScope(db, caller, roundId, 'share');
  requireOpenWindow(round);
  const issues = await roundIssuesOf(db, round, entry);
  if (issues.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      'The application does not fit this round.',
      issues.map((i) => ({ field: i.path.join('.'), reason: i.reason, reasonZh: i.reasonZh })),
    );
  const existing = await db.talentApplication.findFirst({
    where: { roundId, candidate: { identityNumber: entry.identityNumber } },
    select: { id: true, status: true },
  });
  if (existing?.status === 'withdrawn')
    throw new AppError(
      'CONFLICT',
      'This person’s application in this round was withdrawn; a withdrawn application cannot be entered again.',
      [
        {
          field: 'identityNumber',
          reason: 'withdrawn in this round; cannot apply again',
          reasonZh: '此人在本批次的申报已撤回，不能再次申报',
        },
      ],
      { detailZh: '此人在本批次的申报已撤回，不能再次申报' },
    );
  if (existing) throw alreadyApplied('identityNumber');
  const [id] = await writeApplications(db, caller, round, [entry], 'entered');
  const { application } = await applicationDetail(db, caller, id!);
  return {
    application,
    audit: {
      action: 'talent_application.entered',
      resourceType: 'talent_application',
      resourceId: application.id,
      unitId: round.unitId,
      // The audit log keeps the masked number: it is read more widely than the applications are.
      after: { roundId, name: entry.name, identityNumber: maskIdentityNumber(entry.identityNumber) },
    },
  };
}
