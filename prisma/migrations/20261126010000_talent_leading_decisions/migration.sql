-- The leading group's decisions are written by the actions after its approvals: a rejection is a
-- decision of its own, the votes are kept beside it, and the effect's key makes a retry write nothing.
ALTER TYPE "TalentLeadingOutcome" ADD VALUE 'rejected';

ALTER TABLE "talent_leading_decision" ADD COLUMN "votes" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN "idempotency_key" TEXT;

CREATE UNIQUE INDEX "talent_leading_decision_idempotency_key_key" ON "talent_leading_decision"("idempotency_key");
