-- Writes a batch of engine transitions in one call, so concurrent commands share one round trip
-- and one commit (group commit). Both runtimes call it: the embedded runtime with the batches its
-- writer gathers, the Temporal projection activity with one transition at a time.
--
-- The elements of `batch` are applied in order. Each applies completely or not at all: only if its
-- instance is then at `expected_revision` (or, with `start`, does not exist yet) and its idempotency
-- key is not logged yet. The result says, per element, whether it was written. Every statement is keyed by (instance id, engine id) so it reads through the unique
-- index, whatever the table's size when its plan was cached.
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
      timers jsonb, fired_timer text, cancelled_timers text[], effects jsonb)
  LOOP
    IF t.start IS NOT NULL THEN
      INSERT INTO process_instance (id, state, revision, status, ended_at, version_id, unit_id, parent_id,
                                    business_key, title, started_by_id, started_at)
      VALUES (t.instance_id, t.state, t.revision, t.status, t.ended_at, (t.start->>'version_id')::uuid,
              (t.start->>'unit_id')::uuid, (t.start->>'parent_id')::uuid, t.start->>'business_key',
              t.start->>'title', t.actor_id, t.at)
      ON CONFLICT (id) DO NOTHING;
    ELSE
      UPDATE process_instance
      SET state = t.state, revision = t.revision, status = t.status, ended_at = t.ended_at
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

    -- Timer and effect rows: only the embedded runtime sends them (Temporal keeps its own).
    IF jsonb_array_length(t.timers) > 0 THEN
      INSERT INTO timer (id, instance_id, engine_timer_id, fire_at, status, created_at)
      SELECT gen_random_uuid(), t.instance_id, s.id, s.fire_at, 'scheduled', t.at
      FROM jsonb_to_recordset(t.timers) AS s(id text, fire_at timestamptz)
      ON CONFLICT (instance_id, engine_timer_id) DO NOTHING;
    END IF;
    IF t.fired_timer IS NOT NULL OR cardinality(t.cancelled_timers) > 0 THEN
      UPDATE timer
      SET status = (CASE WHEN engine_timer_id = t.fired_timer THEN 'fired' ELSE 'cancelled' END)::"TimerStatus"
      WHERE instance_id = t.instance_id
        AND engine_timer_id = ANY (array_append(t.cancelled_timers, t.fired_timer))
        AND status NOT IN ('fired', 'cancelled');
    END IF;
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
