// Whether a proxy could hold the tasks of the person away, decided when the period is set by the
// engine's own hand-over rule (workflows/engine/task-eligibility.ts), so a period the sweeper would
// later fail to apply is refused at once, naming `proxyUserId`. Rules: docs/proxies.md.
import { Prisma } from '../../prisma/generated/client';
import { mayTakeOver, type ResolvedAssignee, unitLineOf } from '../../workflows/engine';
import type { DbClient } from '../db/prisma-client';
import type { FieldError } from '../http/app-error';
import { WORKBENCH_ROLES } from '../policy/unit-scope';

/**
 * Open tasks `t` of running instances `i` that a period moves from `principal`: assigned to them or
 * claimed by them (both have them as the row's assignee), and not delegated (委派) either way.
 */
export function movableTasksOf(principal: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`t.status = 'open' AND t.assignee_id = ${principal}
    AND i.id = t.instance_id AND i.status = 'running'
    AND i.state -> 'tasks' -> t.engine_task_id ->> 'delegatedBy' IS NULL`;
}

interface Assignment {
  role: string;
  unitId: string;
}

/** The principal's units, each with the line the engine reads for a project started there. */
function principalUnits(db: DbClient, principalId: string) {
  return db.$queryRaw<{ name: string; line: string[] }[]>`
    WITH RECURSIVE up(base, id, parent_id, depth) AS (
      SELECT o.id, o.id, o.parent_id, 0 FROM org_unit o
      WHERE o.id IN (SELECT unit_id FROM role_assignment WHERE user_id = ${principalId}::uuid)
      UNION ALL
      SELECT up.base, u.id, u.parent_id, up.depth + 1 FROM org_unit u JOIN up ON u.id = up.parent_id
    )
    SELECT b.name, array_agg(up.id::text ORDER BY up.depth) AS line
    FROM up JOIN org_unit b ON b.id = up.base GROUP BY b.id, b.name ORDER BY b.name`;
}

/** The tasks the period would move now, with what the engine reads to decide each move. */
function movableTasks(db: DbClient, principalId: string) {
  return db.$queryRaw<
    {
      task_name: string;
      title: string;
      assignee: ResolvedAssignee | null;
      unit_id: string | null;
      ancestors: string[] | null;
    }[]
  >`
    SELECT t.name AS task_name, i.title, i.state -> 'tasks' -> t.engine_task_id -> 'assignee' AS assignee,
      i.state ->> 'unitId' AS unit_id, i.state -> 'unitAncestors' AS ancestors
    FROM task t, process_instance i
    WHERE ${movableTasksOf(Prisma.sql`${principalId}::uuid`)}
    ORDER BY t.created_at LIMIT 500`;
}

/**
 * Why `proxyId` could not hold `principalId`'s tasks, as field errors on `proxyUserId` (none: they
 * can). Two questions, both by the engine's rule: could they take a task assigned to the person in
 * a project of each unit the person works at (any role at that unit or above it); and could they
 * take each task the period would move now (a claimed approval needs its role there).
 */
export async function proxyEligibilityProblems(
  db: DbClient,
  principalId: string,
  proxyId: string,
): Promise<FieldError[]> {
  // Only the roles with a 工作台 count: an admin or selection-office account could not open the tasks.
  const assignments = await db.$queryRaw<Assignment[]>`
    SELECT role::text AS role, unit_id::text AS "unitId" FROM role_assignment
    WHERE user_id = ${proxyId}::uuid AND role::text = ANY(${[...WORKBENCH_ROLES]}::text[])`;
  if (assignments.length === 0)
    return [
      {
        field: 'proxyUserId',
        reason: 'the proxy has no task inbox (an officer, supervisor or committee member is needed)',
        reasonZh: '代理人没有工作台，不能办理待办（须为项目社工、站长/督导或评审专家）',
      },
    ];
  const problems: FieldError[] = [];
  for (const unit of await principalUnits(db, principalId))
    if (!mayTakeOver(assignments, { type: 'user', userId: principalId }, unit.line))
      problems.push({
        field: 'proxyUserId',
        reason: `the proxy holds no role at ${unit.name} or a unit above it, so could not take this person's tasks there`,
        reasonZh: `代理人在「${unit.name}」及其上级机构均未任职，不能办理此人在该机构的待办`,
      });
  if (problems.length > 0) return problems;
  for (const task of await movableTasks(db, principalId)) {
    const line = unitLineOf({
      ...(task.unit_id === null ? {} : { unitId: task.unit_id }),
      ...(task.ancestors === null ? {} : { unitAncestors: task.ancestors }),
    });
    if (task.assignee && !mayTakeOver(assignments, task.assignee, line))
      problems.push({
        field: 'proxyUserId',
        reason: `the proxy could not take the open task "${task.task_name}" of "${task.title}": it needs ${task.assignee.type === 'role' ? `the role ${task.assignee.role}` : 'a role'} at the project's unit or above it`,
        reasonZh: `代理人不能办理此人手上的待办「${task.task_name}」（项目「${task.title}」）：须在项目所属机构或其上级机构担任该待办所需的角色`,
      });
  }
  return problems;
}
