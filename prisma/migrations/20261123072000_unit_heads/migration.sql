-- AlterTable
ALTER TABLE "org_unit" ADD COLUMN     "head_id" UUID;

-- AddForeignKey
ALTER TABLE "org_unit" ADD CONSTRAINT "org_unit_head_id_fkey" FOREIGN KEY ("head_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

