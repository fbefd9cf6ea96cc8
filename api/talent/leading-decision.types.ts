// The leading group's (人才工作领导小组) decisions as the talent page and the round's results show
// them: outcome, when, the members' votes and comments (rows of talent_leading_decision).
import { z } from 'zod';

export const ZLeadingDecision = z
  .object({
    outcome: z.enum(['approved', 'rejected', 'returned']),
    decidedAt: z.string(),
    /** The members' comments, joined. */
    reason: z.string().nullable(),
    votes: z.array(
      z.object({
        displayName: z.string(),
        vote: z.enum(['approve', 'reject', 'return']),
        comment: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'TalentLeadingDecision' });
export type TLeadingDecision = z.infer<typeof ZLeadingDecision>;
