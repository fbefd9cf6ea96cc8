// Turns what a caller sends into the engine event both runtimes apply: the actor comes from the
// session (never from the event) and carries the role assignments the database holds for them;
// a `started` event carries the ancestor path of the instance's unit. The engine decides task
// candidacy from these, so it needs no I/O and replaying the log decides the same again.
import type { Sql } from '../../activities/sql';
import { type Actor as EngineActor, type EngineEvent, ZEngineEvent } from '../../workflows/engine';
import { type Actor, type CommandEvent, OrchestratorError } from './orchestrator';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Events a person causes (task actions, operator corrections): the engine's schema gives them an actor. */
const eventsWithActor = new Set<string>(
  ZEngineEvent.options.filter((option) => 'actor' in option.shape).map((option) => option.shape.type.value),
);

/** The actor with every role assignment (role × unit) the database holds for them now. */
export async function resolveActor(sql: Sql, actor: Actor): Promise<EngineActor> {
  // A user id that is not a uuid names no user row (e.g. a test's made-up id): it holds no role.
  if (!UUID.test(actor.userId)) return { userId: actor.userId, assignments: [] };
  const { rows } = await sql.query<{ role: string; unitId: string }>({
    name: 'sgf_actor_assignments',
    text: `SELECT role::text AS role, unit_id::text AS "unitId" FROM role_assignment
           WHERE user_id = $1 ORDER BY role, unit_id`,
    values: [actor.userId],
  });
  return { userId: actor.userId, assignments: rows };
}

/**
 * The engine event for a sent command: any actor the caller put on the event is dropped (the
 * types forbid it; this holds at run time too) and events that name an actor get the resolved one.
 */
export async function eventFor(sql: Sql, event: CommandEvent, actor: Actor | null): Promise<EngineEvent> {
  const { actor: _dropped, ...rest } = event;
  if (!eventsWithActor.has(event.type)) return rest as EngineEvent;
  if (!actor)
    throw new OrchestratorError('ACTOR_REQUIRED', {
      zh: '此操作须有操作人',
      en: `a ${event.type} event needs an actor`,
    });
  return { ...rest, actor: await resolveActor(sql, actor) } as EngineEvent;
}

/** The units above `unitId`, nearest first. */
export async function unitAncestors(sql: Sql, unitId: string): Promise<string[]> {
  const missing = () =>
    new OrchestratorError('UNIT_NOT_FOUND', {
      zh: `机构 ${unitId} 不存在`,
      en: `org unit ${unitId} does not exist`,
    });
  if (!UUID.test(unitId)) throw missing();
  const { rows } = await sql.query<{ id: string; depth: number }>({
    name: 'sgf_unit_ancestors',
    text: `WITH RECURSIVE up(id, parent_id, depth) AS (
             SELECT id, parent_id, 0 FROM org_unit WHERE id = $1
             UNION ALL
             SELECT u.id, u.parent_id, up.depth + 1 FROM org_unit u JOIN up ON u.id = up.parent_id
           )
           SELECT id::text AS id, depth FROM up ORDER BY depth`,
    values: [unitId],
  });
  if (rows.length === 0) throw missing();
  return rows.slice(1).map((row) => row.id);
}

/**
 * The heads of these units that have an active one (unit id -> user id), for `unitHead` rules: a
 * disabled head is skipped, so the task goes to the unit's supervisors instead.
 */
export async function unitHeads(sql: Sql, unitIds: string[]): Promise<Record<string, string>> {
  const { rows } = await sql.query<{ unit_id: string; head_id: string }>({
    name: 'sgf_unit_heads',
    text: `SELECT u.id::text AS unit_id, u.head_id::text AS head_id
           FROM org_unit u JOIN app_user h ON h.id = u.head_id
           WHERE u.id = ANY($1::uuid[]) AND NOT h.disabled`,
    values: [unitIds],
  });
  return Object.fromEntries(rows.map((row) => [row.unit_id, row.head_id]));
}

/** The ancestor path of a unit and the heads along it, as a `started` event carries them. */
export async function unitPath(
  sql: Sql,
  unitId: string,
): Promise<{ unitAncestors: string[]; unitHeads: Record<string, string> }> {
  const ancestors = await unitAncestors(sql, unitId);
  return { unitAncestors: ancestors, unitHeads: await unitHeads(sql, [unitId, ...ancestors]) };
}

/** A `started` event stamped with its actor, the ancestor path of its unit and the heads along it. */
export async function startedEvent(
  sql: Sql,
  command: { input: Record<string, unknown>; actor: Actor; unitId: string },
): Promise<Extract<EngineEvent, { type: 'started' }>> {
  return {
    type: 'started',
    input: command.input,
    actor: { userId: command.actor.userId },
    unitId: command.unitId,
    ...(await unitPath(sql, command.unitId)),
  };
}
