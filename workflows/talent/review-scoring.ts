// Committee review (专家评审): the weighted rubric, conflicts of interest (declared, or the same
// employer), balanced assignment that never gives a reviewer a conflicted candidate, the blind-phase
// visibility rule, and aggregation with optional per-reviewer z-score normalisation and a trimmed
// mean. Raw and adjusted scores are both kept so the office can show how a final score came about.
import type { LocalizedMessage } from '../engine/localized-message';
import type { ReviewOptions, RubricCriterion } from './round-config';
import type { Employer } from './talent-application';

export type Reviewer = { reviewerId: string; name: string; employer?: Employer };
export type ReviewCandidate = { candidateId: string; name: string; employer: Employer };
export type ConflictDeclaration = { reviewerId: string; candidateId: string; reason: string };
export type Conflict = {
  reviewerId: string;
  candidateId: string;
  source: 'declared' | 'sameEmployer';
  message: LocalizedMessage;
};

const pairKey = (reviewerId: string, candidateId: string) => `${reviewerId}\u0000${candidateId}`;
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** 统一社会信用代码 (GB 32100-2015): 18 digits and capitals without I, O, Z, S, V. */
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/**
 * What an employer id is: a credit code, or the platform's unit id. Ids are compared only within
 * one kind: a reviewer's unit id says nothing about a candidate's credit code, so such a pair is
 * compared by name.
 */
const idKindOf = (id: string) => (CREDIT_CODE.test(id.trim().toUpperCase()) ? 'creditCode' : 'unit');

/** An employer's name as compared: width folded (full-width brackets and letters), every bracket one kind, no spaces, lower case. */
export function employerNameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[[{〔【〖［｛]/g, '(')
    .replace(/[\]}〕】〗］｝]/g, ')')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/** Employers match by id when both carry one of the same kind, else by name (employerNameKey). */
export function sameEmployer(a: Employer, b: Employer): boolean {
  if (a.id !== undefined && b.id !== undefined && idKindOf(a.id) === idKindOf(b.id))
    return a.id.trim().toUpperCase() === b.id.trim().toUpperCase();
  return employerNameKey(a.name) === employerNameKey(b.name);
}

/** Declared conflicts plus, when the round says so, every reviewer–candidate pair sharing an employer. */
export function findConflicts(
  reviewers: Reviewer[],
  candidates: ReviewCandidate[],
  declarations: ConflictDeclaration[],
  options: Pick<ReviewOptions, 'sameEmployerIsConflict'>,
): Conflict[] {
  const found = new Map<string, Conflict>();
  for (const declaration of declarations)
    found.set(pairKey(declaration.reviewerId, declaration.candidateId), {
      reviewerId: declaration.reviewerId,
      candidateId: declaration.candidateId,
      source: 'declared',
      message: {
        zh: `评审专家申报回避：${declaration.reason}`,
        en: `declared by the reviewer: ${declaration.reason}`,
      },
    });
  if (options.sameEmployerIsConflict)
    for (const reviewer of reviewers) {
      const employer = reviewer.employer;
      if (!employer) continue;
      for (const candidate of candidates) {
        const key = pairKey(reviewer.reviewerId, candidate.candidateId);
        if (found.has(key) || !sameEmployer(employer, candidate.employer)) continue;
        found.set(key, {
          reviewerId: reviewer.reviewerId,
          candidateId: candidate.candidateId,
          source: 'sameEmployer',
          message: {
            zh: `评审专家与候选人同属"${candidate.employer.name}"，自动回避`,
            en: `reviewer and candidate share the employer "${candidate.employer.name}": recused automatically`,
          },
        });
      }
    }
  return [...found.values()].sort(
    (a, b) => byString(a.reviewerId, b.reviewerId) || byString(a.candidateId, b.candidateId),
  );
}

export type ReviewAssignment = { candidateId: string; reviewerIds: string[] };
export type AssignmentShortfall = { candidateId: string; assigned: number; required: number };

/**
 * Gives each candidate `minReviewersPerCandidate` reviewers without a conflict, always the ones with
 * the fewest assignments so far (ties by reviewer id), candidates taken in id order, so the result
 * is balanced and the same for any input order. Candidates short of reviewers are reported.
 */
export function assignReviewers(
  candidates: ReviewCandidate[],
  reviewers: Reviewer[],
  conflicts: Conflict[],
  options: Pick<ReviewOptions, 'minReviewersPerCandidate'>,
): { assignments: ReviewAssignment[]; shortfalls: AssignmentShortfall[] } {
  const blocked = new Set(conflicts.map((c) => pairKey(c.reviewerId, c.candidateId)));
  const load = new Map(reviewers.map((r) => [r.reviewerId, 0]));
  const reviewerIds = [...load.keys()].sort(byString);
  const assignments: ReviewAssignment[] = [];
  const shortfalls: AssignmentShortfall[] = [];
  const required = options.minReviewersPerCandidate;
  for (const candidate of [...candidates].sort((a, b) => byString(a.candidateId, b.candidateId))) {
    const chosen = reviewerIds
      .filter((id) => !blocked.has(pairKey(id, candidate.candidateId)))
      .sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0) || byString(a, b))
      .slice(0, required)
      .sort(byString);
    for (const id of chosen) load.set(id, (load.get(id) ?? 0) + 1);
    assignments.push({ candidateId: candidate.candidateId, reviewerIds: chosen });
    if (chosen.length < required)
      shortfalls.push({ candidateId: candidate.candidateId, assigned: chosen.length, required });
  }
  return { assignments, shortfalls };
}

export type ScoreSheet = { reviewerId: string; candidateId: string; criteria: Record<string, number> };
export type SheetProblem = {
  code: 'CONFLICT' | 'NOT_ASSIGNED' | 'CRITERION_MISSING' | 'CRITERION_UNKNOWN' | 'OUT_OF_RANGE';
  criterion?: string;
  message: LocalizedMessage;
};

/** Σ(weight × score / maxScore) / Σ weight, on a 0–100 scale. */
export function weightedScore(rubric: RubricCriterion[], criteria: Record<string, number>): number {
  let weighted = 0;
  let weights = 0;
  for (const criterion of rubric) {
    weighted += (criterion.weight * (criteria[criterion.key] ?? 0)) / criterion.maxScore;
    weights += criterion.weight;
  }
  return (weighted / weights) * 100;
}

/** Why a score sheet may not be accepted (empty when it may): conflicts first, then assignment, then the rubric. */
export function checkScoreSheet(
  sheet: ScoreSheet,
  context: { rubric: RubricCriterion[]; assignments: ReviewAssignment[]; conflicts: Conflict[] },
): SheetProblem[] {
  const conflict = context.conflicts.find(
    (c) => c.reviewerId === sheet.reviewerId && c.candidateId === sheet.candidateId,
  );
  if (conflict)
    return [
      {
        code: 'CONFLICT',
        message: {
          zh: `须回避，不能评分：${conflict.message.zh}`,
          en: `conflict of interest, cannot score: ${conflict.message.en}`,
        },
      },
    ];
  const assignment = context.assignments.find((a) => a.candidateId === sheet.candidateId);
  if (!assignment?.reviewerIds.includes(sheet.reviewerId))
    return [
      {
        code: 'NOT_ASSIGNED',
        message: { zh: '未分配该候选人', en: 'this candidate is not assigned to the reviewer' },
      },
    ];
  const problems: SheetProblem[] = [];
  for (const criterion of context.rubric) {
    const value = sheet.criteria[criterion.key];
    if (value === undefined)
      problems.push({
        code: 'CRITERION_MISSING',
        criterion: criterion.key,
        message: { zh: `缺少"${criterion.label.zh}"的评分`, en: `no score for "${criterion.label.en}"` },
      });
    else if (!Number.isFinite(value) || value < 0 || value > criterion.maxScore)
      problems.push({
        code: 'OUT_OF_RANGE',
        criterion: criterion.key,
        message: {
          zh: `"${criterion.label.zh}"须在 0–${criterion.maxScore} 之间`,
          en: `"${criterion.label.en}" must be between 0 and ${criterion.maxScore}`,
        },
      });
  }
  for (const key of Object.keys(sheet.criteria))
    if (!context.rubric.some((criterion) => criterion.key === key))
      problems.push({
        code: 'CRITERION_UNKNOWN',
        criterion: key,
        message: { zh: `评分细则中没有"${key}"`, en: `the rubric has no criterion "${key}"` },
      });
  return problems;
}

export type SubmittedScore = { reviewerId: string; candidateId: string; score: number };

export type ReviewerView<T extends ReviewCandidate> = {
  dossier: (Omit<T, 'name' | 'employer'> & { name: string | null; employer: Employer | null }) & {
    masked: boolean;
  };
  ownScore: number | null;
  otherScores: SubmittedScore[] | 'hidden';
};

/**
 * What a reviewer sees of one assigned candidate. In the blind phase, until every reviewer assigned
 * to the candidate has submitted, the name and employer are masked and other reviewers' scores are
 * hidden; once all have submitted (scores are locked) both are shown.
 */
export function reviewerView<T extends ReviewCandidate>(
  candidate: T,
  reviewerId: string,
  assignment: ReviewAssignment,
  submitted: SubmittedScore[],
  options: Pick<ReviewOptions, 'blindPhase'>,
): ReviewerView<T> {
  const mine = submitted.filter((s) => s.candidateId === candidate.candidateId);
  const allIn = assignment.reviewerIds.every((id) => mine.some((s) => s.reviewerId === id));
  const blind = options.blindPhase && !allIn;
  return {
    dossier: blind
      ? { ...candidate, name: null, employer: null, masked: true }
      : { ...candidate, masked: false },
    ownScore: mine.find((s) => s.reviewerId === reviewerId)?.score ?? null,
    otherScores: blind ? 'hidden' : mine.filter((s) => s.reviewerId !== reviewerId),
  };
}

export type CandidateScore = {
  candidateId: string;
  reviewerCount: number;
  meetsMinimum: boolean;
  /** Each reviewer's weighted score as submitted, by reviewer id. */
  raw: SubmittedScore[];
  /** After per-reviewer normalisation (equal to raw when normalisation is off). */
  adjusted: SubmittedScore[];
  /** Reviewers whose adjusted score the trimmed mean dropped. */
  trimmedReviewerIds: string[];
  /** Reviewers whose score was set aside because they have a conflict with the candidate. */
  recusedReviewerIds: string[];
  rawMean: number;
  /** Mean of the kept adjusted scores, to two decimals; null below the minimum number of reviewers. */
  finalScore: number | null;
  message: LocalizedMessage;
};

const round2 = (value: number) => Math.round(value * 100) / 100;

type Moments = { mean: number; sd: number; count: number };

function momentsOf(values: number[]): Moments {
  const count = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / count;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / count;
  return { mean, sd: Math.sqrt(variance), count };
}

/**
 * z-score per reviewer, rescaled to the mean and spread of all raw scores of the round, so a lenient
 * and a severe reviewer weigh the same. A reviewer whose scores do not vary (or who scored a single
 * candidate) says nothing about order on their own scale: z is taken as 0, so each of their scores
 * becomes the round mean. Adjusted scores may fall outside 0–100; they are compared, not graded.
 */
export function normaliseScores(scores: SubmittedScore[]): SubmittedScore[] {
  const byReviewer = new Map<string, number[]>();
  for (const s of scores) {
    const list = byReviewer.get(s.reviewerId);
    if (list) list.push(s.score);
    else byReviewer.set(s.reviewerId, [s.score]);
  }
  const overall = momentsOf(scores.map((s) => s.score));
  const perReviewer = new Map([...byReviewer].map(([id, values]) => [id, momentsOf(values)]));
  return scores.map((s) => {
    const own = perReviewer.get(s.reviewerId);
    const z = own && own.sd > 0 ? (s.score - own.mean) / own.sd : 0;
    return { ...s, score: overall.mean + z * overall.sd };
  });
}

/**
 * Aggregates submitted weighted scores into one final score per candidate; any input order gives
 * the same result. A score whose reviewer has a conflict with the candidate (declared after scoring,
 * say) is set aside before anything is computed, and reported as recused.
 */
export function aggregateScores(
  submitted: SubmittedScore[],
  options: Pick<ReviewOptions, 'minReviewersPerCandidate' | 'normalisation' | 'trimEachSide'>,
  conflicts: Pick<Conflict, 'reviewerId' | 'candidateId'>[] = [],
): CandidateScore[] {
  const blocked = new Set(conflicts.map((c) => pairKey(c.reviewerId, c.candidateId)));
  // Sums run in one fixed order so floating-point results do not depend on the input order.
  const ordered = [...submitted].sort(
    (a, b) => byString(a.candidateId, b.candidateId) || byString(a.reviewerId, b.reviewerId),
  );
  ordered.forEach((s, index) => {
    if (!Number.isFinite(s.score))
      throw new RangeError(`score of ${s.reviewerId} for ${s.candidateId} is not a number`);
    const previous = ordered[index - 1];
    if (previous && previous.candidateId === s.candidateId && previous.reviewerId === s.reviewerId)
      throw new RangeError(`${s.reviewerId} scored ${s.candidateId} twice`);
  });
  const isRecused = (s: SubmittedScore) =>
    blocked.size > 0 && blocked.has(pairKey(s.reviewerId, s.candidateId));
  const counted = ordered.filter((s) => !isRecused(s));
  // adjusted[i] is counted[i] after normalisation; both keep the candidate order of `ordered`, so
  // each candidate's adjusted scores are the next run of `adjusted`.
  const adjusted = options.normalisation === 'zscore' ? normaliseScores(counted) : counted;
  const results: CandidateScore[] = [];
  let nextAdjusted = 0;
  let start = 0;
  while (start < ordered.length) {
    const candidateId = ordered[start]!.candidateId;
    let end = start;
    while (end < ordered.length && ordered[end]!.candidateId === candidateId) end += 1;
    const sheets = ordered.slice(start, end);
    const raw = sheets.filter((s) => !isRecused(s));
    const recused = sheets.filter(isRecused);
    const own = adjusted.slice(nextAdjusted, nextAdjusted + raw.length);
    nextAdjusted += raw.length;
    results.push(
      scoreCandidate(
        candidateId,
        raw,
        own,
        recused.map((s) => s.reviewerId),
        options,
      ),
    );
    start = end;
  }
  return results;
}

function scoreCandidate(
  candidateId: string,
  raw: SubmittedScore[],
  adjusted: SubmittedScore[],
  recusedReviewerIds: string[],
  options: Pick<ReviewOptions, 'minReviewersPerCandidate' | 'normalisation' | 'trimEachSide'>,
): CandidateScore {
  const reviewerCount = raw.length;
  const rawMean = reviewerCount ? round2(raw.reduce((sum, s) => sum + s.score, 0) / reviewerCount) : 0;
  const meetsMinimum = reviewerCount >= options.minReviewersPerCandidate;
  // Trimming only applies when at least three scores remain; otherwise every score counts.
  const trim = reviewerCount - 2 * options.trimEachSide >= 3 ? options.trimEachSide : 0;
  const sorted = [...adjusted].sort((a, b) => a.score - b.score || byString(a.reviewerId, b.reviewerId));
  const kept = sorted.slice(trim, sorted.length - trim);
  const trimmedReviewerIds = [...sorted.slice(0, trim), ...sorted.slice(sorted.length - trim)]
    .map((s) => s.reviewerId)
    .sort(byString);
  const keptMean = kept.length ? round2(kept.reduce((sum, s) => sum + s.score, 0) / kept.length) : 0;
  const method = [
    options.normalisation === 'zscore' ? { zh: '按专家标准化', en: 'normalised per reviewer' } : null,
    trim > 0 ? { zh: `去掉最高、最低各 ${trim} 个`, en: `${trim} highest and lowest dropped` } : null,
  ].filter((m): m is LocalizedMessage => m !== null);
  const how = {
    zh: method.length ? `（${method.map((m) => m.zh).join('，')}）` : '',
    en: method.length ? ` (${method.map((m) => m.en).join(', ')})` : '',
  };
  return {
    candidateId,
    reviewerCount,
    meetsMinimum,
    raw,
    adjusted,
    trimmedReviewerIds,
    recusedReviewerIds,
    rawMean,
    finalScore: meetsMinimum ? keptMean : null,
    message: meetsMinimum
      ? {
          zh: `${reviewerCount} 位专家评分，原始平均 ${rawMean.toFixed(2)}，最终得分 ${keptMean.toFixed(2)}${how.zh}`,
          en: `${reviewerCount} reviewers, raw mean ${rawMean.toFixed(2)}, final score ${keptMean.toFixed(2)}${how.en}`,
        }
      : {
          zh: `仅 ${reviewerCount} 位专家评分，少于要求的 ${options.minReviewersPerCandidate} 位，暂无最终得分`,
          en: `only ${reviewerCount} of the required ${options.minReviewersPerCandidate} reviewers scored: no final score`,
        },
  };
}
