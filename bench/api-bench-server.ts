// The server process of `npm run bench:api`: the product booted by the same code and from the same
// environment settings as `npm start` (api/server.ts: `bootProduct(loadConfig())`, run by node with
// tsx as its loader), in a process of its own, with the bench's clients in another. Beside it, what
// the bench asks over the IPC channel it opened (bench/api-bench-protocol.ts): start projects and
// complete assessments straight through the Orchestrator port, so that the engine-only baseline
// runs in this same process, and its CPU time and profile. None of it is reachable over HTTP.
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { bootProduct, type RunningProduct } from '../api/boot';
import { loadConfig } from '../api/config';
import { createPrismaClient, type Db } from '../api/db/prisma-client';
import { lifecycleTaskDataFor } from '../tests/fixtures/project-lifecycle-data';
import {
  byOfficer,
  type AssessTask,
  type BenchAnswer,
  type BenchReady,
  type BenchReply,
  type BenchRequest,
} from './api-bench-protocol';

/** Lanes that start projects through the port (setup, not measured). */
const setupLanes = 8;

/** Runs `work` over the items on `lanes` concurrent lanes. */
async function onLanes<T>(items: readonly T[], lanes: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

async function startProjects(
  product: RunningProduct,
  prisma: Db,
  request: Extract<BenchRequest, { kind: 'start' }>,
): Promise<AssessTask[]> {
  const starts = request.officerIds.flatMap((id) => Array.from({ length: request.perOfficer }, () => id));
  const tasks: AssessTask[] = [];
  await onLanes(starts, setupLanes, async (officerId) => {
    const { instanceId } = await product.orchestrator.start({
      versionId: request.versionId,
      unitId: request.unitId,
      title: `压测项目 ${randomUUID().slice(0, 8)}`,
      input: { projectName: '压测项目' },
      actor: { userId: officerId },
      idempotencyKey: randomUUID(),
    });
    const task = await prisma.task.findFirstOrThrow({
      where: { instanceId, nodeId: 'assess', status: 'open' },
    });
    tasks.push({ id: task.id, instanceId, engineTaskId: task.engineTaskId, officerId });
  });
  return tasks;
}

/** Each officer's assessments one after another, all officers at once, as the HTTP run sends them. */
async function completeThroughPort(product: RunningProduct, tasks: readonly AssessTask[]): Promise<number> {
  const data = lifecycleTaskDataFor('assess');
  const started = performance.now();
  await Promise.all(
    byOfficer(tasks).map(async (lane) => {
      for (const task of lane)
        await product.orchestrator.send(
          task.instanceId,
          { type: 'taskCompleted', taskId: task.engineTaskId, data },
          { userId: task.officerId },
          randomUUID(),
        );
    }),
  );
  return tasks.length / ((performance.now() - started) / 1000);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const product = await bootProduct(config);
  const prisma = createPrismaClient(config.databaseUrl!, 4);
  const profiler = new Session();
  profiler.connect();

  async function answer(request: BenchRequest): Promise<BenchAnswer> {
    switch (request.kind) {
      case 'start':
        return { kind: 'started', tasks: await startProjects(product, prisma, request) };
      case 'completeThroughPort':
        return { kind: 'completed', perSecond: await completeThroughPort(product, request.tasks) };
      case 'cpu': {
        const { user, system } = process.cpuUsage();
        return { kind: 'cpu', userMs: user / 1000, systemMs: system / 1000 };
      }
      case 'profileStart':
        await profiler.post('Profiler.enable');
        await profiler.post('Profiler.start');
        return { kind: 'profiling' };
      case 'profileStop': {
        const { profile } = await profiler.post('Profiler.stop');
        await writeFile(request.path, JSON.stringify(profile));
        return { kind: 'profiled', path: request.path };
      }
    }
  }

  process.on('message', (message: { seq: number; request: BenchRequest }) => {
    answer(message.request).then(
      (answered) => process.send!({ seq: message.seq, ok: true, answer: answered } satisfies BenchReply),
      (error: unknown) =>
        process.send!({
          seq: message.seq,
          ok: false,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        } satisfies BenchReply),
    );
  });
  // The bench ends by closing the channel: stop as `npm start` does on SIGTERM.
  process.on('disconnect', () => {
    void Promise.all([prisma.$disconnect(), product.close()]).then(() => process.exit(0));
  });
  process.send!({
    kind: 'ready',
    url: product.url,
    demoLogins: product.demoLogins.map(({ username, password }) => ({ username, password })),
  } satisfies BenchReady);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
