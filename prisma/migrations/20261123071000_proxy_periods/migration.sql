-- Issue 11 (代理): proxy periods — while a person is away, their tasks go to a named colleague.
-- CreateTable
CREATE TABLE "proxy_period" (
    "id" UUID NOT NULL,
    "principal_id" UUID NOT NULL,
    "proxy_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelled_at" TIMESTAMPTZ(3),
    "cancelled_by_id" UUID,

    CONSTRAINT "proxy_period_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "proxy_period_principal_id_starts_at_idx" ON "proxy_period"("principal_id", "starts_at");

-- CreateIndex
CREATE INDEX "proxy_period_proxy_id_starts_at_idx" ON "proxy_period"("proxy_id", "starts_at");

-- AddForeignKey
ALTER TABLE "proxy_period" ADD CONSTRAINT "proxy_period_principal_id_fkey" FOREIGN KEY ("principal_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proxy_period" ADD CONSTRAINT "proxy_period_proxy_id_fkey" FOREIGN KEY ("proxy_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

