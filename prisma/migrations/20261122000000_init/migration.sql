-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('county_center', 'station', 'room');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'officer', 'supervisor', 'committee_member', 'selection_office', 'leading_group');

-- CreateEnum
CREATE TYPE "DefinitionStatus" AS ENUM ('draft', 'published', 'archived');

-- CreateEnum
CREATE TYPE "InstanceStatus" AS ENUM ('running', 'completed', 'cancelled');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('open', 'completed', 'cancelled');

-- CreateEnum
CREATE TYPE "TimerStatus" AS ENUM ('scheduled', 'fired', 'cancelled');

-- CreateEnum
CREATE TYPE "EffectStatus" AS ENUM ('pending', 'running', 'done', 'failed');

-- CreateTable
CREATE TABLE "org_unit" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "UnitKind" NOT NULL,
    "parent_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "org_unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "failed_login_count" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "role_assignment" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "unit_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "role_assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_agent" TEXT,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "process_definition" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "process_definition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "process_definition_version" (
    "id" UUID NOT NULL,
    "definition_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "DefinitionStatus" NOT NULL DEFAULT 'draft',
    "graph" JSONB NOT NULL,
    "content_hash" TEXT NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "process_definition_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "process_instance" (
    "id" UUID NOT NULL,
    "version_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "parent_id" UUID,
    "business_key" TEXT,
    "title" TEXT NOT NULL,
    "status" "InstanceStatus" NOT NULL DEFAULT 'running',
    "state" JSONB NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "started_by_id" UUID,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "process_instance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "instance_event" (
    "id" BIGSERIAL NOT NULL,
    "instance_id" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "actor_id" UUID,
    "idempotency_key" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "instance_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task" (
    "id" UUID NOT NULL,
    "instance_id" UUID NOT NULL,
    "engine_task_id" TEXT NOT NULL,
    "node_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'open',
    "assignee_id" UUID,
    "candidate_role" "Role",
    "candidate_unit_id" UUID,
    "form" JSONB,
    "due_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),
    "completed_by_id" UUID,

    CONSTRAINT "task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "timer" (
    "id" UUID NOT NULL,
    "instance_id" UUID NOT NULL,
    "engine_timer_id" TEXT NOT NULL,
    "fire_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "TimerStatus" NOT NULL DEFAULT 'scheduled',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "timer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pending_effect" (
    "id" UUID NOT NULL,
    "instance_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "status" "EffectStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "result" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pending_effect_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "actor_id" UUID,
    "action" TEXT NOT NULL,
    "subject" TEXT,
    "detail" JSONB,
    "ip" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "org_unit_code_key" ON "org_unit"("code");

-- CreateIndex
CREATE INDEX "org_unit_parent_id_idx" ON "org_unit"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"("username");

-- CreateIndex
CREATE INDEX "role_assignment_unit_id_role_idx" ON "role_assignment"("unit_id", "role");

-- CreateIndex
CREATE UNIQUE INDEX "role_assignment_user_id_role_unit_id_key" ON "role_assignment"("user_id", "role", "unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "session_token_hash_key" ON "session"("token_hash");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE INDEX "session_expires_at_idx" ON "session"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "process_definition_key_key" ON "process_definition"("key");

-- CreateIndex
CREATE UNIQUE INDEX "process_definition_version_definition_id_version_key" ON "process_definition_version"("definition_id", "version");

-- CreateIndex
CREATE INDEX "process_instance_unit_id_status_idx" ON "process_instance"("unit_id", "status");

-- CreateIndex
CREATE INDEX "process_instance_parent_id_idx" ON "process_instance"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "instance_event_instance_id_sequence_key" ON "instance_event"("instance_id", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "instance_event_instance_id_idempotency_key_key" ON "instance_event"("instance_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "task_status_assignee_id_idx" ON "task"("status", "assignee_id");

-- CreateIndex
CREATE INDEX "task_status_candidate_role_candidate_unit_id_idx" ON "task"("status", "candidate_role", "candidate_unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "task_instance_id_engine_task_id_key" ON "task"("instance_id", "engine_task_id");

-- CreateIndex
CREATE INDEX "timer_status_fire_at_idx" ON "timer"("status", "fire_at");

-- CreateIndex
CREATE UNIQUE INDEX "timer_instance_id_engine_timer_id_key" ON "timer"("instance_id", "engine_timer_id");

-- CreateIndex
CREATE UNIQUE INDEX "pending_effect_idempotency_key_key" ON "pending_effect"("idempotency_key");

-- CreateIndex
CREATE INDEX "pending_effect_status_next_attempt_at_idx" ON "pending_effect"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "audit_log_actor_id_at_idx" ON "audit_log"("actor_id", "at");

-- AddForeignKey
ALTER TABLE "org_unit" ADD CONSTRAINT "org_unit_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_assignment" ADD CONSTRAINT "role_assignment_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_assignment" ADD CONSTRAINT "role_assignment_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "process_definition_version" ADD CONSTRAINT "process_definition_version_definition_id_fkey" FOREIGN KEY ("definition_id") REFERENCES "process_definition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "process_instance" ADD CONSTRAINT "process_instance_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "process_definition_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "process_instance" ADD CONSTRAINT "process_instance_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "process_instance" ADD CONSTRAINT "process_instance_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "process_instance"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instance_event" ADD CONSTRAINT "instance_event_instance_id_fkey" FOREIGN KEY ("instance_id") REFERENCES "process_instance"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task" ADD CONSTRAINT "task_instance_id_fkey" FOREIGN KEY ("instance_id") REFERENCES "process_instance"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "timer" ADD CONSTRAINT "timer_instance_id_fkey" FOREIGN KEY ("instance_id") REFERENCES "process_instance"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pending_effect" ADD CONSTRAINT "pending_effect_instance_id_fkey" FOREIGN KEY ("instance_id") REFERENCES "process_instance"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


