// Objections during the public notice (公示异议). An upheld objection removes the candidate; the list
// is then what the allocation rules give without them, so the freed seat goes to the next in line of
// the right category: a reserved seat to the next elderly-services candidate (whose general seat, if
// they held one, passes to the next in the general list), a general seat to the next in the general
// list. Each explanation records the seat before, the seat after and the objections that moved it.
import type { LocalizedMessage } from '../engine/localized-message';
import {
  allocateSeats,
  type Allocation,
  type CandidateExplanation,
  type RankingEntry,
  type SeatType,
} from './quota-allocation';
import type { AllocationOptions } from './round-config';

export type UpheldObjection = { objectionId: string; candidateId: string; reason: string };

export type ExplanationAfterObjections = CandidateExplanation & {
  seatBeforeObjections: SeatType;
  /** Set on a candidate upheld objections removed (every objection upheld against them). */
  removedBy?: UpheldObjection[];
  /** Set on a candidate whose seat changed because of the upheld objections (the removed candidates' ids). */
  promotedAfter?: string[];
};

export type AllocationAfterObjections = Omit<Allocation, 'explanations'> & {
  upheld: UpheldObjection[];
  explanations: ExplanationAfterObjections[];
};

const SEAT_LABELS: Record<SeatType, LocalizedMessage> = {
  reserved: { zh: '预留名额', en: 'reserved seat' },
  general: { zh: '普通名额', en: 'general seat' },
  notSelected: { zh: '未入选', en: 'not selected' },
};

/** The allocation once the upheld objections (all of them so far) have removed their candidates. */
export function applyUpheldObjections(
  entries: RankingEntry[],
  options: AllocationOptions,
  upheld: UpheldObjection[],
): AllocationAfterObjections {
  const removed = new Map<string, UpheldObjection[]>();
  for (const objection of upheld)
    removed.set(objection.candidateId, [...(removed.get(objection.candidateId) ?? []), objection]);
  const before = new Map(allocateSeats(entries, options).explanations.map((e) => [e.candidateId, e]));
  for (const objection of upheld)
    if (!before.has(objection.candidateId))
      throw new RangeError(`objection ${objection.objectionId}: unknown candidate ${objection.candidateId}`);
  const after = allocateSeats(
    entries.filter((entry) => !removed.has(entry.candidateId)),
    options,
  );
  const removedIds = [...removed.keys()].sort();
  const explanations: ExplanationAfterObjections[] = after.explanations.map((explanation) => {
    const seatBefore = before.get(explanation.candidateId)?.seat ?? 'notSelected';
    // `after` was made here and is not shared, so an unchanged explanation is completed in place
    // rather than copied (a round may hold 100,000).
    if (seatBefore === explanation.seat)
      return Object.assign(explanation, { seatBeforeObjections: seatBefore });
    const was = SEAT_LABELS[seatBefore];
    const now = SEAT_LABELS[explanation.seat];
    return {
      ...explanation,
      seatBeforeObjections: seatBefore,
      promotedAfter: removedIds,
      message: {
        zh: `${explanation.message.zh}；因公示异议成立（${removedIds.join('、')}）由${was.zh}递补为${now.zh}`,
        en: `${explanation.message.en}; moved from ${was.en} to ${now.en} after upheld objections against ${removedIds.join(', ')}`,
      },
    };
  });
  for (const [candidateId, objections] of [...removed].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const explanation = before.get(candidateId)!;
    const was = SEAT_LABELS[explanation.seat];
    const reasons = objections.map((objection) => objection.reason);
    explanations.push({
      ...explanation,
      rank: null,
      categoryRank: null,
      seat: 'notSelected',
      cutLines: after.cutLines,
      decidedAbove: null,
      decidedBelow: null,
      seatDecision: null,
      seatBeforeObjections: explanation.seat,
      removedBy: objections,
      message: {
        zh: `公示期间异议成立，取消入选资格：${reasons.join('；')}（原为${was.zh}）`,
        en: `removed after an upheld objection during the public notice: ${reasons.join('; ')} (was: ${was.en})`,
      },
    });
  }
  return { ...after, upheld, explanations };
}
