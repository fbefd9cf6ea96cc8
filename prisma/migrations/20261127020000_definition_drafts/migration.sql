-- Drafts for the designer (issue 13): a draft is a process_definition_version row with status
-- 'draft', saved with optimistic concurrency (revision) and telling who saved it last.
ALTER TABLE "process_definition_version"
  ADD COLUMN "revision" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  ADD COLUMN "updated_by_id" UUID;

-- Rows written before drafts existed were last touched when they were made.
UPDATE "process_definition_version" SET "updated_at" = "created_at", "updated_by_id" = "created_by_id";

-- At most one draft per definition: two admins cannot each start their own.
CREATE UNIQUE INDEX "process_definition_version_one_draft_idx"
  ON "process_definition_version" ("definition_id") WHERE "status" = 'draft';

-- Published (and archived) versions are history: running instances and the audit trail refer to
-- them, so no code path may rewrite their graph, hash, number or definition, turn them back into a
-- draft, or delete them. Only drafts change freely.
CREATE FUNCTION "reject_published_version_rewrite"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'draft' THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  IF TG_OP = 'DELETE'
     OR NEW."status" = 'draft'
     OR NEW."graph" IS DISTINCT FROM OLD."graph"
     OR NEW."content_hash" IS DISTINCT FROM OLD."content_hash"
     OR NEW."version" IS DISTINCT FROM OLD."version"
     OR NEW."definition_id" IS DISTINCT FROM OLD."definition_id" THEN
    RAISE EXCEPTION 'version % of definition % is % and immutable: % is not allowed',
      OLD."version", OLD."definition_id", OLD."status", TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "process_definition_version_immutable"
  BEFORE UPDATE OR DELETE ON "process_definition_version"
  FOR EACH ROW EXECUTE FUNCTION "reject_published_version_rewrite"();
