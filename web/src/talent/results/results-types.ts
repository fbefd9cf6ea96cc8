// Wire types of the results routes, from the server's contracts; the explanations typed as the pure
// rules' own output (workflows/talent), which the server stores and returns as it is. Type-only.
import type { z } from 'zod';
import type {
  TObjection,
  TRecordObjectionRequest,
  TDecideObjectionRequest,
} from '../../../../api/talent/objection-types';
import type { TLeadingDecision } from '../../../../api/talent/leading-decision.types';
import type {
  TOverrideRequest,
  TRankingRow,
  TResultsRound,
  TScreeningRow,
  ZScreeningQuery,
} from '../../../../api/talent/results-types';
import type { EligibilityResult } from '../../../../workflows/talent/eligibility';
import type { ExplanationAfterObjections } from '../../../../workflows/talent/objections';

export type ScreeningRow = Omit<TScreeningRow, 'explanation'> & { explanation: EligibilityResult };
export type ScreeningFilter = z.infer<typeof ZScreeningQuery>['result'];
export type OverrideRequest = TOverrideRequest;
/** A ranking explanation: quota-allocation's CandidateExplanation, with the objection members once applied. */
export type RankingExplanation = Omit<ExplanationAfterObjections, 'seatBeforeObjections'> &
  Partial<Pick<ExplanationAfterObjections, 'seatBeforeObjections'>>;
export type RankingRow = Omit<TRankingRow, 'explanation'> & { explanation: RankingExplanation };
export type ResultsRound = TResultsRound;
export type Objection = TObjection;
export type RecordObjectionRequest = TRecordObjectionRequest;
export type DecideObjectionRequest = TDecideObjectionRequest;
export interface RankingPage {
  round: ResultsRound;
  leadingDecisions: TLeadingDecision[];
  items: RankingRow[];
  nextCursor: string | null;
}
