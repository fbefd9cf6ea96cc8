-- Indexes for the project list's filters and the dashboards (api/work/project-reads.ts,
-- api/dashboards/). schema.prisma cannot declare expression or partial indexes; the schema-drift
-- test knows these by name (tests/support/hand-made-indexes.ts). The expressions must stay exactly
-- those the queries use, or the planner cannot match them.

-- Filters and groups by the instance variables 服务领域 and 资金来源.
CREATE INDEX "process_instance_service_domain_idx" ON "process_instance" ((("state" -> 'variables') ->> 'serviceDomain'));
CREATE INDEX "process_instance_funding_source_idx" ON "process_instance" ((("state" -> 'variables') ->> 'fundingSource'));

-- The nodes a running instance waits at (current node and current stage filters: @> and ?|).
CREATE INDEX "process_instance_current_nodes_idx" ON "process_instance"
  USING gin (jsonb_path_query_array("state" -> 'tokens', '$.*.nodeId'));

-- Start-date ranges, and completions per month (only completed instances count).
CREATE INDEX "process_instance_started_at_idx" ON "process_instance" ("started_at");
CREATE INDEX "process_instance_completed_idx" ON "process_instance" ("ended_at") WHERE "status" = 'completed';

-- Overdue open tasks: the due dates of open tasks only.
CREATE INDEX "task_open_due_idx" ON "task" ("due_at") WHERE "status" = 'open' AND "due_at" IS NOT NULL;

-- Escalations: the escalation notices of an instance.
CREATE INDEX "notification_escalation_idx" ON "notification" ("instance_id") WHERE "template" = 'task.escalated';
