// Applications of a round for the selection office: pages of summaries with masked identity
// numbers (filters status and field, oldest first), and one application in full.
import { z } from 'zod';
import { Prisma } from '../../prisma/generated/client';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import { decodeCursor, toPage } from '../http/pagination';
import { isUnitWithin } from '../policy/unit-scope';
import { maskIdentityNumber, maskPhone } from './identity-number';
import { isoDate, isoDateOrNull, isoInstant } from './round-view';
import type { TApplicationDetail, TApplicationSummary } from './talent.types';
import { ZApplicationStatus, ZSocialWorkField } from './talent.types';
import { officeRoots, roundInScope } from './talent-scope';

const withPerson = {
  candidate: true,
  dossier: { include: { certificates: { orderBy: { kind: 'asc' } } } },
} as const;
type ApplicationRow = Prisma.TalentApplicationGetPayload<{ include: typeof withPerson }>;

export interface ApplicationFilters {
  status?: z.infer<typeof ZApplicationStatus> | undefined;
  field?: z.infer<typeof ZSocialWorkField> | undefined;
}

const ZApplicationCursor = z.tuple([z.iso.datetime(), z.guid()]);

/** Summary of a row; the identity number masked, whoever reads it. */
function toSummary(row: ApplicationRow): TApplicationSummary {
  return {
    id: row.id,
    roundId: row.roundId,
    candidateId: row.candidateId,
    name: row.candidate.name,
    gender: row.candidate.gender,
    identityNumber: maskIdentityNumber(row.candidate.identityNumber),
    employerName: row.dossier.employerName,
    unitType: row.dossier.unitType as TApplicationSummary['unitType'],
    field: row.dossier.field as TApplicationSummary['field'],
    elderlyServices: row.dossier.elderlyServices,
    socialWorkYears: row.dossier.socialWorkYears.toNumber(),
    status: row.status,
    source: row.source,
    screeningResult: row.screeningResult,
    createdAt: row.createdAt.toISOString(),
  };
}

export function applicationWhere(
  roundId: string,
  filters: ApplicationFilters,
): Prisma.TalentApplicationWhereInput {
  return {
    roundId,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.field ? { dossier: { field: filters.field } } : {}),
  };
}

export async function listApplications(
  db: DbClient,
  caller: Caller,
  roundId: string,
  query: ApplicationFilters & { limit: number; cursor?: string | undefined },
): Promise<{ items: TApplicationSummary[]; nextCursor: string | null }> {
  await roundInScope(db, caller, roundId);
  const after = query.cursor ? decodeCursor(query.cursor, ZApplicationCursor) : undefined;
  const rows = await db.talentApplication.findMany({
    where: {
      ...applicationWhere(roundId, query),
      ...(after
        ? {
            OR: [
              { createdAt: { gt: new Date(after[0]) } },
              { createdAt: new Date(after[0]), id: { gt: after[1] } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: query.limit + 1,
    include: withPerson,
  });
  return toPage(rows, query.limit, (row) => [row.createdAt.toISOString(), row.id], toSummary);
}

/** Rows for the export, in the list's order, at most `limit`. */
export async function applicationRowsForExport(
  db: DbClient,
  roundId: string,
  filters: ApplicationFilters,
  limit: number,
): Promise<ApplicationRow[]> {
  return db.talentApplication.findMany({
    where: applicationWhere(roundId, filters),
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: limit,
    include: withPerson,
  });
}

export const applicationNotFound = () =>
  new AppError('NOT_FOUND', 'No such application among those you may see.', [], {
    detailZh: '未找到该申报，或您无权查看',
  });

/** One application in full, identity number included (the route audits the read), and its round's unit. */
export async function applicationDetail(
  db: DbClient,
  caller: Caller,
  id: string,
): Promise<{ application: TApplicationDetail; unitId: string }> {
  const roots = officeRoots(caller);
  const row = await db.talentApplication.findUnique({
    where: { id },
    include: {
      ...withPerson,
      round: { select: { unitId: true, status: true } },
      withdrawnBy: { select: { id: true, displayName: true } },
      assignments: { select: { submittedAt: true } },
      ranking: true,
    },
  });
  if (!row || !(await isUnitWithin(db, roots, row.round.unitId))) throw applicationNotFound();
  const application: TApplicationDetail = {
    ...toSummary(row),
    identityNumber: row.candidate.identityNumber,
    birthDate: isoDate(row.candidate.birthDate),
    phone: row.candidate.phone,
    employerId: row.dossier.employerId,
    socialWorkSince: isoDate(row.dossier.socialWorkSince),
    certificates: row.dossier.certificates.map((c) => ({
      kind: c.kind,
      level: c.level,
      number: c.number,
      issuedOn: isoDateOrNull(c.issuedOn),
      attachmentId: c.attachmentId,
    })),
    screeningExplanation: row.screeningExplanation ?? null,
    screenedAt: isoInstant(row.screenedAt),
    override:
      row.overrideResult && row.overrideReason && row.overrideById && row.overrideAt
        ? {
            result: row.overrideResult,
            reason: row.overrideReason,
            byId: row.overrideById,
            at: row.overrideAt.toISOString(),
          }
        : null,
    withdrawal:
      row.withdrawnReason && row.withdrawnBy && row.withdrawnAt
        ? { reason: row.withdrawnReason, by: row.withdrawnBy, at: row.withdrawnAt.toISOString() }
        : null,
    changeable: row.status === 'submitted' && row.round.status === 'open',
    revision: row.revision,
    review: {
      assigned: row.assignments.length,
      submitted: row.assignments.filter((a) => a.submittedAt !== null).length,
    },
    ranking: row.ranking
      ? {
          rank: row.ranking.rank,
          category: row.ranking.category,
          seatType: row.ranking.seatType,
          finalScore: row.ranking.finalScore?.toNumber() ?? null,
        }
      : null,
  };
  return { application, unitId: row.round.unitId };
}

/** The application as lists show it: identity number and phone masked, the birth date's year only. */
export function maskedApplication(application: TApplicationDetail): TApplicationDetail {
  return {
    ...application,
    identityNumber: maskIdentityNumber(application.identityNumber),
    phone: maskPhone(application.phone),
    birthDate: application.birthDate.slice(0, 4),
  };
}
