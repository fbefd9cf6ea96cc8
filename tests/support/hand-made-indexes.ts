// Indexes the migrations make that schema.prisma cannot declare (partial indexes). The schema-drift
// test leaves them out of the comparison with schema.prisma and checks them here instead, exactly.
export const handMadeIndexes = [
  'CREATE INDEX pending_effect_runnable_idx ON public.pending_effect USING btree (next_attempt_at) WHERE (status = ANY (ARRAY[\'pending\'::"EffectStatus", \'running\'::"EffectStatus"]))',
  'CREATE INDEX process_instance_due_idx ON public.process_instance USING btree (next_due_at) WHERE (next_due_at IS NOT NULL)',
  'CREATE INDEX task_open_by_assignee_idx ON public.task USING btree (assignee_id) WHERE (status = \'open\'::"TaskStatus")',
  'CREATE INDEX task_open_by_candidate_idx ON public.task USING btree (candidate_role, candidate_unit_id) WHERE (status = \'open\'::"TaskStatus")',
];
