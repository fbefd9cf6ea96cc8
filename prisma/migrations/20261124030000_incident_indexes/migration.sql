-- The incident list (GET /api/incidents) reads the instances whose state holds incidents (the key
-- exists only once one was raised) and the parked or resolved effects; partial indexes over just
-- those rows let it skip every other instance and effect instead of scanning both tables.
CREATE INDEX "process_instance_incidents_idx" ON "process_instance" ("unit_id") WHERE "state" ? 'incidents';
CREATE INDEX "pending_effect_parked_idx" ON "pending_effect" ("created_at") WHERE "status" IN ('failed', 'resolved');
