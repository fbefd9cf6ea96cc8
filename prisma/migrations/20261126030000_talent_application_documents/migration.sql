-- AlterTable
ALTER TABLE "attachment" ADD COLUMN     "talent_application_id" UUID,
ALTER COLUMN "instance_id" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "attachment_talent_application_id_created_at_idx" ON "attachment"("talent_application_id", "created_at");

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_talent_application_id_fkey" FOREIGN KEY ("talent_application_id") REFERENCES "talent_application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A file belongs to a process (project) or to a talent application's dossier, never both, never neither.
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_one_subject" CHECK ((instance_id IS NULL) <> (talent_application_id IS NULL));
