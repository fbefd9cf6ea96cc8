-- The task inbox's first page and tab counts (docs/projects-and-tasks.md, "Measured").
--
-- Candidates: open, unclaimed tasks by role and unit. The index holds only unclaimed open tasks
-- (a claim takes a task out of it), and carries the scope and the sort keys, so a supervisor's
-- count of thousands of candidates and the choice of the first page's ids read the index alone.
-- It replaces task_open_by_candidate_idx, which only the candidates' condition used.
DROP INDEX "task_open_by_candidate_idx";
CREATE INDEX "task_candidates_idx" ON "task" ("candidate_role", "candidate_unit_id", "candidate_scope")
  INCLUDE ("due_at", "created_at", "instance_id")
  WHERE "status" = 'open' AND "assignee_id" IS NULL;

-- Done: what a person completed, newest first (the done tab and its count scanned every task).
CREATE INDEX "task_completed_by_idx" ON "task" ("completed_by_id", "completed_at")
  WHERE "status" = 'completed';

-- Every server process keeps the callers of session cookies in memory for a short while
-- (api/auth/session-cache.ts). A change to what a cached caller is made of — a session ended, a
-- user changed or disabled, a role assigned or removed, a unit renamed — is announced on the
-- channel sgf_auth_changed, whoever makes it, and every process empties its cache on the notice.
-- PostgreSQL sends notices at commit, and one per channel and payload per transaction.
CREATE FUNCTION sgf_notify_auth_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('sgf_auth_changed', TG_TABLE_NAME);
  RETURN NULL;
END $$;

-- A new session changes no cached caller; ending or changing one does.
CREATE TRIGGER session_auth_changed AFTER UPDATE OR DELETE OR TRUNCATE ON "session"
  FOR EACH STATEMENT EXECUTE FUNCTION sgf_notify_auth_changed();
CREATE TRIGGER app_user_auth_changed AFTER UPDATE OR DELETE OR TRUNCATE ON "app_user"
  FOR EACH STATEMENT EXECUTE FUNCTION sgf_notify_auth_changed();
CREATE TRIGGER role_assignment_auth_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "role_assignment"
  FOR EACH STATEMENT EXECUTE FUNCTION sgf_notify_auth_changed();
CREATE TRIGGER org_unit_auth_changed AFTER UPDATE OR DELETE OR TRUNCATE ON "org_unit"
  FOR EACH STATEMENT EXECUTE FUNCTION sgf_notify_auth_changed();
