-- AlterTable
ALTER TABLE "task" ADD COLUMN     "candidate_scope" TEXT,
ADD COLUMN     "spec" JSONB;

-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "instance_id" UUID NOT NULL,
    "recipient_user_id" UUID,
    "recipient_role" "Role",
    "recipient_unit_id" UUID,
    "template" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "notification_idempotency_key_key" ON "notification"("idempotency_key");

-- CreateIndex
CREATE INDEX "notification_recipient_user_id_read_at_idx" ON "notification"("recipient_user_id", "read_at");

-- CreateIndex
CREATE INDEX "notification_recipient_role_recipient_unit_id_idx" ON "notification"("recipient_role", "recipient_unit_id");

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_instance_id_fkey" FOREIGN KEY ("instance_id") REFERENCES "process_instance"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

