// A selection round brought to 专家评审 for the review tests: the office creates and opens it and
// enters the applications through the API, then closes the window. Screening and the move to
// `review` belong to engineer A's round process, built in parallel this session, so the test
// writes them as rows: each application's screening result and the round's status.
import type { Db } from '../../api/db/prisma-client';
import type { TApplicationEntryInput } from '../../api/talent/talent.types';
import { applicationEntryFor } from './talent-entries';

type Call = (
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<{ status: number; json?: Record<string, unknown> | undefined; text: string }>;

export interface ReviewApplicant {
  /** Numbered person (talent-entries.ts); must be unique in the database. */
  n: number;
  overrides?: Partial<TApplicationEntryInput>;
  screening?: 'eligible' | 'ineligible';
  override?: 'eligible' | 'ineligible';
}

const DATES = { windowStartsOn: '2026-12-01', windowEndsOn: '2026-12-31', referenceDate: '2026-12-31' };

async function expectOk<T extends { status: number; text: string }>(
  answer: Promise<T>,
  what: string,
): Promise<T> {
  const res = await answer;
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${res.text}`);
  return res;
}

/**
 * The round's id and its applications' ids in the order given. `whileClosed` runs after the window
 * closes, before screening: the office may still file documents then (none once review begins).
 */
export async function roundInReview(
  office: Call,
  prisma: Db,
  round: { unitId: string; title: string; config?: Record<string, unknown> },
  applicants: ReviewApplicant[],
  whileClosed?: (applicationIds: string[]) => Promise<void>,
): Promise<{ roundId: string; applicationIds: string[] }> {
  const created = await expectOk(
    office('POST', '/api/talent/rounds', { ...round, ...DATES }),
    'create round',
  );
  const roundId = created.json!.id as string;
  await expectOk(office('POST', `/api/talent/rounds/${roundId}/open`), 'open round');
  const applicationIds: string[] = [];
  for (const applicant of applicants) {
    const entered = await expectOk(
      office(
        'POST',
        `/api/talent/rounds/${roundId}/applications`,
        applicationEntryFor(applicant.n, applicant.overrides),
      ),
      `enter applicant ${applicant.n}`,
    );
    applicationIds.push(entered.json!.id as string);
  }
  await expectOk(office('POST', `/api/talent/rounds/${roundId}/close`), 'close round');
  await whileClosed?.(applicationIds);
  // Engineer A's screening and status transition, written as rows (see the header).
  for (const [index, applicant] of applicants.entries()) {
    const screening = applicant.screening ?? 'eligible';
    await prisma.talentApplication.update({
      where: { id: applicationIds[index]! },
      data: {
        screeningResult: screening,
        status: screening,
        screenedAt: new Date(),
        ...(applicant.override
          ? {
              overrideResult: applicant.override,
              overrideReason: '测试：人工复核',
              overrideById: (await prisma.talentRound.findUniqueOrThrow({ where: { id: roundId } }))
                .createdById,
              overrideAt: new Date(),
            }
          : {}),
      },
    });
  }
  await prisma.talentRound.update({ where: { id: roundId }, data: { status: 'review' } });
  return { roundId, applicationIds };
}
