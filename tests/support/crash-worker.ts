// Child process of the crash test: runs the embedded runtime (scheduler included) under load and
// prints `ACK <instanceId> <idempotencyKey>` for every command the runtime acknowledged. It never
// stops by itself; the test kills it with SIGKILL.
import { randomUUID } from 'node:crypto';
import { createEmbeddedOrchestrator } from '../../api/orchestrator/embedded-orchestrator';

const { DATABASE_URL, VERSION_ID, UNIT_ID, USER_ID } = process.env;
if (!DATABASE_URL || !VERSION_ID || !UNIT_ID || !USER_ID)
  throw new Error('crash worker needs its environment');

const { orchestrator } = createEmbeddedOrchestrator({
  databaseUrl: DATABASE_URL,
  runScheduler: true,
  scheduler: { pollMs: 5, leaseMs: 500 },
});
const actor = { userId: USER_ID };

async function oneInstance(): Promise<void> {
  const startKey = randomUUID();
  const { instanceId } = await orchestrator.start({
    versionId: VERSION_ID!,
    unitId: UNIT_ID!,
    title: 'drill',
    input: {},
    actor,
    idempotencyKey: startKey,
  });
  process.stdout.write(`ACK ${instanceId} ${startKey}\n`);
  const [task] = await orchestrator.listOpenTasks({ instanceId });
  const key = randomUUID();
  await orchestrator.send(
    instanceId,
    { type: 'taskCompleted', taskId: task!.engineTaskId, actor, data: { note: 'x' } },
    actor,
    key,
  );
  process.stdout.write(`ACK ${instanceId} ${key}\n`);
}

async function lane(): Promise<never> {
  for (;;) await oneInstance();
}

process.stdout.write('READY\n');
void Promise.all([lane(), lane(), lane(), lane()]);
