// The commands the crash test's load generator sends to a runtime (a killable child process, or
// the restarted runtime in the test process) and the reply that acknowledges each.
import type { Actor, Orchestrator } from '../../api/orchestrator/orchestrator';

export type CrashCommand =
  | { id: number; op: 'start'; ticket: string; key: string }
  | { id: number; op: 'complete'; instanceId: string; taskId: string; key: string };

/** Sent only once the runtime acknowledged the command: its instance and open engine task ids. */
export interface CrashReply {
  id: number;
  instanceId: string;
  taskIds: string[];
}

export interface CrashTarget {
  orchestrator: Orchestrator;
  versionId: string;
  unitId: string;
  actor: Actor;
}

export async function runCrashCommand(target: CrashTarget, command: CrashCommand): Promise<CrashReply> {
  const { orchestrator, actor } = target;
  const result =
    command.op === 'start'
      ? await orchestrator.start({
          versionId: target.versionId,
          unitId: target.unitId,
          title: `drill ${command.ticket}`,
          businessKey: command.ticket,
          input: { ticket: command.ticket },
          actor,
          idempotencyKey: command.key,
        })
      : await orchestrator.send(
          command.instanceId,
          { type: 'taskCompleted', taskId: command.taskId, data: { note: 'x' } },
          actor,
          command.key,
        );
  const tasks = await orchestrator.listOpenTasks({ instanceId: result.instanceId });
  return { id: command.id, instanceId: result.instanceId, taskIds: tasks.map((t) => t.engineTaskId) };
}
