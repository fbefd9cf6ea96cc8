-- Issue 11 (working days): admins' own additions to the holiday calendar, and every state of them
-- numbered, so a transition can record which calendar it counted working days with. A revision is
-- never rewritten: replaying a transition must count over the very days it first counted over.
-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('holiday', 'workday');

-- CreateTable
CREATE TABLE "calendar_day" (
    "id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "name" TEXT NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_day_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_revision" (
    "revision" SERIAL NOT NULL,
    "additions" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_revision_pkey" PRIMARY KEY ("revision")
);

-- CreateIndex
CREATE UNIQUE INDEX "calendar_day_date_key" ON "calendar_day"("date");


CREATE TRIGGER "calendar_revision_append_only"
  BEFORE UPDATE OR DELETE ON "calendar_revision"
  FOR EACH ROW EXECUTE FUNCTION "reject_log_rewrite"();
