-- The instance event log and the audit log are append-only: history may be read and added to,
-- never rewritten. Enforced in the database so no code path (or console session) can bypass it.
CREATE FUNCTION "reject_log_rewrite"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "instance_event_append_only"
  BEFORE UPDATE OR DELETE ON "instance_event"
  FOR EACH ROW EXECUTE FUNCTION "reject_log_rewrite"();

CREATE TRIGGER "instance_event_no_truncate"
  BEFORE TRUNCATE ON "instance_event"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_log_rewrite"();

CREATE TRIGGER "audit_log_append_only"
  BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "reject_log_rewrite"();

CREATE TRIGGER "audit_log_no_truncate"
  BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_log_rewrite"();
