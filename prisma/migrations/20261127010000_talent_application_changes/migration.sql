-- AlterTable: the office amends an application while the window is open, or withdraws it with a reason.
ALTER TABLE "talent_application" ADD COLUMN     "updated_at" TIMESTAMPTZ(3),
ADD COLUMN     "updated_by_id" UUID,
ADD COLUMN     "withdrawn_at" TIMESTAMPTZ(3),
ADD COLUMN     "withdrawn_by_id" UUID,
ADD COLUMN     "withdrawn_reason" TEXT;

-- AddForeignKey
ALTER TABLE "talent_application" ADD CONSTRAINT "talent_application_withdrawn_by_id_fkey" FOREIGN KEY ("withdrawn_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
