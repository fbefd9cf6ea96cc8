-- Issue 11 (代理): tasks a proxy period could not move, so both people are told once and 我的代理 shows them.
-- CreateTable
CREATE TABLE "proxy_refusal" (
    "period_id" UUID NOT NULL,
    "instance_id" UUID NOT NULL,
    "engine_task_id" TEXT NOT NULL,
    "reason_zh" TEXT NOT NULL,
    "reason_en" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "proxy_refusal_pkey" PRIMARY KEY ("period_id","instance_id","engine_task_id")
);

-- AddForeignKey
ALTER TABLE "proxy_refusal" ADD CONSTRAINT "proxy_refusal_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "proxy_period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

