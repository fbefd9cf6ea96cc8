// A task, project or attachment read by its id under the caller's scope runs on the keyed reader
// (api/db/prisma-client.ts), whose connections plan the statement once and keep the generic plan:
// PostgreSQL's own choice planned it anew on every run. pg_prepared_statements counts, per
// connection, how each named statement was planned; one connection per client makes it certain the
// counts read are those of the connection that ran the reads.
import {
  attachKeyedReader,
  createKeyedReader,
  createPrismaClient,
  keyedReader,
  type Db,
} from '../../api/db/prisma-client';
import type { Caller } from '../../api/auth/caller';
import { visibleProjectRow } from '../../api/work/project-reads';
import { visibleTask } from '../../api/work/task-inbox';
import { startTestServer, type TestServer } from '../support/test-server';
import { sessionCallerOf, startStationLifecycle } from './support/api-callers';

jest.setTimeout(120_000);

interface Planned {
  statement: string;
  generic_plans: bigint;
  custom_plans: bigint;
}

describe('keyed reads', () => {
  let server: TestServer;
  let client: Db;
  let reader: Db;
  let officer: Caller;
  let instanceId: string;
  let taskId: string;

  const plansOf = (db: Db, marker: string) =>
    db.$queryRaw<Planned[]>`SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements
      WHERE statement LIKE ${`%${marker}%`} AND statement NOT LIKE '%pg_prepared_statements%'`;

  beforeAll(async () => {
    server = await startTestServer();
    client = createPrismaClient(server.databaseUrl, 1);
    reader = createKeyedReader(server.databaseUrl, 1);
    attachKeyedReader(client, reader);
    officer = await sessionCallerOf(client, 'shegong');
    instanceId = await startStationLifecycle(server, client, officer.userId, '按编号读取');
    taskId = (await client.task.findFirstOrThrow({ where: { instanceId, nodeId: 'assess' } })).id;
  });
  afterAll(async () => {
    await Promise.all([client.$disconnect(), reader.$disconnect()]);
    await server.close();
  });

  it('reads a task by its id on the reader, under one generic plan from the first run on', async () => {
    for (let run = 0; run < 8; run++) {
      const { row, candidate } = await visibleTask(client, officer, taskId);
      expect([row.id, row.node_id, candidate]).toEqual([taskId, 'assess', false]);
    }
    const [planned, ...others] = await plansOf(reader, 'AS candidate');
    expect(others).toEqual([]);
    expect([planned?.generic_plans, planned?.custom_plans]).toEqual([8n, 0n]);
    // The client's own connection never ran it.
    expect(await plansOf(client, 'AS candidate')).toEqual([]);
  });

  it('reads a project by its id on the reader too', async () => {
    for (let run = 0; run < 3; run++)
      expect((await visibleProjectRow(client, officer, instanceId)).id).toBe(instanceId);
    const planned = await plansOf(reader, 'i.id = $1::uuid');
    expect(planned.map((p) => [p.generic_plans, p.custom_plans])).toEqual([[3n, 0n]]);
  });

  it('stays in a transaction, whose reads must see its own writes', async () => {
    await client
      .$transaction(async (tx) => {
        expect(keyedReader(tx)).toBe(tx);
        await tx.$executeRaw`UPDATE process_instance SET title = '事务中改名' WHERE id = ${instanceId}::uuid`;
        expect((await visibleProjectRow(tx, officer, instanceId)).title).toBe('事务中改名');
        throw new Error('roll back');
      })
      .catch((error: Error) => expect(error.message).toBe('roll back'));
    expect((await visibleProjectRow(client, officer, instanceId)).title).toBe('按编号读取');
  });

  it('leaves a client without a reader reading on its own connections', async () => {
    const plain = createPrismaClient(server.databaseUrl, 1);
    try {
      expect(keyedReader(plain)).toBe(plain);
      expect((await visibleTask(plain, officer, taskId)).row.id).toBe(taskId);
    } finally {
      await plain.$disconnect();
    }
  });
});
