-- Fewer index writes per command.
--
-- The event log is keyed by (instance, sequence) itself: the surrogate id was never read and cost
-- an index entry and a sequence step per event.
ALTER TABLE "instance_event" DROP CONSTRAINT "instance_event_pkey";
ALTER TABLE "instance_event" DROP COLUMN "id";
DROP INDEX "instance_event_instance_id_sequence_key";
ALTER TABLE "instance_event" ADD CONSTRAINT "instance_event_pkey" PRIMARY KEY ("instance_id", "sequence");

-- Inboxes and the scheduler's runnable effects only ever look at open and runnable rows. Partial
-- indexes hold only those, so a task or effect that is done leaves them instead of adding another
-- entry. schema.prisma cannot declare partial indexes; the schema-drift test knows these by name
-- (tests/support/hand-made-indexes.ts).
DROP INDEX "task_status_assignee_id_idx";
DROP INDEX "task_status_candidate_role_candidate_unit_id_idx";
CREATE INDEX "task_open_by_assignee_idx" ON "task" ("assignee_id") WHERE "status" = 'open';
CREATE INDEX "task_open_by_candidate_idx" ON "task" ("candidate_role", "candidate_unit_id") WHERE "status" = 'open';

DROP INDEX "pending_effect_status_next_attempt_at_idx";
CREATE INDEX "pending_effect_runnable_idx" ON "pending_effect" ("next_attempt_at")
  WHERE "status" IN ('pending', 'running');
