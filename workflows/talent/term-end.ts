// Whether a talent may apply again when a term ends: only a title that was not revoked and whose
// final (term-end) rating is one of the round's re-application ratings (default: excellent).
import type { LocalizedMessage } from '../engine/localized-message';
import type { EligibilityOptions } from './round-config';
import { ASSESSMENT_RATINGS, labelOf, type AssessmentRating } from './talent-vocabulary';

export type TermOutcome = { revokedOn?: string; finalRating?: AssessmentRating };

export type ReapplicationDecision = {
  mayReapply: boolean;
  values: { finalRating: AssessmentRating | null; allowedRatings: AssessmentRating[]; revoked: boolean };
  message: LocalizedMessage;
};

export function decideReapplication(
  term: TermOutcome,
  options: Pick<EligibilityOptions, 'allowReapplication' | 'reapplicationRatings'>,
): ReapplicationDecision {
  const values = {
    finalRating: term.finalRating ?? null,
    allowedRatings: options.reapplicationRatings,
    revoked: term.revokedOn !== undefined,
  };
  const allowed = options.reapplicationRatings.map((key) => labelOf(ASSESSMENT_RATINGS, key));
  const decide = (mayReapply: boolean, zh: string, en: string): ReapplicationDecision => ({
    mayReapply,
    values,
    message: { zh, en },
  });
  if (term.revokedOn !== undefined)
    return decide(
      false,
      `称号已于 ${term.revokedOn} 撤销，不得再次申报`,
      `title revoked on ${term.revokedOn}`,
    );
  if (!options.allowReapplication)
    return decide(false, '本轮不接受往届人才再次申报', 'this round does not accept former talents');
  if (term.finalRating === undefined)
    return decide(false, '期满考核尚无结果', 'no term-end rating recorded yet');
  const rating = labelOf(ASSESSMENT_RATINGS, term.finalRating);
  return options.reapplicationRatings.includes(term.finalRating)
    ? decide(true, `期满考核为${rating.zh}，可再次申报`, `term-end rating ${rating.en}: may apply again`)
    : decide(
        false,
        `期满考核为${rating.zh}，须为${allowed.map((r) => r.zh).join('或')}方可再次申报`,
        `term-end rating ${rating.en}; re-application needs ${allowed.map((r) => r.en).join(' or ')}`,
      );
}
