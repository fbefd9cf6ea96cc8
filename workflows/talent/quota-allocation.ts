// Ranking and quota allocation (排名与名额分配). Candidates are put in one merit order (final score,
// then the tie-breaks); the first elderly-services candidates in that order take the reserved seats,
// and the general seats go to the best of everyone else (elderly-services candidates beyond the
// reserved seats compete for them too). Every candidate gets an explanation: rank, category, seat,
// the cut-line scores and the tie-break that separated them from their neighbours.
import { parseInstant } from '../engine/iso-durations';
import type { LocalizedMessage } from '../engine/localized-message';
import type { Category, EligibilityResult } from './eligibility';
import type { CandidateScore } from './review-scoring';
import type { TalentApplication } from './talent-application';
import type { AllocationOptions } from './round-config';

export type RankingEntry = {
  candidateId: string;
  category: Category;
  /** Final review score; null (too few reviewers) keeps the candidate out of the ranking. */
  finalScore: number | null;
  /** Holds at least one priority credential (see eligibility.priorityCredentialsOf). */
  hasPriorityCredential: boolean;
  serviceMonths: number;
  /** ISO instant the application was submitted. */
  submittedAt: string;
};

/** The ranking entry of a screened, reviewed application (screening supplies category, months and credentials). */
export function rankingEntryFor(
  application: Pick<TalentApplication, 'candidateId' | 'submittedAt'>,
  screening: Pick<EligibilityResult, 'category' | 'serviceMonths' | 'priorityCredentials'>,
  score: Pick<CandidateScore, 'finalScore'> | undefined,
): RankingEntry {
  return {
    candidateId: application.candidateId,
    category: screening.category,
    finalScore: score?.finalScore ?? null,
    hasPriorityCredential: screening.priorityCredentials.length > 0,
    serviceMonths: screening.serviceMonths,
    submittedAt: application.submittedAt,
  };
}

/** What separated two neighbours in the merit order, in the order the rules are applied. */
export const TIE_BREAKS = [
  'score',
  'priorityCredentials',
  'yearsInSocialWork',
  'submittedAt',
  'candidateId',
] as const;
export type TieBreak = (typeof TIE_BREAKS)[number];

export const TIE_BREAK_LABELS: Record<TieBreak, LocalizedMessage> = {
  score: { zh: '得分', en: 'score' },
  priorityCredentials: { zh: '优先条件（证书或养老管理培训）', en: 'priority credentials' },
  yearsInSocialWork: { zh: '从事社会工作年限', en: 'years in social work' },
  submittedAt: { zh: '申报时间先后', en: 'earlier application' },
  candidateId: { zh: '候选人编号顺序', en: 'candidate id order' },
};

export type SeatType = 'reserved' | 'general' | 'notSelected';

export type CandidateExplanation = {
  candidateId: string;
  category: Category;
  finalScore: number | null;
  /** 1-based place in the merit order of all ranked candidates; null when not ranked. */
  rank: number | null;
  /** Place among the candidates of the same category. */
  categoryRank: number | null;
  seat: SeatType;
  cutLines: { reserved: number | null; general: number | null };
  /** The rule that put this candidate after the one above / before the one below. */
  decidedAbove: TieBreak | null;
  decidedBelow: TieBreak | null;
  /**
   * What decided the seat: the rule between this candidate and the nearest one across the line they
   * competed on (a reserved seat holder against the best elderly-services candidate without one, a
   * general seat holder against the best candidate not selected, a candidate not selected against
   * the last general seat holder, or the last reserved one when no general seat was filled).
   */
  seatDecision: { against: string; rule: TieBreak; won: boolean } | null;
  message: LocalizedMessage;
};

export type Allocation = {
  quota: number;
  reservedSeats: number;
  reservedFilled: number;
  generalSeats: number;
  generalFilled: number;
  emptySeats: number;
  /** Lowest score holding a reserved / general seat (null when no such seat is filled). */
  cutLines: { reserved: number | null; general: number | null };
  /** Recorded when fewer ranked elderly-services candidates exist than reserved seats. */
  shortfall: {
    missing: number;
    policy: AllocationOptions['elderlyShortfall'];
    message: LocalizedMessage;
  } | null;
  /** Selected candidate ids in merit order. */
  selected: string[];
  /** One per candidate: ranked ones in merit order, then the unranked by id. */
  explanations: CandidateExplanation[];
};

/** Seats reserved for the elderly-services field: quota × share, rounded as the round says. */
export function reservedSeatCount(options: AllocationOptions): number {
  const exact = options.quota * options.elderlyReservedShare;
  // 1e-9 absorbs binary fractions such as 6 × (1/3) = 2.0000000000000004 before rounding up.
  const seats =
    options.reservedSeatRounding === 'up'
      ? Math.ceil(exact - 1e-9)
      : options.reservedSeatRounding === 'down'
        ? Math.floor(exact + 1e-9)
        : Math.round(exact);
  return Math.min(options.quota, Math.max(0, seats));
}

type Ranked = RankingEntry & { finalScore: number; priority: number; submittedMillis: number };

/** The first rule on which two candidates differ, in the order the rules apply; null for the same candidate. */
function decidingRule(a: Ranked, b: Ranked): TieBreak | null {
  if (a.finalScore !== b.finalScore) return 'score';
  if (a.priority !== b.priority) return 'priorityCredentials';
  if (a.serviceMonths !== b.serviceMonths) return 'yearsInSocialWork';
  if (a.submittedMillis !== b.submittedMillis) return 'submittedAt';
  return a.candidateId !== b.candidateId ? 'candidateId' : null;
}

/** Negative when a comes first in the merit order. */
function compareMerit(a: Ranked, b: Ranked): number {
  return (
    b.finalScore - a.finalScore ||
    b.priority - a.priority ||
    b.serviceMonths - a.serviceMonths ||
    a.submittedMillis - b.submittedMillis ||
    (a.candidateId < b.candidateId ? -1 : a.candidateId > b.candidateId ? 1 : 0)
  );
}

/**
 * For each ranked candidate (merit order), the one across the line their seat was decided on: a
 * reserved seat holder faces the best elderly-services candidate without one, a general seat holder
 * the best candidate not selected; a candidate not selected faces the last general seat holder or,
 * for an elderly-services candidate, the last reserved one when that one ranks lower (closer).
 */
function seatRivals(ranked: Ranked[], seats: SeatType[]): (Ranked | undefined)[] {
  let lastReserved = -1;
  let lastGeneral = -1;
  let firstOut = -1;
  let firstElderlyWithoutReserved = -1;
  ranked.forEach((entry, index) => {
    const seat = seats[index];
    if (seat === 'reserved') lastReserved = index;
    if (seat === 'general') lastGeneral = index;
    if (seat === 'notSelected' && firstOut < 0) firstOut = index;
    if (entry.category === 'elderly' && seat !== 'reserved' && firstElderlyWithoutReserved < 0)
      firstElderlyWithoutReserved = index;
  });
  return ranked.map((entry, index) => {
    const seat = seats[index];
    if (seat === 'reserved') return ranked[firstElderlyWithoutReserved];
    if (seat === 'general') return ranked[firstOut];
    return ranked[entry.category === 'elderly' ? Math.max(lastGeneral, lastReserved) : lastGeneral];
  });
}

const score2 = (value: number | null) => (value === null ? '—' : value.toFixed(2));

function explain(
  entry: Omit<CandidateExplanation, 'message'>,
  categoryLabel: LocalizedMessage,
): LocalizedMessage {
  if (entry.rank === null)
    return {
      zh: '无最终得分（评审专家人数不足），不参加排名',
      en: 'no final score (too few reviewers): not ranked',
    };
  const above =
    entry.decidedAbove && entry.decidedAbove !== 'score' ? TIE_BREAK_LABELS[entry.decidedAbove] : null;
  const below =
    entry.decidedBelow && entry.decidedBelow !== 'score' ? TIE_BREAK_LABELS[entry.decidedBelow] : null;
  const decision = entry.seatDecision;
  const line = decision && decision.rule !== 'score' ? TIE_BREAK_LABELS[decision.rule] : null;
  const ties = {
    zh: [
      above ? `与前一名同分，按${above.zh}排后` : '',
      below ? `与后一名同分，按${below.zh}排前` : '',
      line && decision ? `与${decision.against}同分，按${line.zh}${decision.won ? '入选' : '未入选'}` : '',
    ]
      .filter(Boolean)
      .join('；'),
    en: [
      above ? `tied with the one above, placed after by ${above.en}` : '',
      below ? `tied with the one below, placed before by ${below.en}` : '',
      line && decision
        ? `tied with ${decision.against} for the seat, ${decision.won ? 'won' : 'lost'} on ${line.en}`
        : '',
    ]
      .filter(Boolean)
      .join('; '),
  };
  const head = {
    zh: `总排名第 ${entry.rank} 名，${categoryLabel.zh}第 ${entry.categoryRank} 名，得分 ${score2(entry.finalScore)}`,
    en: `rank ${entry.rank}, ${categoryLabel.en} rank ${entry.categoryRank}, score ${score2(entry.finalScore)}`,
  };
  const lines = {
    zh: `预留名额线 ${score2(entry.cutLines.reserved)}，普通名额线 ${score2(entry.cutLines.general)}`,
    en: `reserved cut line ${score2(entry.cutLines.reserved)}, general cut line ${score2(entry.cutLines.general)}`,
  };
  const seat =
    entry.seat === 'reserved'
      ? { zh: '入选（养老服务领域预留名额）', en: 'selected for a reserved elderly-services seat' }
      : entry.seat === 'general'
        ? { zh: '入选（普通名额）', en: 'selected for a general seat' }
        : { zh: '未入选', en: 'not selected' };
  return {
    zh: [seat.zh, head.zh, lines.zh, ties.zh].filter(Boolean).join('；'),
    en: [seat.en, head.en, lines.en, ties.en].filter(Boolean).join('; '),
  };
}

const CATEGORY_LABELS: Record<Category, LocalizedMessage> = {
  elderly: { zh: '养老服务领域', en: 'elderly-services' },
  general: { zh: '普通类别', en: 'general' },
};

/** Ranks the candidates and allocates the quota; the result does not depend on the input order. */
export function allocateSeats(entries: RankingEntry[], options: AllocationOptions): Allocation {
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.candidateId)) throw new RangeError(`candidate ${entry.candidateId} appears twice`);
    seen.add(entry.candidateId);
  }
  const ranked: Ranked[] = [];
  const unranked: RankingEntry[] = [];
  for (const entry of entries) {
    if (entry.finalScore !== null && !Number.isFinite(entry.finalScore))
      throw new RangeError(`candidate ${entry.candidateId}: finalScore is not a number`);
    if (entry.finalScore === null) {
      unranked.push(entry);
      continue;
    }
    const submitted = parseInstant(entry.submittedAt);
    if (!submitted) throw new RangeError(`candidate ${entry.candidateId}: submittedAt is not an ISO instant`);
    ranked.push({
      ...entry,
      finalScore: entry.finalScore,
      priority: entry.hasPriorityCredential ? 1 : 0,
      submittedMillis: submitted.toMillis(),
    });
  }
  ranked.sort(compareMerit);

  const reservedSeats = reservedSeatCount(options);
  const elderlyCount = ranked.reduce((n, entry) => n + (entry.category === 'elderly' ? 1 : 0), 0);
  const missing = Math.max(0, reservedSeats - elderlyCount);
  const released = options.elderlyShortfall === 'releaseToGeneral' ? missing : 0;
  const generalSeats = options.quota - reservedSeats + released;

  const seats: SeatType[] = [];
  let reservedFilled = 0;
  let generalFilled = 0;
  let reservedCut: number | null = null;
  let generalCut: number | null = null;
  for (const entry of ranked) {
    if (entry.category === 'elderly' && reservedFilled < reservedSeats) {
      reservedFilled += 1;
      reservedCut = entry.finalScore;
      seats.push('reserved');
    } else if (generalFilled < generalSeats) {
      generalFilled += 1;
      generalCut = entry.finalScore;
      seats.push('general');
    } else seats.push('notSelected');
  }

  const cutLines = { reserved: reservedCut, general: generalCut };
  const categoryRanks: Record<Category, number> = { elderly: 0, general: 0 };
  const explanations: CandidateExplanation[] = [];
  const selected: string[] = [];
  const rivals = seatRivals(ranked, seats);
  let decidedAbove: TieBreak | null = null;
  ranked.forEach((entry, index) => {
    const next = ranked[index + 1];
    const decidedBelow = next ? decidingRule(entry, next) : null;
    const rival = rivals[index];
    const rule = rival ? decidingRule(entry, rival) : null;
    categoryRanks[entry.category] += 1;
    const seat = seats[index] ?? 'notSelected';
    if (seat !== 'notSelected') selected.push(entry.candidateId);
    const base = {
      candidateId: entry.candidateId,
      category: entry.category,
      finalScore: entry.finalScore,
      rank: index + 1,
      categoryRank: categoryRanks[entry.category],
      seat,
      cutLines,
      decidedAbove,
      decidedBelow,
      seatDecision:
        rival && rule ? { against: rival.candidateId, rule, won: seats[index] !== 'notSelected' } : null,
    };
    explanations.push({ ...base, message: explain(base, CATEGORY_LABELS[entry.category]) });
    decidedAbove = decidedBelow;
  });
  for (const entry of unranked.sort((a, b) => (a.candidateId < b.candidateId ? -1 : 1))) {
    const base = {
      candidateId: entry.candidateId,
      category: entry.category,
      finalScore: null,
      rank: null,
      categoryRank: null,
      seat: 'notSelected' as const,
      cutLines,
      decidedAbove: null,
      decidedBelow: null,
      seatDecision: null,
    };
    explanations.push({ ...base, message: explain(base, CATEGORY_LABELS[entry.category]) });
  }

  const shortfall =
    missing === 0
      ? null
      : {
          missing,
          policy: options.elderlyShortfall,
          message:
            options.elderlyShortfall === 'releaseToGeneral'
              ? {
                  zh: `符合条件的养老服务领域候选人仅 ${elderlyCount} 人，${missing} 个预留名额转为普通名额`,
                  en: `only ${elderlyCount} elderly-services candidates: ${missing} reserved seats released to the general list`,
                }
              : {
                  zh: `符合条件的养老服务领域候选人仅 ${elderlyCount} 人，${missing} 个预留名额空缺`,
                  en: `only ${elderlyCount} elderly-services candidates: ${missing} reserved seats left empty`,
                },
        };
  return {
    quota: options.quota,
    reservedSeats,
    reservedFilled,
    generalSeats,
    generalFilled,
    emptySeats: options.quota - reservedFilled - generalFilled,
    cutLines,
    shortfall,
    selected,
    explanations,
  };
}
