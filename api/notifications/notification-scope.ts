// Whose a notification is, as SQL the inbox queries embed. One addressed to a user is theirs. One
// addressed to a role at a unit reaches the holders of that role whose units it reaches, by the
// engine's candidacy rule (workflows/engine/nodes/task-access.ts, and api/work/work-scope.ts for
// tasks): `unit` the unit itself, `ancestors` the units above it as the instance fixed them when it
// started, `unitOrAncestors` both; without a unit, every holder of the role. The scope rides in the
// payload (activities/notifications.ts); a row without one was written before it did: `unit`, the
// engine's default. A reminder follows its task: the engine reminds a role task's candidates, but
// once someone has claimed (or done) the task, its reminder reaches that person alone.
import { Prisma } from '../../prisma/generated/client';
import type { Caller } from '../auth/caller';

/** The template of a 抄送 notice (the engine's notify effect of a copy). */
export const COPY_TEMPLATE = 'task.copied';

/** SQL over notification `n` joined to its instance `i`: the caller is a recipient. */
export function addressedTo(caller: Caller): Prisma.Sql {
  const roles = caller.assignments.map((a) => a.role);
  const units = caller.assignments.map((a) => a.unitId);
  const taker = Prisma.sql`(SELECT COALESCE(rt.assignee_id, rt.completed_by_id) FROM task rt
      WHERE rt.instance_id = n.instance_id AND rt.engine_task_id = n.payload ->> 'taskId')`;
  const remindsTaker = Prisma.sql`n.template = 'task.reminder' AND n.recipient_role IS NOT NULL`;
  return Prisma.sql`(n.recipient_user_id = ${caller.userId}::uuid
    OR (${remindsTaker} AND ${taker} = ${caller.userId}::uuid)
    OR (n.recipient_role IS NOT NULL AND NOT (${remindsTaker} AND ${taker} IS NOT NULL) AND EXISTS (
      SELECT 1 FROM unnest(${roles}::text[], ${units}::uuid[]) AS held(role, unit_id)
      WHERE n.recipient_role::text = held.role AND (
        n.recipient_unit_id IS NULL
        OR (COALESCE(n.payload ->> 'recipientScope', 'unit') IN ('unit', 'unitOrAncestors')
            AND held.unit_id = n.recipient_unit_id)
        OR (COALESCE(n.payload ->> 'recipientScope', 'unit') IN ('ancestors', 'unitOrAncestors')
            AND i.state -> 'unitAncestors' @> jsonb_build_array(held.unit_id::text))))))`;
}

/** SQL over notification `n`: the caller has not read it. */
export function unreadBy(caller: Caller): Prisma.Sql {
  return Prisma.sql`NOT EXISTS (SELECT 1 FROM notification_read r
      WHERE r.notification_id = n.id AND r.user_id = ${caller.userId}::uuid)`;
}
