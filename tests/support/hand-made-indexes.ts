// Indexes the migrations make that schema.prisma cannot declare (partial and expression indexes,
// and the plain start-date index made beside them in one migration). The schema-drift test leaves
// them out of the comparison with schema.prisma and checks them here instead, exactly.
export const handMadeIndexes = [
  "CREATE INDEX notification_escalation_idx ON public.notification USING btree (instance_id) WHERE (template = 'task.escalated'::text)",
  'CREATE INDEX pending_effect_parked_idx ON public.pending_effect USING btree (created_at) WHERE (status = ANY (ARRAY[\'failed\'::"EffectStatus", \'resolved\'::"EffectStatus"]))',
  'CREATE INDEX pending_effect_runnable_idx ON public.pending_effect USING btree (next_attempt_at) WHERE (status = ANY (ARRAY[\'pending\'::"EffectStatus", \'running\'::"EffectStatus"]))',
  'CREATE INDEX process_instance_completed_idx ON public.process_instance USING btree (ended_at) WHERE (status = \'completed\'::"InstanceStatus")',
  "CREATE INDEX process_instance_current_nodes_idx ON public.process_instance USING gin (jsonb_path_query_array((state -> 'tokens'::text), '$.*.\"nodeId\"'::jsonpath))",
  'CREATE INDEX process_instance_due_idx ON public.process_instance USING btree (next_due_at) WHERE (next_due_at IS NOT NULL)',
  "CREATE INDEX process_instance_funding_source_idx ON public.process_instance USING btree ((((state -> 'variables'::text) ->> 'fundingSource'::text)))",
  "CREATE INDEX process_instance_incidents_idx ON public.process_instance USING btree (unit_id) WHERE (state ? 'incidents'::text)",
  "CREATE INDEX process_instance_service_domain_idx ON public.process_instance USING btree ((((state -> 'variables'::text) ->> 'serviceDomain'::text)))",
  'CREATE INDEX process_instance_started_at_idx ON public.process_instance USING btree (started_at)',
  'CREATE INDEX task_candidates_idx ON public.task USING btree (candidate_role, candidate_unit_id, candidate_scope) INCLUDE (due_at, created_at, instance_id) WHERE ((status = \'open\'::"TaskStatus") AND (assignee_id IS NULL))',
  'CREATE INDEX task_completed_by_idx ON public.task USING btree (completed_by_id, completed_at) WHERE (status = \'completed\'::"TaskStatus")',
  'CREATE INDEX task_open_by_assignee_idx ON public.task USING btree (assignee_id) WHERE (status = \'open\'::"TaskStatus")',
  'CREATE INDEX task_open_due_idx ON public.task USING btree (due_at) WHERE ((status = \'open\'::"TaskStatus") AND (due_at IS NOT NULL))',
  'CREATE UNIQUE INDEX process_definition_version_one_draft_idx ON public.process_definition_version USING btree (definition_id) WHERE (status = \'draft\'::"DefinitionStatus")',
];
