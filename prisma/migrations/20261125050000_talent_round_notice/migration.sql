-- AlterTable
ALTER TABLE "talent_round" ADD COLUMN     "notice_ends_on" DATE,
ADD COLUMN     "notice_starts_at" TIMESTAMPTZ(3);
