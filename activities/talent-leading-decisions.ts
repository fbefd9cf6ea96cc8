// The leading group's (人才工作领导小组) decisions as rows: one `talent_leading_decision` per
// completed approval of a round's list or of a revocation, with the votes and comments that made it.
// The approval node hands its votes to the action that follows it (`votesVariable`); that action
// writes the row in its own transaction, idempotent by the effect's key.
import type { ApprovalVotes } from '../workflows/engine';
import type { Sql } from './sql';

export type LeadingDecisionSubject =
  { subject: 'list'; roundId: string } | { subject: 'revocation'; talentId: string };

const OUTCOMES = { approve: 'approved', reject: 'rejected', return: 'returned' } as const;

/**
 * Writes the decision once per effect key; `decided_by` is the member whose vote settled it. No
 * decision (a version before they were recorded, a path no approval led to): nothing to write.
 */
export async function recordLeadingDecision(
  tx: Sql,
  about: LeadingDecisionSubject,
  decision: ApprovalVotes | null | undefined,
  idempotencyKey: string,
): Promise<void> {
  if (!decision) return;
  await tx.query(
    `INSERT INTO talent_leading_decision
       (id, subject, round_id, talent_id, outcome, reason, decided_by_id, votes, idempotency_key)
     VALUES (gen_random_uuid(), $1::"TalentLeadingSubject", $2::uuid, $3::uuid, $4::"TalentLeadingOutcome",
             $5, $6::uuid, $7::jsonb, $8)
     ON CONFLICT (idempotency_key) DO NOTHING`,
    [
      about.subject,
      about.subject === 'list' ? about.roundId : null,
      about.subject === 'revocation' ? about.talentId : null,
      OUTCOMES[decision.outcome],
      leadersComments(decision),
      decision.votes.at(-1)!.userId,
      JSON.stringify(decision.votes),
      idempotencyKey,
    ],
  );
}

/** The members' comments on their votes, in voting order, as one text; null when nobody commented. */
export function leadersComments(decision: ApprovalVotes): string | null {
  const comments = decision.votes.flatMap((vote) => (vote.comment?.trim() ? [vote.comment.trim()] : []));
  return comments.length > 0 ? comments.join('；') : null;
}
