// Ranking and quota allocation (排名与名额分配). Candidates are put in one merit order (final score,
// then the tie-breaks); the first elderly-services candidates in that order take the reserved seats,
// and the general seats go to the best of everyone else (elderly-services candidates beyond the
// reserved seats compete for them too). Every candidate gets an explanation: rank, category, seat,
// the cut-line scores, the rule that separated them from each neighbour and the one that decided
// their seat against the nearest candidate across the line.
import { instantMillis } from '../engine/iso-durations';
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

/**
 * The candidates with a final score as parallel columns, addressed by index. Sorting indices over
 * typed arrays is several times faster than sorting objects, and a round of 100,000 candidates must
 * rank and be explained within a second.
 */
type Columns = {
  entries: RankingEntry[];
  score: Float64Array;
  priority: Uint8Array;
  months: Float64Array;
  submitted: Float64Array;
};

function columnsOf(ranked: RankingEntry[]): Columns {
  const columns: Columns = {
    entries: ranked,
    score: new Float64Array(ranked.length),
    priority: new Uint8Array(ranked.length),
    months: new Float64Array(ranked.length),
    submitted: new Float64Array(ranked.length),
  };
  ranked.forEach((entry, i) => {
    const submitted = instantMillis(entry.submittedAt);
    if (submitted === undefined)
      throw new RangeError(`candidate ${entry.candidateId}: submittedAt is not an ISO instant`);
    columns.score[i] = entry.finalScore!;
    columns.priority[i] = entry.hasPriorityCredential ? 1 : 0;
    columns.months[i] = entry.serviceMonths;
    columns.submitted[i] = submitted;
  });
  return columns;
}

/** The first rule on which candidates a and b differ, in the order the rules apply; null for one candidate. */
function decidingRule(c: Columns, a: number, b: number): TieBreak | null {
  if (c.score[a] !== c.score[b]) return 'score';
  if (c.priority[a] !== c.priority[b]) return 'priorityCredentials';
  if (c.months[a] !== c.months[b]) return 'yearsInSocialWork';
  if (c.submitted[a] !== c.submitted[b]) return 'submittedAt';
  return a !== b ? 'candidateId' : null;
}

/** The merit order over indices: negative when a comes first. */
function meritComparator(c: Columns): (a: number, b: number) => number {
  const { score, priority, months, submitted, entries } = c;
  return (a, b) =>
    score[b]! - score[a]! ||
    priority[b]! - priority[a]! ||
    months[b]! - months[a]! ||
    submitted[a]! - submitted[b]! ||
    (entries[a]!.candidateId < entries[b]!.candidateId ? -1 : 1);
}

/**
 * For each place in the merit order, the place across the line its seat was decided on (-1: none):
 * a reserved seat holder faces the best elderly-services candidate without one, a general seat
 * holder the best candidate not selected; a candidate not selected faces the last general seat
 * holder or, for an elderly-services candidate, the last reserved one when that one ranks lower.
 */
function seatRivals(order: number[], c: Columns, seats: SeatType[]): Int32Array {
  let lastReserved = -1;
  let lastGeneral = -1;
  let firstOut = -1;
  let firstElderlyWithoutReserved = -1;
  seats.forEach((seat, place) => {
    if (seat === 'reserved') lastReserved = place;
    if (seat === 'general') lastGeneral = place;
    if (seat === 'notSelected' && firstOut < 0) firstOut = place;
    const elderly = c.entries[order[place]!]!.category === 'elderly';
    if (elderly && seat !== 'reserved' && firstElderlyWithoutReserved < 0)
      firstElderlyWithoutReserved = place;
  });
  const rivals = new Int32Array(seats.length);
  seats.forEach((seat, place) => {
    const elderly = c.entries[order[place]!]!.category === 'elderly';
    rivals[place] =
      seat === 'reserved'
        ? firstElderlyWithoutReserved
        : seat === 'general'
          ? firstOut
          : elderly
            ? Math.max(lastGeneral, lastReserved)
            : lastGeneral;
  });
  return rivals;
}

const score2 = (value: number | null) => (value === null ? '—' : value.toFixed(2));

const SEAT_TEXT: Record<SeatType, LocalizedMessage> = {
  reserved: { zh: '入选（养老服务领域预留名额）', en: 'selected for a reserved elderly-services seat' },
  general: { zh: '入选（普通名额）', en: 'selected for a general seat' },
  notSelected: { zh: '未入选', en: 'not selected' },
};

const UNRANKED_TEXT: LocalizedMessage = {
  zh: '无最终得分（评审专家人数不足），不参加排名',
  en: 'no final score (too few reviewers): not ranked',
};

/**
 * The explanation's sentence of a ranked candidate. It runs once per candidate of the round, so the
 * parts are joined once into a flat string (template literals build a chain of partial strings).
 */
function explain(
  entry: RankingEntry,
  place: Pick<
    CandidateExplanation,
    'rank' | 'categoryRank' | 'seat' | 'decidedAbove' | 'decidedBelow' | 'seatDecision'
  >,
  lines: LocalizedMessage,
): LocalizedMessage {
  const category = CATEGORY_LABELS[entry.category];
  const seat = SEAT_TEXT[place.seat];
  const score = score2(entry.finalScore);
  const zh: (string | number)[] = [
    seat.zh,
    '；总排名第 ',
    place.rank!,
    ' 名，',
    category.zh,
    '第 ',
    place.categoryRank!,
    ' 名，得分 ',
    score,
    '；',
    lines.zh,
  ];
  const en: (string | number)[] = [
    seat.en,
    '; rank ',
    place.rank!,
    ', ',
    category.en,
    ' rank ',
    place.categoryRank!,
    ', score ',
    score,
    '; ',
    lines.en,
  ];
  if (place.decidedAbove !== null && place.decidedAbove !== 'score') {
    const rule = TIE_BREAK_LABELS[place.decidedAbove];
    zh.push('；与前一名同分，按', rule.zh, '排后');
    en.push('; tied with the one above, placed after by ', rule.en);
  }
  if (place.decidedBelow !== null && place.decidedBelow !== 'score') {
    const rule = TIE_BREAK_LABELS[place.decidedBelow];
    zh.push('；与后一名同分，按', rule.zh, '排前');
    en.push('; tied with the one below, placed before by ', rule.en);
  }
  const decision = place.seatDecision;
  if (decision !== null && decision.rule !== 'score') {
    const rule = TIE_BREAK_LABELS[decision.rule];
    zh.push('；与', decision.against, '同分，按', rule.zh, decision.won ? '入选' : '未入选');
    en.push(
      '; tied with ',
      decision.against,
      ' for the seat, ',
      decision.won ? 'won' : 'lost',
      ' on ',
      rule.en,
    );
  }
  return { zh: zh.join(''), en: en.join('') };
}

const CATEGORY_LABELS: Record<Category, LocalizedMessage> = {
  elderly: { zh: '养老服务领域', en: 'elderly-services' },
  general: { zh: '普通类别', en: 'general' },
};

/** Ranks the candidates and allocates the quota; the result does not depend on the input order. */
export function allocateSeats(entries: RankingEntry[], options: AllocationOptions): Allocation {
  const seen = new Set<string>();
  const rankedEntries: RankingEntry[] = [];
  const unranked: RankingEntry[] = [];
  for (const entry of entries) {
    if (seen.has(entry.candidateId)) throw new RangeError(`candidate ${entry.candidateId} appears twice`);
    seen.add(entry.candidateId);
    if (entry.finalScore === null) unranked.push(entry);
    else if (Number.isFinite(entry.finalScore)) rankedEntries.push(entry);
    else throw new RangeError(`candidate ${entry.candidateId}: finalScore is not a number`);
  }
  const columns = columnsOf(rankedEntries);
  const order = Array.from({ length: rankedEntries.length }, (_, i) => i).sort(meritComparator(columns));
  const ranked = order.map((i) => rankedEntries[i]!);

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
  const lines = {
    zh: `预留名额线 ${score2(reservedCut)}，普通名额线 ${score2(generalCut)}`,
    en: `reserved cut line ${score2(reservedCut)}, general cut line ${score2(generalCut)}`,
  };
  const rivals = seatRivals(order, columns, seats);
  const categoryRanks: Record<Category, number> = { elderly: 0, general: 0 };
  const explanations: CandidateExplanation[] = [];
  const selected: string[] = [];
  let decidedAbove: TieBreak | null = null;
  ranked.forEach((entry, place) => {
    const decidedBelow =
      place + 1 < order.length ? decidingRule(columns, order[place]!, order[place + 1]!) : null;
    const rival = rivals[place]!;
    const rule = rival >= 0 ? decidingRule(columns, order[place]!, order[rival]!) : null;
    categoryRanks[entry.category] += 1;
    const seat = seats[place]!;
    if (seat !== 'notSelected') selected.push(entry.candidateId);
    const seatDecision =
      rule === null ? null : { against: ranked[rival]!.candidateId, rule, won: seat !== 'notSelected' };
    const rank = place + 1;
    const categoryRank = categoryRanks[entry.category];
    // One object per candidate, written once: the round's explanations are its largest allocation.
    explanations.push({
      candidateId: entry.candidateId,
      category: entry.category,
      finalScore: entry.finalScore,
      rank,
      categoryRank,
      seat,
      cutLines,
      decidedAbove,
      decidedBelow,
      seatDecision,
      message: explain(entry, { rank, categoryRank, seat, decidedAbove, decidedBelow, seatDecision }, lines),
    });
    decidedAbove = decidedBelow;
  });
  for (const entry of unranked.sort((a, b) => (a.candidateId < b.candidateId ? -1 : 1)))
    explanations.push({
      candidateId: entry.candidateId,
      category: entry.category,
      finalScore: null,
      rank: null,
      categoryRank: null,
      seat: 'notSelected',
      cutLines,
      decidedAbove: null,
      decidedBelow: null,
      seatDecision: null,
      message: { ...UNRANKED_TEXT },
    });

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
