// Drives a documented example (docs/engine/examples/<key>.events.json) through an Orchestrator the
// way people would: the people's events are sent, the system's events (timers, action results,
// child completions) are left to the runtime, which produces its own. Example actors become users
// of the test database with the role assignments the example gives them.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';
import type { CommandEvent, CommandResult, Orchestrator } from '../../api/orchestrator/orchestrator';
import type { EngineEvent } from '../../workflows/engine';

interface ExampleActor {
  userId: string;
  assignments?: Array<{ role: string; unitId: string }>;
}

export type ExampleEvent = EngineEvent & { actor?: ExampleActor };

export function loadExample(key: string): ExampleEvent[] {
  const file = join(__dirname, '..', '..', 'docs', 'engine', 'examples', `${key}.events.json`);
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as
    { events: Array<{ event: ExampleEvent }> } | Array<{ event: ExampleEvent }>;
  return (Array.isArray(parsed) ? parsed : parsed.events).map((entry) => entry.event);
}

const systemEvents = new Set(['timerFired', 'actionCompleted', 'actionFailed', 'childCompleted']);

/** Example user ids → test users: the starter is `starterId`, others are created with their assignments. */
export async function exampleUsers(
  pool: Pool,
  events: ExampleEvent[],
  units: Record<string, string>,
  starterId: string,
): Promise<Map<string, string>> {
  const users = new Map<string, string>();
  const started = events.find((event) => event.type === 'started');
  if (started?.actor) users.set(started.actor.userId, starterId);
  for (const event of events) {
    const actor = event.actor;
    if (!actor || users.has(actor.userId)) continue;
    if (!actor.assignments?.length) {
      users.set(actor.userId, starterId);
      continue;
    }
    const id = randomUUID();
    await pool.query(
      `INSERT INTO app_user (id, username, display_name, password_hash) VALUES ($1, $2, $2, 'not-a-hash')`,
      [id, `${actor.userId}-${id.slice(0, 8)}`],
    );
    for (const assignment of actor.assignments) {
      const unitId = units[assignment.unitId];
      if (!unitId) throw new Error(`example unit ${assignment.unitId} has no test unit`);
      await pool.query(
        `INSERT INTO role_assignment (id, user_id, role, unit_id) VALUES (gen_random_uuid(), $1, $2::"Role", $3)`,
        [id, assignment.role, unitId],
      );
    }
    users.set(actor.userId, id);
  }
  return users;
}

export interface DriveOptions {
  orchestrator: Orchestrator;
  versionId: string;
  unitId: string;
  users: Map<string, string>;
  /** Waits until the runtime has carried out everything the last command caused. */
  settle: (instanceId: string) => Promise<void>;
  title?: string;
  /** How long to wait for a task to open (timers with second-scale durations); 0 stops at once. */
  patienceMs?: number;
  /** Called after each accepted `send`, e.g. to repeat it later as a duplicate. */
  onSent?: (
    instanceId: string,
    sent: { event: CommandEvent; actor: { userId: string } | null; key: string },
    result: CommandResult,
  ) => Promise<void>;
}

async function taskOpens(options: DriveOptions, instanceId: string, taskId: string): Promise<boolean> {
  const deadline = Date.now() + (options.patienceMs ?? 0);
  for (;;) {
    const open = await options.orchestrator.listOpenTasks({ instanceId });
    if (open.some((task) => task.engineTaskId === taskId)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 200));
    await options.settle(instanceId);
  }
}

/**
 * Sends the example's people events in order until one names a task that is not open (the
 * runtime waits on a timer or on work the example's system events stand in for). Returns the
 * instance and how many example events were sent.
 */
export async function driveExample(events: ExampleEvent[], options: DriveOptions) {
  const { orchestrator, users } = options;
  const [started, ...rest] = events;
  if (started?.type !== 'started') throw new Error('an example starts with `started`');
  const userOf = (actor: ExampleActor | undefined) => {
    const id = actor && users.get(actor.userId);
    if (!id) throw new Error(`example actor ${actor?.userId} has no test user`);
    return { userId: id };
  };
  const { instanceId } = await orchestrator.start({
    versionId: options.versionId,
    unitId: options.unitId,
    title: options.title ?? 'example',
    input: started.input ?? {},
    actor: userOf(started.actor),
    idempotencyKey: randomUUID(),
  });
  let sent = 1;
  for (const event of rest) {
    if (systemEvents.has(event.type)) continue;
    await options.settle(instanceId);
    if (event.type === 'cancelled') {
      await orchestrator.cancel(instanceId, userOf(event.actor), event.reason ?? '', randomUUID());
    } else {
      const taskId = 'taskId' in event ? event.taskId : undefined;
      if (taskId && !(await taskOpens(options, instanceId, taskId))) break;
      const { actor, ...withoutActor } = event;
      const command = {
        event: withoutActor as CommandEvent,
        actor: actor ? userOf(actor) : null,
        key: randomUUID(),
      };
      const result = await orchestrator.send(instanceId, command.event, command.actor, command.key);
      await options.onSent?.(instanceId, command, result);
    }
    sent += 1;
  }
  await options.settle(instanceId);
  return { instanceId, sent };
}
