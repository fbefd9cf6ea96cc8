// Writes applications: the candidates (found again by identity number, personal data brought up to
// date), a new dossier with its certificates each, and the applications of the round. Shared by the
// form entry (one) and the xlsx import (all its rows), each inside its route's one transaction.
import { randomUUID } from 'node:crypto';
import { wholeMonthsBetween } from '../../workflows/talent';
import { Prisma } from '../../prisma/generated/client';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import { isoDate } from './round-view';
import type { TApplicationEntry } from './talent.types';
import type { RoundRow } from './talent-scope';

/** A finding about an entry against its round, at a path of the entry (`['socialWorkYears']`). */
export interface EntryIssue {
  path: (string | number)[];
  reason: string;
  reasonZh: string;
}

/** Declared years may differ from those counted from the start date by up to this much (rounding, gaps). */
const YEARS_TOLERANCE = 1;

/**
 * The parts of an entry the round's checks read. An import row that failed its own checks passes
 * only the parts that passed, so its round findings are reported beside the others.
 */
export type RoundCheckedParts = Partial<
  Pick<TApplicationEntry, 'socialWorkSince' | 'socialWorkYears' | 'certificates'>
>;

/** What an entry gets wrong about this round: dates after its reference date, years that disagree, foreign attachments. */
export async function roundIssuesOf(
  db: DbClient,
  round: RoundRow,
  entry: RoundCheckedParts,
): Promise<EntryIssue[]> {
  const issues: EntryIssue[] = [];
  const reference = isoDate(round.referenceDate);
  const since = entry.socialWorkSince;
  if (since !== undefined && since > reference) {
    issues.push({
      path: ['socialWorkSince'],
      reason: `after the round's reference date ${reference}`,
      reasonZh: `晚于本批次的计算基准日 ${reference}`,
    });
  } else if (since !== undefined && entry.socialWorkYears !== undefined) {
    const counted = Math.floor(wholeMonthsBetween(since, reference) / 12);
    if (Math.abs(entry.socialWorkYears - counted) > YEARS_TOLERANCE)
      issues.push({
        path: ['socialWorkYears'],
        reason: `does not agree with the start date: ${counted} whole years up to ${reference}`,
        reasonZh: `与从事社会工作起始日期不符：截至 ${reference} 满 ${counted} 年`,
      });
  }
  const certificates = entry.certificates ?? [];
  const attachmentIds = certificates.flatMap((c) => (c.attachmentId ? [c.attachmentId] : []));
  if (attachmentIds.length > 0) {
    // Only files uploaded to this round's own process: no one attaches another case's documents.
    const found = round.instanceId
      ? await db.attachment.findMany({
          where: { id: { in: attachmentIds }, instanceId: round.instanceId },
          select: { id: true },
        })
      : [];
    const known = new Set(found.map((a) => a.id));
    certificates.forEach((c, i) => {
      if (c.attachmentId && !known.has(c.attachmentId))
        issues.push({
          path: ['certificates', i, 'attachmentId'],
          reason: 'no such attachment in this round',
          reasonZh: '本批次中没有该附件',
        });
    });
  }
  return issues;
}

export const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

export const alreadyApplied = (field: string) =>
  new AppError(
    'CONFLICT',
    'This person already has an application in this round.',
    [{ field, reason: 'already applied in this round', reasonZh: '此人已在本批次申报' }],
    { detailZh: '此人已在本批次申报，不能重复申报' },
  );

/** The person's columns of an entry (the candidate row). */
export const person = (entry: TApplicationEntry) => ({
  name: entry.name,
  gender: entry.gender,
  birthDate: new Date(entry.birthDate),
  phone: entry.phone,
});

/** The dossier's columns of an entry (its certificates are rows of their own). */
export const dossierOf = (entry: TApplicationEntry) => ({
  employerName: entry.employerName,
  employerId: entry.employerId ?? null,
  unitType: entry.unitType,
  field: entry.field,
  elderlyServices: entry.elderlyServices,
  socialWorkSince: new Date(entry.socialWorkSince),
  socialWorkYears: entry.socialWorkYears,
});

/**
 * Writes the entries as applications of the round, in a fixed number of statements whatever their
 * count (an import of hundreds stays well inside the route's transaction), and answers their ids
 * in the entries' order. The caller checked the entries and the round first.
 */
export async function writeApplications(
  db: DbClient,
  caller: Caller,
  round: RoundRow,
  entries: readonly TApplicationEntry[],
  source: 'entered' | 'imported',
): Promise<string[]> {
  const identityNumbers = entries.map((e) => e.identityNumber);
  const known = await db.talentCandidate.findMany({
    where: { identityNumber: { in: identityNumbers } },
    select: { identityNumber: true },
  });
  const knownNumbers = new Set(known.map((c) => c.identityNumber));
  // Someone applying again brings their personal data up to date; their earlier dossiers stay as they were.
  for (const entry of entries.filter((e) => knownNumbers.has(e.identityNumber)))
    await db.talentCandidate.update({ where: { identityNumber: entry.identityNumber }, data: person(entry) });
  await db.talentCandidate.createMany({
    data: entries
      .filter((e) => !knownNumbers.has(e.identityNumber))
      .map((entry) => ({ identityNumber: entry.identityNumber, ...person(entry) })),
    // A person entered at this moment by another request is the same person: found below.
    skipDuplicates: true,
  });
  const candidates = await db.talentCandidate.findMany({
    where: { identityNumber: { in: identityNumbers } },
    select: { id: true, identityNumber: true },
  });
  const candidateOf = new Map(candidates.map((c) => [c.identityNumber, c.id]));
  // Ids made here, so dossiers, certificates and applications pair up without relying on row order.
  const rows = entries.map((entry) => ({
    entry,
    candidateId: candidateOf.get(entry.identityNumber)!,
    dossierId: randomUUID(),
    applicationId: randomUUID(),
  }));
  await db.talentDossier.createMany({
    data: rows.map(({ entry, candidateId, dossierId }) => ({
      id: dossierId,
      candidateId,
      ...dossierOf(entry),
    })),
  });
  await db.talentCertificate.createMany({
    data: rows.flatMap(({ entry, dossierId }) =>
      entry.certificates.map((c) => ({
        dossierId,
        kind: c.kind,
        level: c.level ?? null,
        number: c.number ?? null,
        issuedOn: c.issuedOn ? new Date(c.issuedOn) : null,
        attachmentId: c.attachmentId ?? null,
      })),
    ),
  });
  // One statement gives every row the same now(): a millisecond apart keeps the list in the file's order.
  const enteredAt = Date.now();
  try {
    await db.talentApplication.createMany({
      data: rows.map(({ candidateId, dossierId, applicationId }, i) => ({
        id: applicationId,
        createdAt: new Date(enteredAt + i),
        roundId: round.id,
        candidateId,
        dossierId,
        source,
        createdById: caller.userId,
      })),
    });
  } catch (error) {
    // Checked before, so only a concurrent request of the same person gets here: the whole write fails.
    if (isUniqueViolation(error)) throw alreadyApplied('identityNumber');
    throw error;
  }
  return rows.map((row) => row.applicationId);
}

/** Applications are taken, amended and withdrawn only while the window is open. */
export function requireOpenWindow(round: RoundRow, what: 'enter' | 'change' = 'enter'): void {
  if (round.status !== 'open')
    throw new AppError(
      'TALENT_ROUND_STATE',
      `The application window is not open (the round is ${round.status}).`,
      [],
      {
        roundStatus: round.status,
        detailZh:
          what === 'enter'
            ? '本批次未在申报期内，不能录入或导入申报'
            : '本批次申报期已结束，不能修改或撤回申报',
      },
    );
}
