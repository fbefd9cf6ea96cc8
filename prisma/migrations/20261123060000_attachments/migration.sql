-- Issue 11 (attachments): files on a project or one of its tasks, stored under the data folder,
-- with the type detected from their bytes and their SHA-256.
-- CreateTable
CREATE TABLE "attachment" (
    "id" UUID NOT NULL,
    "instance_id" UUID NOT NULL,
    "task_id" UUID,
    "uploaded_by_id" UUID NOT NULL,
    "filename" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage_path" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "attachment_instance_id_created_at_idx" ON "attachment"("instance_id", "created_at");

-- CreateIndex
CREATE INDEX "attachment_task_id_idx" ON "attachment"("task_id");

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_instance_id_fkey" FOREIGN KEY ("instance_id") REFERENCES "process_instance"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

