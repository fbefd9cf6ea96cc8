// The task inbox's first page and tab counts read their partial indexes (migration
// 20261123075000) and the seat-group index (20261128010000): the statements the inbox runs,
// EXPLAINed with sequential scans forbidden (a handful of rows never needs an index; forbidding
// them shows whether one fits).
import { randomUUID } from 'node:crypto';
import { createPrismaClient, type Db } from '../../api/db/prisma-client';
import { tabCountsSql, taskPageSql } from '../../api/work/task-inbox';
import type { Prisma } from '../../prisma/generated/client';
import { lifecycleTaskDataFor } from '../fixtures/project-lifecycle-data';
import { startTestServer, type TestServer } from '../support/test-server';
import { sessionCallerOf, startStationLifecycle } from './support/api-callers';

jest.setTimeout(120_000);

describe('inbox queries', () => {
  let server: TestServer;
  let prisma: Db;

  const callerOf = (username: string) => sessionCallerOf(prisma, username);

  async function planOf(sql: Prisma.Sql): Promise<string> {
    const plan = await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      return tx.$queryRaw<{ 'QUERY PLAN': string }[]>`EXPLAIN ${sql}`;
    });
    return plan.map((line) => line['QUERY PLAN']).join('\n');
  }

  beforeAll(async () => {
    server = await startTestServer();
    prisma = createPrismaClient(server.databaseUrl, 2);
    // The station's officer starts a project and completes its assessment: the station head's
    // approval waits among his candidates, the assessment among the officer's done tasks.
    const officer = await callerOf('shegong');
    const instanceId = await startStationLifecycle(server, prisma, officer.userId, '收件箱索引');
    const assess = await prisma.task.findFirstOrThrow({ where: { instanceId, nodeId: 'assess' } });
    await server.orchestrator.send(
      instanceId,
      { type: 'taskCompleted', taskId: assess.engineTaskId, data: lifecycleTaskDataFor('assess') },
      { userId: officer.userId },
      randomUUID(),
    );
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await server.close();
  });

  it('counts the three tabs in one statement, each through its own index', async () => {
    const head = await callerOf('zhanzhang');
    const plan = await planOf(tabCountsSql(head));
    expect(plan).toContain('task_open_by_assignee_idx');
    expect(plan).toContain('task_candidates_idx');
    expect(plan).toContain('task_completed_by_idx');
    // Whether another seat of the same approval stands for a candidate: one look-up per candidate.
    expect(plan).toContain('task_seat_group_idx');
    const [counts] = await prisma.$queryRaw<{ mine: number; candidates: number; done: number }[]>(
      tabCountsSql(head),
    );
    expect(counts).toEqual({ mine: 0, candidates: 1, done: 0 });
    const [officers] = await prisma.$queryRaw<{ mine: number; candidates: number; done: number }[]>(
      tabCountsSql(await callerOf('shegong')),
    );
    expect(officers).toEqual({ mine: 0, candidates: 0, done: 1 });
  });

  it.each([
    ['zhanzhang', 'candidates', 'due', 'task_candidates_idx'],
    ['zhanzhang', 'candidates', '-created', 'task_candidates_idx'],
    ['shegong', 'done', 'due', 'task_completed_by_idx'],
  ] as const)('chooses %s’s first %s page (sorted by %s) through %s', async (username, view, sort, index) => {
    expect(await planOf(taskPageSql(await callerOf(username), { view, sort, limit: 20 }))).toContain(index);
  });

  it('asks about each candidate’s other seats through the seat-group index', async () => {
    const page = { view: 'candidates', sort: 'due', limit: 20 } as const;
    expect(await planOf(taskPageSql(await callerOf('zhanzhang'), page))).toContain('task_seat_group_idx');
  });
});
