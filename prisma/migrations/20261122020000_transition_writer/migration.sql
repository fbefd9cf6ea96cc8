-- Writes a batch of engine transitions in one call, so concurrent commands share one round trip
-- and one commit (group commit). Both runtimes call it: the embedded runtime with the batches its
-- writer gathers, the Temporal projection activity with one transition at a time.
--
-- The elements of `batch` are applied in order. Each applies completely or not at all: only if its
-- instance is then at `expected_revision` (or, with `start`, does not exist yet) and its idempotency
-- key is not logged yet. The result says, per element, whether it was written. Every statement is
-- keyed by (instance id, engine id) so it reads through a unique index, whatever the table's size
-- when its plan was cached.
--
-- The embedded runtime's scheduler finds instances by when they next need it: the earliest fireAt
-- of the open timers in the instance's state. One column, updated with the state, replaces a row
-- per timer (inserted on scheduling, updated on firing or cancelling). Temporal leaves it empty.
ALTER TABLE "process_instance" ADD COLUMN "next_due_at" TIMESTAMPTZ(3);
CREATE INDEX "process_instance_due_idx" ON "process_instance" ("next_due_at") WHERE "next_due_at" IS NOT NULL;
DROP TABLE "timer";
DROP TYPE "TimerStatus";

CREATE FUNCTION sgf_write_transitions(batch jsonb) RETURNS boolean[]
LANGUAGE plpgsql AS $$
DECLARE
  t record;
  written boolean[] := '{}';
BEGIN
  FOR t IN
    SELECT * FROM jsonb_to_recordset(batch) AS x(
      instance_id uuid, expected_revision int, start jsonb, state jsonb, revision int,
      status "InstanceStatus", ended_at timestamptz, event_type text, event jsonb, actor_id uuid,
      idempotency_key text, at timestamptz, answered text, withdrawn text[], opened jsonb,
      next_due_at timestamptz, effects jsonb)
  LOOP
    IF t.start IS NOT NULL THEN
      INSERT INTO process_instance (id, state, revision, status, ended_at, next_due_at, version_id, unit_id,
                                    parent_id, business_key, title, started_by_id, started_at)
      VALUES (t.instance_id, t.state, t.revision, t.status, t.ended_at, t.next_due_at,
              (t.start->>'version_id')::uuid, (t.start->>'unit_id')::uuid, (t.start->>'parent_id')::uuid,
              t.start->>'business_key', t.start->>'title', t.actor_id, t.at)
      ON CONFLICT (id) DO NOTHING;
    ELSE
      UPDATE process_instance
      SET state = t.state, revision = t.revision, status = t.status, ended_at = t.ended_at,
          next_due_at = t.next_due_at
      WHERE id = t.instance_id AND revision = t.expected_revision
        AND NOT EXISTS (SELECT FROM instance_event e
                        WHERE e.instance_id = t.instance_id AND e.idempotency_key = t.idempotency_key);
    END IF;
    written := written || FOUND;
    CONTINUE WHEN NOT FOUND;

    INSERT INTO instance_event (instance_id, sequence, type, payload, actor_id, idempotency_key, occurred_at)
    VALUES (t.instance_id, t.revision, t.event_type, t.event, t.actor_id, t.idempotency_key, t.at);

    -- "Still open" is NOT IN rather than an equality so no status index can compete with the
    -- unique (instance_id, engine id) index.
    IF t.answered IS NOT NULL THEN
      UPDATE task SET status = 'completed', completed_at = t.at, completed_by_id = t.actor_id
      WHERE instance_id = t.instance_id AND engine_task_id = t.answered
        AND status NOT IN ('completed', 'cancelled');
    END IF;
    IF cardinality(t.withdrawn) > 0 THEN
      UPDATE task SET status = 'cancelled', completed_at = t.at
      WHERE instance_id = t.instance_id AND engine_task_id = ANY (t.withdrawn)
        AND status NOT IN ('completed', 'cancelled');
    END IF;
    IF jsonb_array_length(t.opened) > 0 THEN
      INSERT INTO task (id, instance_id, engine_task_id, node_id, kind, name, status, assignee_id, candidate_role,
                        candidate_unit_id, candidate_scope, form, spec, due_at, created_at)
      SELECT gen_random_uuid(), t.instance_id, o.engine_task_id, o.node_id, o.kind, o.name, 'open', o.assignee_id,
             o.candidate_role, o.candidate_unit_id, o.candidate_scope, o.form, o.spec, o.due_at, t.at
      FROM jsonb_to_recordset(t.opened) AS o(engine_task_id text, node_id text, kind text, name text,
           assignee_id uuid, candidate_role "Role", candidate_unit_id uuid, candidate_scope text, form jsonb,
           spec jsonb, due_at timestamptz);
    END IF;

    -- Effect rows: only the embedded runtime sends them (Temporal runs activities instead).
    IF jsonb_array_length(t.effects) > 0 THEN
      INSERT INTO pending_effect (id, instance_id, type, payload, idempotency_key, status, next_attempt_at,
                                  created_at, updated_at)
      SELECT gen_random_uuid(), t.instance_id, f.type, f.payload, f.key, 'pending', t.at, t.at, t.at
      FROM jsonb_to_recordset(t.effects) AS f(type text, key text, payload jsonb)
      ON CONFLICT (idempotency_key) DO NOTHING;
    END IF;
  END LOOP;
  RETURN written;
END
$$;
