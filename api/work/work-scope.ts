// Who sees which projects and tasks, as SQL the list and detail queries embed. Content comes from
// the content roles (officer, supervisor) over their unit subtrees; anyone else sees a project only
// while they take part in it: a task of it is assigned to them, was completed by them, or waits for
// a role they hold at a unit its rule reaches (a committee member scoring an evaluation reads the
// project's forms), or it was copied to them (抄送). Candidacy mirrors the engine's rule (workflows/engine/nodes/task-access.ts)
// over the ancestors the instance fixed when it started, so the inbox lists exactly the tasks the
// engine will accept from the caller.
import { Prisma } from '../../prisma/generated/client';
import type { Caller } from '../auth/caller';
import { addressedTo, COPY_TEMPLATE } from '../notifications/notification-scope';
import { TALENT_PROCESS_KEYS } from '../../workflows/definitions';
import { contentRoots, unitsWithin } from '../policy/unit-scope';

/**
 * SQL over task `t`: an open, unclaimed task the caller may take. One branch per role assignment
 * (a caller holds a few), each an equality on the role, so the inbox reads the candidates' partial
 * index (task_candidates_idx) instead of every open task; the instance's ancestor path is read
 * only for a task whose unit is not the assignment's own.
 */
export function candidateFor(caller: Caller): Prisma.Sql {
  const branches = caller.assignments.map(
    ({ role, unitId }) => Prisma.sql`(t.candidate_role = ${role}::"Role" AND (
        t.candidate_unit_id IS NULL
        OR (t.candidate_scope IN ('unit', 'unitOrAncestors') AND t.candidate_unit_id = ${unitId}::uuid)
        OR (t.candidate_scope IN ('ancestors', 'unitOrAncestors') AND EXISTS (
          SELECT 1 FROM process_instance ci WHERE ci.id = t.instance_id
            AND ci.state -> 'unitAncestors' @> jsonb_build_array(${unitId}::text)))))`,
  );
  const held = branches.length ? Prisma.join(branches, ' OR ') : Prisma.sql`FALSE`;
  return Prisma.sql`(t.status = 'open' AND t.assignee_id IS NULL AND (${held}))`;
}

/** SQL over task `t` / instance `i`: the caller takes part in the task. */
function participates(caller: Caller): Prisma.Sql {
  return Prisma.sql`(t.assignee_id = ${caller.userId}::uuid OR t.completed_by_id = ${caller.userId}::uuid
    OR ${candidateFor(caller)})`;
}

/** SQL over instance `i`: not a process of the talent area, which the projects area leaves out. */
export const projectsAreaProcess = Prisma.sql`NOT EXISTS (
    SELECT 1 FROM process_definition_version pv JOIN process_definition pd ON pd.id = pv.definition_id
    WHERE pv.id = i.version_id AND pd.key IN (${Prisma.join([...TALENT_PROCESS_KEYS])}))`;

/** SQL over instance `i`: the caller may see the project (a 抄送 recipient takes part, read-only). */
export function projectVisibleTo(caller: Caller): Prisma.Sql {
  const roots = contentRoots(caller);
  // A supervisor's subtree holds the county's talent rounds and terms too: those are the talent
  // roles' (a centre supervisor once read a term's misconduct findings and ended the term).
  const inSubtree = roots.length
    ? Prisma.sql`(i.unit_id IN ${unitsWithin(roots)} AND ${projectsAreaProcess})`
    : Prisma.sql`FALSE`;
  return Prisma.sql`(${inSubtree} OR EXISTS (
      SELECT 1 FROM task t WHERE t.instance_id = i.id AND ${participates(caller)})
    OR EXISTS (SELECT 1 FROM notification n WHERE n.instance_id = i.id AND n.template = ${COPY_TEMPLATE}
      AND ${addressedTo(caller)}))`;
}
