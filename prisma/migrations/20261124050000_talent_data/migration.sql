-- CreateEnum
CREATE TYPE "TalentGender" AS ENUM ('male', 'female');

-- CreateEnum
CREATE TYPE "TalentRoundStatus" AS ENUM ('draft', 'open', 'closed', 'screening', 'review', 'ranking', 'notice', 'approval', 'published', 'cancelled');

-- CreateEnum
CREATE TYPE "TalentApplicationStatus" AS ENUM ('submitted', 'eligible', 'ineligible', 'withdrawn', 'selected', 'not_selected', 'removed');

-- CreateEnum
CREATE TYPE "TalentApplicationSource" AS ENUM ('entered', 'imported');

-- CreateEnum
CREATE TYPE "TalentScreeningResult" AS ENUM ('eligible', 'ineligible');

-- CreateEnum
CREATE TYPE "TalentCertificateKind" AS ENUM ('social_worker', 'elderly_care_worker', 'elderly_care_management_training');

-- CreateEnum
CREATE TYPE "TalentConflictSource" AS ENUM ('declared', 'same_employer');

-- CreateEnum
CREATE TYPE "TalentSeatCategory" AS ENUM ('elderly', 'general');

-- CreateEnum
CREATE TYPE "TalentSeatType" AS ENUM ('reserved', 'general', 'not_selected');

-- CreateEnum
CREATE TYPE "TalentObjectionDecision" AS ENUM ('pending', 'upheld', 'dismissed');

-- CreateEnum
CREATE TYPE "TalentLeadingSubject" AS ENUM ('list', 'revocation');

-- CreateEnum
CREATE TYPE "TalentLeadingOutcome" AS ENUM ('approved', 'returned');

-- CreateEnum
CREATE TYPE "TalentTitleStatus" AS ENUM ('active', 'benefits_stopped', 'revoked', 'ended');

-- CreateEnum
CREATE TYPE "TalentStatusEventKind" AS ENUM ('left_social_work', 'moved_away', 'misconduct_reported', 'misconduct_verified', 'revocation_approved', 'revoked', 'benefits_stopped', 'annual_assessment', 'term_ended');

-- CreateEnum
CREATE TYPE "TalentLedgerKind" AS ENUM ('due', 'paid');

-- CreateTable
CREATE TABLE "talent_candidate" (
    "id" UUID NOT NULL,
    "identity_number" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "gender" "TalentGender" NOT NULL,
    "birth_date" DATE NOT NULL,
    "phone" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "talent_candidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "talent_dossier" (
    "id" UUID NOT NULL,
    "candidate_id" UUID NOT NULL,
    "employer_name" TEXT NOT NULL,
    "employer_id" TEXT,
    "unit_type" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "elderly_services" BOOLEAN NOT NULL DEFAULT false,
    "social_work_since" DATE NOT NULL,
    "social_work_years" DECIMAL(4,1) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "talent_dossier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "talent_certificate" (
    "id" UUID NOT NULL,
    "dossier_id" UUID NOT NULL,
    "kind" "TalentCertificateKind" NOT NULL,
    "level" TEXT,
    "number" TEXT,
    "issued_on" DATE,
    "attachment_id" UUID,

    CONSTRAINT "talent_certificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "talent_round" (
    "id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "status" "TalentRoundStatus" NOT NULL DEFAULT 'draft',
    "config" JSONB NOT NULL,
    "window_starts_on" DATE NOT NULL,
    "window_ends_on" DATE NOT NULL,
    "reference_date" DATE NOT NULL,
    "opened_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "instance_id" UUID,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revision" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "talent_round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "talent_application" (
    "id" UUID NOT NULL,
    "round_id" UUID NOT NULL,
    "candidate_id" UUID NOT NULL,
    "dossier_id" UUID NOT NULL,
    "status" "TalentApplicationStatus" NOT NULL DEFAULT 'submitted',
    "source" "TalentApplicationSource" NOT NULL,
    "screening_result" "TalentScreeningResult",
    "screening_explanation" JSONB,
    "screened_at" TIMESTAMPTZ(3),
    "override_result" "TalentScreeningResult",
    "override_reason" TEXT,
    "override_by_id" UUID,
    "override_at" TIMESTAMPTZ(3),
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revision" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "talent_application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "talent_reviewer_assignment" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "reviewer_id" UUID NOT NULL,
    "automatic" BOOLEAN NOT NULL,
    "assigned_by_id" UUID NOT NULL,
    "assigned_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submitted_at" TIMESTAMPTZ(3),

    CONSTRAINT "talent_reviewer_assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "talent_conflict" (
    "id" UUID NOT NULL,
    "round_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "reviewer_id" UUID NOT NULL,
    "source" "TalentConflictSource" NOT NULL,
    "reason" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "talent_conflict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "talent_score" (
    "assignment_id" UUID NOT NULL,
    "criterion_key" TEXT NOT NULL,
    "raw" DECIMAL(7,3) NOT NULL,
    "adjusted" DECIMAL(7,3),
    "comment" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "talent_score_pkey" PRIMARY KEY ("assignment_id","criterion_key")
);

-- CreateTable
CREATE TABLE "talent_ranking_result" (
    "application_id" UUID NOT NULL,
    "round_id" UUID NOT NULL,
    "rank" INTEGER,
    "category" "TalentSeatCategory" NOT NULL,
    "seat_type" "TalentSeatType" NOT NULL,
    "final_score" DECIMAL(7,3),
    "explanation" JSONB NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "talent_ranking_result_pkey" PRIMARY KEY ("application_id")
);

-- CreateTable
CREATE TABLE "talent_objection" (
    "id" UUID NOT NULL,
    "round_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "raised_by" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "recorded_by_id" UUID NOT NULL,
    "decision" "TalentObjectionDecision" NOT NULL DEFAULT 'pending',
    "decision_reason" TEXT,
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),

    CONSTRAINT "talent_objection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "talent_leading_decision" (
    "id" UUID NOT NULL,
    "subject" "TalentLeadingSubject" NOT NULL,
    "round_id" UUID,
    "talent_id" UUID,
    "outcome" "TalentLeadingOutcome" NOT NULL,
    "reason" TEXT,
    "decided_by_id" UUID NOT NULL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "talent_leading_decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "talent" (
    "id" UUID NOT NULL,
    "candidate_id" UUID NOT NULL,
    "round_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "title_status" "TalentTitleStatus" NOT NULL DEFAULT 'active',
    "published_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "talent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "talent_term" (
    "id" UUID NOT NULL,
    "talent_id" UUID NOT NULL,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    "monthly_amount_yuan" DECIMAL(10,2) NOT NULL,
    "benefits_stopped_on" DATE,
    "revoked_on" DATE,
    "final_rating" TEXT,
    "instance_id" UUID,

    CONSTRAINT "talent_term_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "talent_allowance_entry" (
    "id" BIGSERIAL NOT NULL,
    "term_id" UUID NOT NULL,
    "term_year" INTEGER NOT NULL,
    "kind" "TalentLedgerKind" NOT NULL,
    "months" INTEGER NOT NULL,
    "amount_yuan" DECIMAL(12,2) NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,

    CONSTRAINT "talent_allowance_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "talent_status_event" (
    "id" BIGSERIAL NOT NULL,
    "talent_id" UUID NOT NULL,
    "kind" "TalentStatusEventKind" NOT NULL,
    "effective_on" DATE NOT NULL,
    "detail" JSONB,
    "actor_id" UUID,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "talent_status_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "talent_candidate_identity_number_key" ON "talent_candidate"("identity_number");

-- CreateIndex
CREATE INDEX "talent_dossier_candidate_id_idx" ON "talent_dossier"("candidate_id");

-- CreateIndex
CREATE INDEX "talent_dossier_field_idx" ON "talent_dossier"("field");

-- CreateIndex
CREATE INDEX "talent_certificate_attachment_id_idx" ON "talent_certificate"("attachment_id");

-- CreateIndex
CREATE UNIQUE INDEX "talent_certificate_dossier_id_kind_key" ON "talent_certificate"("dossier_id", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "talent_round_instance_id_key" ON "talent_round"("instance_id");

-- CreateIndex
CREATE INDEX "talent_round_unit_id_created_at_idx" ON "talent_round"("unit_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "talent_application_dossier_id_key" ON "talent_application"("dossier_id");

-- CreateIndex
CREATE INDEX "talent_application_round_id_status_created_at_id_idx" ON "talent_application"("round_id", "status", "created_at", "id");

-- CreateIndex
CREATE INDEX "talent_application_round_id_created_at_id_idx" ON "talent_application"("round_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "talent_application_candidate_id_idx" ON "talent_application"("candidate_id");

-- CreateIndex
CREATE UNIQUE INDEX "talent_application_round_id_candidate_id_key" ON "talent_application"("round_id", "candidate_id");

-- CreateIndex
CREATE INDEX "talent_reviewer_assignment_reviewer_id_assigned_at_idx" ON "talent_reviewer_assignment"("reviewer_id", "assigned_at");

-- CreateIndex
CREATE UNIQUE INDEX "talent_reviewer_assignment_application_id_reviewer_id_key" ON "talent_reviewer_assignment"("application_id", "reviewer_id");

-- CreateIndex
CREATE INDEX "talent_conflict_round_id_reviewer_id_idx" ON "talent_conflict"("round_id", "reviewer_id");

-- CreateIndex
CREATE UNIQUE INDEX "talent_conflict_application_id_reviewer_id_key" ON "talent_conflict"("application_id", "reviewer_id");

-- CreateIndex
CREATE INDEX "talent_ranking_result_round_id_rank_idx" ON "talent_ranking_result"("round_id", "rank");

-- CreateIndex
CREATE INDEX "talent_objection_round_id_received_at_idx" ON "talent_objection"("round_id", "received_at");

-- CreateIndex
CREATE INDEX "talent_objection_application_id_idx" ON "talent_objection"("application_id");

-- CreateIndex
CREATE INDEX "talent_leading_decision_round_id_decided_at_idx" ON "talent_leading_decision"("round_id", "decided_at");

-- CreateIndex
CREATE INDEX "talent_leading_decision_talent_id_decided_at_idx" ON "talent_leading_decision"("talent_id", "decided_at");

-- CreateIndex
CREATE UNIQUE INDEX "talent_application_id_key" ON "talent"("application_id");

-- CreateIndex
CREATE INDEX "talent_candidate_id_idx" ON "talent"("candidate_id");

-- CreateIndex
CREATE INDEX "talent_title_status_idx" ON "talent"("title_status");

-- CreateIndex
CREATE UNIQUE INDEX "talent_round_id_candidate_id_key" ON "talent"("round_id", "candidate_id");

-- CreateIndex
CREATE UNIQUE INDEX "talent_term_talent_id_key" ON "talent_term"("talent_id");

-- CreateIndex
CREATE UNIQUE INDEX "talent_term_instance_id_key" ON "talent_term"("instance_id");

-- CreateIndex
CREATE UNIQUE INDEX "talent_allowance_entry_idempotency_key_key" ON "talent_allowance_entry"("idempotency_key");

-- CreateIndex
CREATE INDEX "talent_allowance_entry_term_id_term_year_idx" ON "talent_allowance_entry"("term_id", "term_year");

-- CreateIndex
CREATE INDEX "talent_status_event_talent_id_id_idx" ON "talent_status_event"("talent_id", "id");

-- AddForeignKey
ALTER TABLE "talent_dossier" ADD CONSTRAINT "talent_dossier_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "talent_candidate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "talent_certificate" ADD CONSTRAINT "talent_certificate_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "talent_dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "talent_certificate" ADD CONSTRAINT "talent_certificate_attachment_id_fkey" FOREIGN KEY ("attachment_id") REFERENCES "attachment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "talent_round" ADD CONSTRAINT "talent_round_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "talent_round" ADD CONSTRAINT "talent_round_instance_id_fkey" FOREIGN KEY ("instance_id") REFERENCES "process_instance"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "talent_application" ADD CONSTRAINT "talent_application_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "talent_round"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "talent_application" ADD CONSTRAINT "talent_application_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "talent_candidate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "talent_application" ADD CONSTRAINT "talent_application_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "talent_dossier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "talent_reviewer_assignment" ADD CONSTRAINT "talent_reviewer_assignment_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "talent_application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "talent_reviewer_assignment" ADD CONSTRAINT "talent_reviewer_assignment_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "talent_conflict" ADD CONSTRAINT "talent_conflict_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "talent_round"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "talent_conflict" ADD CONSTRAINT "talent_conflict_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "talent_application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "talent_conflict" ADD CONSTRAINT "talent_conflict_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "talent_score" ADD CONSTRAINT "talent_score_assignment_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "talent_reviewer_assignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "talent_ranking_result" ADD CONSTRAINT "talent_ranking_result_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "talent_application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "talent_objection" ADD CONSTRAINT "talent_objection_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "talent_round"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "talent_objection" ADD CONSTRAINT "talent_objection_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "talent_application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "talent_leading_decision" ADD CONSTRAINT "talent_leading_decision_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "talent_round"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "talent_leading_decision" ADD CONSTRAINT "talent_leading_decision_talent_id_fkey" FOREIGN KEY ("talent_id") REFERENCES "talent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "talent" ADD CONSTRAINT "talent_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "talent_candidate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "talent" ADD CONSTRAINT "talent_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "talent_round"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "talent" ADD CONSTRAINT "talent_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "talent_application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "talent_term" ADD CONSTRAINT "talent_term_talent_id_fkey" FOREIGN KEY ("talent_id") REFERENCES "talent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "talent_term" ADD CONSTRAINT "talent_term_instance_id_fkey" FOREIGN KEY ("instance_id") REFERENCES "process_instance"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "talent_allowance_entry" ADD CONSTRAINT "talent_allowance_entry_term_id_fkey" FOREIGN KEY ("term_id") REFERENCES "talent_term"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "talent_status_event" ADD CONSTRAINT "talent_status_event_talent_id_fkey" FOREIGN KEY ("talent_id") REFERENCES "talent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written below this line (docs/talent-data.md).

-- The allowance ledger and the talents' status events are history, append-only like the audit
-- log and the instance event log (reject_log_rewrite from 20261122000100_append_only_logs).
CREATE TRIGGER "talent_allowance_entry_append_only"
  BEFORE UPDATE OR DELETE ON "talent_allowance_entry"
  FOR EACH ROW EXECUTE FUNCTION "reject_log_rewrite"();

CREATE TRIGGER "talent_allowance_entry_no_truncate"
  BEFORE TRUNCATE ON "talent_allowance_entry"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_log_rewrite"();

CREATE TRIGGER "talent_status_event_append_only"
  BEFORE UPDATE OR DELETE ON "talent_status_event"
  FOR EACH ROW EXECUTE FUNCTION "reject_log_rewrite"();

CREATE TRIGGER "talent_status_event_no_truncate"
  BEFORE TRUNCATE ON "talent_status_event"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_log_rewrite"();

-- Invariants no code path may break (Prisma cannot declare CHECK constraints).
ALTER TABLE "talent_round" ADD CONSTRAINT "talent_round_window_order"
  CHECK ("window_ends_on" >= "window_starts_on");
ALTER TABLE "talent_dossier" ADD CONSTRAINT "talent_dossier_years_not_negative"
  CHECK ("social_work_years" >= 0);
-- An override is a result with its reason, actor and time, or nothing at all.
ALTER TABLE "talent_application" ADD CONSTRAINT "talent_application_override_complete"
  CHECK (("override_result" IS NULL) = ("override_reason" IS NULL)
     AND ("override_result" IS NULL) = ("override_by_id" IS NULL)
     AND ("override_result" IS NULL) = ("override_at" IS NULL)
     AND ("override_reason" IS NULL OR length(btrim("override_reason")) > 0));
ALTER TABLE "talent_score" ADD CONSTRAINT "talent_score_raw_not_negative" CHECK ("raw" >= 0);
ALTER TABLE "talent_allowance_entry" ADD CONSTRAINT "talent_allowance_entry_sane"
  CHECK ("term_year" >= 1 AND "months" BETWEEN 0 AND 12 AND "amount_yuan" >= 0);
-- A leading-group decision concerns a round's list or one talent's revocation, never both.
ALTER TABLE "talent_leading_decision" ADD CONSTRAINT "talent_leading_decision_subject"
  CHECK (("subject" = 'list' AND "round_id" IS NOT NULL AND "talent_id" IS NULL)
      OR ("subject" = 'revocation' AND "talent_id" IS NOT NULL AND "round_id" IS NULL));
