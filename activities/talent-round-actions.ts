// The talent selection round's actions over its rows: screening (computeEligibility), ranking and
// quota allocation (rankAndAllocate), publication (publishRound) and the status moves the process
// makes after an inbox approval (setRoundStatus). The process carries only the round id; each
// action reads the rows, calls the pure rules of workflows/talent and writes its results in one
// transaction, replacing what an earlier attempt wrote, so a retried action leaves the same rows.
import type { Pool, PoolClient } from 'pg';
import {
  addYears,
  aggregateScores,
  allocateSeats,
  applyUpheldObjections,
  noticePeriod,
  rankingEntryFor,
  screenApplication,
  shanghaiDate,
  weightedScore,
  ZRoundConfig,
  ZTalentApplication,
  type Allocation,
  type AllocationAfterObjections,
  type CandidateScore,
  type EligibilityResult,
  type RoundConfig,
  type SubmittedScore,
  type TalentApplication,
  type UpheldObjection,
} from '../workflows/talent';
import type { ApprovalVotes } from '../workflows/engine';
import { createCalendarRevisions } from './calendar-revisions';
import { NonRetryableActionError } from './run-action';
import { calendarOf } from './working-day-calendar';
import { inTransaction } from './sql';
import { recordLeadingDecision } from './talent-leading-decisions';

type RoundStatus = 'screening' | 'review' | 'ranking' | 'notice' | 'approval' | 'published' | 'cancelled';

interface RoundRow {
  id: string;
  status: string;
  config: unknown;
  reference_date: string;
}

/** The round, locked for the action's transaction; a status outside `allowed` cannot be fixed by retrying. */
async function lockedRound(
  client: PoolClient,
  roundId: string,
  allowed: readonly string[],
): Promise<RoundRow & { options: RoundConfig }> {
  const { rows } = await client.query<RoundRow>(
    `SELECT id, status::text, config, to_char(reference_date, 'YYYY-MM-DD') AS reference_date
     FROM talent_round WHERE id::text = $1 FOR UPDATE`,
    [roundId],
  );
  const round = rows[0];
  if (!round) throw new NonRetryableActionError(`selection round ${roundId} does not exist`);
  if (!allowed.includes(round.status))
    throw new NonRetryableActionError(
      `selection round ${roundId} is ${round.status}; this step needs ${allowed.join(' or ')}`,
    );
  return { ...round, options: ZRoundConfig.parse(round.config) };
}

interface ApplicationRow {
  id: string;
  name: string;
  employer_name: string;
  employer_id: string | null;
  unit_type: string;
  field: string;
  elderly_services: boolean;
  social_work_since: string;
  submitted_at: Date;
  certificates: { kind: string; level: string | null }[];
  prior_titles: {
    roundId: string;
    termStart: string;
    termEnd: string;
    revokedOn: string | null;
    finalRating: string | null;
  }[];
}

/** The dossier of an application as the pure rules read it; the application id is the candidate id. */
function dossierOf(row: ApplicationRow): TalentApplication {
  const level = (kind: string) => row.certificates.find((c) => c.kind === kind)?.level ?? undefined;
  return ZTalentApplication.parse({
    candidateId: row.id,
    name: row.name,
    employer: { name: row.employer_name, ...(row.employer_id ? { id: row.employer_id } : {}) },
    unitType: row.unit_type,
    field: row.field,
    elderlyServices: row.elderly_services,
    socialWorkPeriods: [{ from: row.social_work_since }],
    socialWorkerLevel: level('social_worker'),
    elderlyCareWorkerLevel: level('elderly_care_worker'),
    elderlyCareManagementTrainingPassed: row.certificates.some(
      (c) => c.kind === 'elderly_care_management_training',
    ),
    priorTitles: row.prior_titles.map((title) => ({
      roundId: title.roundId,
      termStart: title.termStart,
      termEnd: title.termEnd,
      ...(title.revokedOn ? { revokedOn: title.revokedOn } : {}),
      ...(title.finalRating ? { finalRating: title.finalRating } : {}),
    })),
    submittedAt: row.submitted_at.toISOString(),
  });
}

/**
 * Screens every application of a round that is not withdrawn at the round's reference date, with
 * the candidate's earlier titles (Talent and TalentTerm rows of other rounds), writing the result
 * and its rule-by-rule explanation; an office override (override_result) is kept as it is.
 */
export async function computeEligibility(pool: Pool, roundId: string) {
  return inTransaction(pool, async (client) => {
    const round = await lockedRound(client, roundId, ['closed', 'screening']);
    const { rows } = await client.query<ApplicationRow>(
      `SELECT a.id, c.name, d.employer_name, d.employer_id, d.unit_type, d.field, d.elderly_services,
              to_char(d.social_work_since, 'YYYY-MM-DD') AS social_work_since, a.created_at AS submitted_at,
              COALESCE((SELECT json_agg(json_build_object('kind', tc.kind, 'level', tc.level))
                        FROM talent_certificate tc WHERE tc.dossier_id = d.id), '[]') AS certificates,
              COALESCE((SELECT json_agg(json_build_object(
                          'roundId', t.round_id, 'termStart', to_char(tt.starts_on, 'YYYY-MM-DD'),
                          'termEnd', to_char(tt.ends_on, 'YYYY-MM-DD'),
                          'revokedOn', to_char(tt.revoked_on, 'YYYY-MM-DD'), 'finalRating', tt.final_rating))
                        FROM talent t JOIN talent_term tt ON tt.talent_id = t.id
                        WHERE t.candidate_id = a.candidate_id AND t.round_id <> a.round_id), '[]') AS prior_titles
       FROM talent_application a
       JOIN talent_candidate c ON c.id = a.candidate_id
       JOIN talent_dossier d ON d.id = a.dossier_id
       WHERE a.round_id = $1 AND a.status <> 'withdrawn'`,
      [round.id],
    );
    const results = rows.map((row) =>
      screenApplication(dossierOf(row), round.reference_date, round.options.eligibility),
    );
    await client.query(
      `UPDATE talent_application a
       SET screening_result = r.result::"TalentScreeningResult", screening_explanation = r.explanation,
           screened_at = now(), status = r.result::"TalentApplicationStatus", revision = a.revision + 1
       FROM unnest($1::uuid[], $2::text[], $3::jsonb[]) AS r(id, result, explanation)
       WHERE a.id = r.id`,
      [
        results.map((r) => r.candidateId),
        results.map((r) => (r.eligible ? 'eligible' : 'ineligible')),
        results.map((r) => JSON.stringify(r)),
      ],
    );
    await client.query(
      `UPDATE talent_round SET status = 'screening', revision = revision + 1 WHERE id = $1 AND status = 'closed'`,
      [round.id],
    );
    const eligible = results.filter((r) => r.eligible).length;
    return { screened: results.length, eligible, ineligible: results.length - eligible };
  });
}

interface ScoreRow {
  assignment_id: string;
  application_id: string;
  reviewer_id: string;
  criteria: Record<string, string>;
}

/**
 * Each submitted sheet's weighted score (review-scoring.ts) and, when normalisation changed it, its
 * adjusted criteria: every criterion scaled by adjusted ÷ raw weighted score, so the adjusted
 * sheet weighs to the adjusted score (a sheet weighing 0 gets the adjusted share of each maximum).
 */
function adjustedCriteria(
  options: RoundConfig,
  criteria: Record<string, number>,
  raw: number,
  adjusted: number,
): Record<string, number> {
  return Object.fromEntries(
    options.review.rubric.map((criterion) => {
      const value = criteria[criterion.key] ?? 0;
      const scaled = raw > 0 ? (value * adjusted) / raw : (adjusted / 100) * criterion.maxScore;
      return [criterion.key, Math.round(scaled * 1000) / 1000];
    }),
  );
}

interface RankedRow {
  id: string;
  submitted_at: Date;
  screening: EligibilityResult;
}

function seatTypeOf(seat: string): string {
  return seat === 'notSelected' ? 'not_selected' : seat;
}

/**
 * Ranks the round's effectively eligible applications (override_result ?? screening_result) on
 * their final scores and allocates the quota, writing the adjusted scores, one ranking result per
 * application (replacing earlier ones) and selected / not_selected; applications whose objections
 * were upheld are removed and the next in line promoted (objections.ts).
 */
export async function rankAndAllocate(pool: Pool, roundId: string) {
  return inTransaction(pool, async (client) => {
    const round = await lockedRound(client, roundId, ['ranking', 'notice', 'approval']);
    const { rows: applications } = await client.query<RankedRow>(
      `SELECT a.id, a.created_at AS submitted_at, a.screening_explanation AS screening
       FROM talent_application a
       WHERE a.round_id = $1 AND a.status <> 'withdrawn'
         AND COALESCE(a.override_result, a.screening_result) = 'eligible'`,
      [round.id],
    );
    const { rows: sheets } = await client.query<ScoreRow>(
      `SELECT s.assignment_id, ra.application_id, ra.reviewer_id, json_object_agg(s.criterion_key, s.raw) AS criteria
       FROM talent_score s JOIN talent_reviewer_assignment ra ON ra.id = s.assignment_id
       JOIN talent_application a ON a.id = ra.application_id
       WHERE a.round_id = $1 AND ra.submitted_at IS NOT NULL
       GROUP BY s.assignment_id, ra.application_id, ra.reviewer_id`,
      [round.id],
    );
    const { rows: conflicts } = await client.query<{ reviewerId: string; candidateId: string }>(
      `SELECT reviewer_id::text AS "reviewerId", application_id::text AS "candidateId" FROM talent_conflict WHERE round_id = $1`,
      [round.id],
    );
    const eligibleIds = new Set(applications.map((a) => a.id));
    const counted = sheets.filter((sheet) => eligibleIds.has(sheet.application_id));
    const criteriaOf = (sheet: ScoreRow) =>
      Object.fromEntries(Object.entries(sheet.criteria).map(([key, value]) => [key, Number(value)]));
    const submitted: SubmittedScore[] = counted.map((sheet) => ({
      reviewerId: sheet.reviewer_id,
      candidateId: sheet.application_id,
      score: weightedScore(round.options.review.rubric, criteriaOf(sheet)),
    }));
    const scores = aggregateScores(submitted, round.options.review, conflicts);
    const scoreOf = new Map(scores.map((score) => [score.candidateId, score]));
    await writeAdjustedScores(client, round.options, counted, criteriaOf, scoreOf);

    const entries = applications.map((a) =>
      rankingEntryFor(
        { candidateId: a.id, submittedAt: a.submitted_at.toISOString() },
        a.screening,
        scoreOf.get(a.id),
      ),
    );
    const { rows: upheldRows } = await client.query<{ id: string; application_id: string; reason: string }>(
      `SELECT id, application_id, COALESCE(decision_reason, content) AS reason FROM talent_objection
       WHERE round_id = $1 AND decision = 'upheld' ORDER BY decided_at, id`,
      [round.id],
    );
    const upheld: UpheldObjection[] = upheldRows
      .filter((row) => eligibleIds.has(row.application_id))
      .map((row) => ({ objectionId: row.id, candidateId: row.application_id, reason: row.reason }));
    const allocation: Allocation | AllocationAfterObjections = upheld.length
      ? applyUpheldObjections(entries, round.options.allocation, upheld)
      : allocateSeats(entries, round.options.allocation);
    const removed = new Set(upheld.map((objection) => objection.candidateId));
    await writeRanking(client, round.id, allocation, scoreOf, removed);
    return { ranked: entries.length, selected: allocation.selected.length, removed: removed.size };
  });
}

async function writeAdjustedScores(
  client: PoolClient,
  options: RoundConfig,
  sheets: ScoreRow[],
  criteriaOf: (sheet: ScoreRow) => Record<string, number>,
  scoreOf: Map<string, CandidateScore>,
): Promise<void> {
  const ids: string[] = [];
  const keys: string[] = [];
  const values: (number | null)[] = [];
  for (const sheet of sheets) {
    const score = scoreOf.get(sheet.application_id);
    const raw = score?.raw.find((s) => s.reviewerId === sheet.reviewer_id)?.score;
    const adjusted = score?.adjusted.find((s) => s.reviewerId === sheet.reviewer_id)?.score;
    const criteria = criteriaOf(sheet);
    // A recused reviewer's sheet counts for nothing: no adjusted score.
    const scaled =
      raw === undefined || adjusted === undefined
        ? undefined
        : adjustedCriteria(options, criteria, raw, adjusted);
    for (const key of Object.keys(criteria)) {
      ids.push(sheet.assignment_id);
      keys.push(key);
      values.push(scaled?.[key] ?? null);
    }
  }
  await client.query(
    `UPDATE talent_score s SET adjusted = v.adjusted, updated_at = now()
     FROM unnest($1::uuid[], $2::text[], $3::numeric[]) AS v(assignment_id, criterion_key, adjusted)
     WHERE s.assignment_id = v.assignment_id AND s.criterion_key = v.criterion_key`,
    [ids, keys, values],
  );
}

async function writeRanking(
  client: PoolClient,
  roundId: string,
  allocation: Allocation | AllocationAfterObjections,
  scoreOf: Map<string, CandidateScore>,
  removed: Set<string>,
): Promise<void> {
  const selected = new Set(allocation.selected);
  const rows = allocation.explanations;
  await client.query('DELETE FROM talent_ranking_result WHERE round_id = $1', [roundId]);
  await client.query(
    `INSERT INTO talent_ranking_result (application_id, round_id, rank, category, seat_type, final_score, explanation)
     SELECT r.id, $1, r.rank, r.category::"TalentSeatCategory", r.seat::"TalentSeatType", r.score, r.explanation
     FROM unnest($2::uuid[], $3::int[], $4::text[], $5::text[], $6::numeric[], $7::jsonb[])
       AS r(id, rank, category, seat, score, explanation)`,
    [
      roundId,
      rows.map((e) => e.candidateId),
      rows.map((e) => e.rank),
      rows.map((e) => e.category),
      rows.map((e) => seatTypeOf(e.seat)),
      rows.map((e) => e.finalScore),
      // The review's own account (raw and adjusted scores, trimmed and recused reviewers) rides along.
      rows.map((e) =>
        JSON.stringify({
          ...e,
          allocation: { cutLines: allocation.cutLines, shortfall: allocation.shortfall },
          review: scoreOf.get(e.candidateId) ?? null,
        }),
      ),
    ],
  );
  await client.query(
    `UPDATE talent_application a SET status = r.status::"TalentApplicationStatus", revision = a.revision + 1
     FROM unnest($1::uuid[], $2::text[]) AS r(id, status) WHERE a.id = r.id`,
    [
      rows.map((e) => e.candidateId),
      rows.map((e) =>
        removed.has(e.candidateId) ? 'removed' : selected.has(e.candidateId) ? 'selected' : 'not_selected',
      ),
    ],
  );
}

/**
 * Publishes the list: one Talent row per selected application and one TalentTerm each, from the
 * publication date (Asia/Shanghai) for the round's term years at its monthly amount. A retry finds
 * the rows its first attempt wrote and returns the same talents.
 */
export async function publishRound(
  pool: Pool,
  { roundId, leadingDecision }: { roundId: string; leadingDecision?: ApprovalVotes | null | undefined },
  now: Date,
  idempotencyKey: string,
) {
  return inTransaction(pool, async (client) => {
    const round = await lockedRound(client, roundId, ['approval', 'published']);
    const list = { subject: 'list', roundId: round.id } as const;
    await recordLeadingDecision(client, list, leadingDecision, idempotencyKey);
    const startsOn = shanghaiDate(now);
    const endsOn = addYears(startsOn, round.options.allowance.termYears);
    await client.query(
      `INSERT INTO talent (id, candidate_id, round_id, application_id, title_status, published_at)
       SELECT gen_random_uuid(), a.candidate_id, a.round_id, a.id, 'active', $2
       FROM talent_application a WHERE a.round_id = $1 AND a.status = 'selected'
       ON CONFLICT (application_id) DO NOTHING`,
      [round.id, now],
    );
    await client.query(
      `INSERT INTO talent_term (id, talent_id, starts_on, ends_on, monthly_amount_yuan)
       SELECT gen_random_uuid(), t.id, $2::date, $3::date, $4 FROM talent t WHERE t.round_id = $1
       ON CONFLICT (talent_id) DO NOTHING`,
      [round.id, startsOn, endsOn, round.options.allowance.monthlyAmountYuan],
    );
    await client.query(
      `UPDATE talent_round SET status = 'published', revision = revision + 1 WHERE id = $1 AND status = 'approval'`,
      [round.id],
    );
    const { rows } = await client.query<{ talentId: string; personName: string }>(
      `SELECT t.id::text AS "talentId", c.name AS "personName"
       FROM talent t JOIN talent_candidate c ON c.id = t.candidate_id
       LEFT JOIN talent_ranking_result r ON r.application_id = t.application_id
       WHERE t.round_id = $1 ORDER BY r.rank NULLS LAST, t.id`,
      [round.id],
    );
    return { talents: rows };
  });
}

/**
 * Moves the round after an inbox decision; already there (a retried attempt) counts as done. Entering
 * the notice starts it: today in Asia/Shanghai and its last day over the calendar of this moment.
 */
export async function setRoundStatus(
  pool: Pool,
  params: {
    roundId: string;
    from: RoundStatus[];
    to: RoundStatus;
    leadingDecision?: ApprovalVotes | null | undefined;
  },
  now: Date,
  idempotencyKey: string,
): Promise<{ status: RoundStatus }> {
  return inTransaction(pool, async (client) => {
    const round = await lockedRound(client, params.roundId, [...params.from, params.to]);
    // After the leading group returned the list or did not approve it.
    const list = { subject: 'list', roundId: round.id } as const;
    await recordLeadingDecision(client, list, params.leadingDecision, idempotencyKey);
    const notice =
      params.to === 'notice'
        ? noticePeriod(
            shanghaiDate(now),
            round.options.notice.workingDays,
            calendarOf(await createCalendarRevisions(client).current()),
          )
        : undefined;
    await client.query(
      `UPDATE talent_round SET status = $2::"TalentRoundStatus", revision = revision + 1,
         notice_starts_at = COALESCE($4, notice_starts_at), notice_ends_on = COALESCE($5::date, notice_ends_on)
       WHERE id = $1 AND status::text = ANY($3::text[])`,
      [round.id, params.to, params.from, notice ? now : null, notice?.endsOn ?? null],
    );
    return { status: params.to };
  });
}
