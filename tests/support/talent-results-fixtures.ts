// Rounds arranged in a later status for the results suites: applications written as rows, screened
// by the pure rule (workflows/talent/eligibility.ts) and, for ranked rounds, ranked and allocated by
// workflows/talent/quota-allocation.ts, with exactly those outputs stored in the explanation columns.
// The round process's own actions (computeEligibility, rankAndAllocate) are built in parallel by
// another engineer of issue 12; these fixtures write what their contract says they write, so the
// results routes can be tested before the process reaches these states by itself.
import type { Prisma } from '../../prisma/generated/client';
import type { Db } from '../../api/db/prisma-client';
import type { TApplicationEntryInput } from '../../api/talent/talent.types';
import {
  allocateSeats,
  rankingEntryFor,
  screenApplication,
  ZRoundConfig,
  ZTalentApplication,
  type Allocation,
  type EligibilityResult,
  type RoundConfigInput,
  type SeatType,
} from '../../workflows/talent';
import { applicationEntryFor } from './talent-entries';

export interface ArrangedPerson {
  /** The number applicationEntryFor makes the person from. */
  n: number;
  entry?: Partial<TApplicationEntryInput>;
  /** The final review score the ranking uses; null for too few reviewers. Ranked rounds only. */
  score?: number | null;
}

export interface ArrangedApplication {
  n: number;
  applicationId: string;
  candidateId: string;
  name: string;
  identityNumber: string;
  screening: EligibilityResult;
}

export interface ArrangedRound {
  roundId: string;
  applications: ArrangedApplication[];
  /** Set for ranked rounds: the allocation whose explanations were stored. */
  allocation?: Allocation;
}

const REFERENCE_DATE = '2026-12-31';
/** The pure rules' outputs are plain JSON data; their types only lack Prisma's index signature. */
const asJson = (value: object) => value as Prisma.InputJsonObject;
const SEAT_TYPE: Record<SeatType, 'reserved' | 'general' | 'not_selected'> = {
  reserved: 'reserved',
  general: 'general',
  notSelected: 'not_selected',
};
/** Applications are entered a second apart, in the order given (the lists' order). */
const ENTERED_FROM = Date.parse('2026-12-10T01:00:00.000Z');

/**
 * A round in `status` with the people's applications screened; with `ranked`, the eligible ones
 * ranked and allocated too (status selected / not_selected, one ranking row each).
 */
export async function arrangeRound(
  prisma: Db,
  options: {
    unitId: string;
    createdById: string;
    title: string;
    status: 'screening' | 'review' | 'ranking' | 'notice' | 'approval' | 'published';
    config?: RoundConfigInput;
    people: ArrangedPerson[];
    ranked?: boolean;
  },
): Promise<ArrangedRound> {
  const config = ZRoundConfig.parse(options.config ?? {});
  const round = await prisma.talentRound.create({
    data: {
      unitId: options.unitId,
      title: options.title,
      status: options.status,
      config,
      windowStartsOn: new Date('2026-12-01'),
      windowEndsOn: new Date(REFERENCE_DATE),
      referenceDate: new Date(REFERENCE_DATE),
      createdById: options.createdById,
    },
  });
  const applications: ArrangedApplication[] = [];
  const submittedAt = new Map<string, string>();
  for (const [i, person] of options.people.entries()) {
    const entry = applicationEntryFor(person.n, person.entry);
    const candidate = await prisma.talentCandidate.create({
      data: {
        identityNumber: entry.identityNumber,
        name: entry.name,
        gender: entry.gender,
        birthDate: new Date(entry.birthDate),
        phone: entry.phone,
      },
    });
    const dossier = await prisma.talentDossier.create({
      data: {
        candidateId: candidate.id,
        employerName: entry.employerName,
        unitType: entry.unitType,
        field: entry.field,
        elderlyServices: entry.elderlyServices ?? false,
        socialWorkSince: new Date(entry.socialWorkSince),
        socialWorkYears: entry.socialWorkYears,
      },
    });
    const createdAt = new Date(ENTERED_FROM + i * 1000);
    const level = (entry.certificates ?? []).find((c) => c.kind === 'social_worker')?.level;
    const screening = screenApplication(
      ZTalentApplication.parse({
        candidateId: candidate.id,
        name: entry.name,
        employer: { name: entry.employerName },
        unitType: entry.unitType,
        field: entry.field,
        elderlyServices: entry.elderlyServices ?? false,
        socialWorkPeriods: [{ from: entry.socialWorkSince }],
        ...(level ? { socialWorkerLevel: level } : {}),
        submittedAt: createdAt.toISOString(),
      }),
      REFERENCE_DATE,
      config.eligibility,
    );
    const application = await prisma.talentApplication.create({
      data: {
        roundId: round.id,
        candidateId: candidate.id,
        dossierId: dossier.id,
        source: 'entered',
        createdById: options.createdById,
        createdAt,
        status: screening.eligible ? 'eligible' : 'ineligible',
        screeningResult: screening.eligible ? 'eligible' : 'ineligible',
        screeningExplanation: asJson(screening),
        screenedAt: new Date('2026-12-31T02:00:00.000Z'),
      },
    });
    submittedAt.set(candidate.id, createdAt.toISOString());
    applications.push({
      n: person.n,
      applicationId: application.id,
      candidateId: candidate.id,
      name: entry.name,
      identityNumber: entry.identityNumber,
      screening,
    });
  }
  if (!options.ranked) return { roundId: round.id, applications };

  const scores = new Map(options.people.map((person) => [person.n, person.score]));
  const eligible = applications.filter((a) => a.screening.eligible);
  const allocation = allocateSeats(
    eligible.map((a) => {
      const score = scores.get(a.n);
      return rankingEntryFor(
        { candidateId: a.candidateId, submittedAt: submittedAt.get(a.candidateId)! },
        a.screening,
        score === undefined ? undefined : { finalScore: score },
      );
    }),
    config.allocation,
  );
  for (const explanation of allocation.explanations) {
    const application = eligible.find((a) => a.candidateId === explanation.candidateId)!;
    await prisma.talentRankingResult.create({
      data: {
        applicationId: application.applicationId,
        roundId: round.id,
        rank: explanation.rank,
        category: explanation.category,
        seatType: SEAT_TYPE[explanation.seat],
        finalScore: explanation.finalScore,
        explanation: asJson(explanation),
        computedAt: new Date('2027-01-20T02:00:00.000Z'),
      },
    });
    await prisma.talentApplication.update({
      where: { id: application.applicationId },
      data: { status: explanation.seat === 'notSelected' ? 'not_selected' : 'selected' },
    });
  }
  return { roundId: round.id, applications, allocation };
}
