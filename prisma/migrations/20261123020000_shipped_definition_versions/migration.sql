-- Versions published at start-up from the definitions shipped with the product, told apart from
-- versions an admin publishes, so that start-up never republishes a shipped definition over them.
ALTER TABLE "process_definition_version" ADD COLUMN "shipped" BOOLEAN NOT NULL DEFAULT false;

-- Until this release only start-up published versions without an author.
UPDATE "process_definition_version" SET "shipped" = true WHERE "created_by_id" IS NULL;
