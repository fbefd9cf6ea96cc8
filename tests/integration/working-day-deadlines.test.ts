// The embedded runtime counts a definition's working days (工作日) over the shipped holiday table,
// not Monday to Friday alone: a task due in one working day, opened on the eve of the 2026
// National Day holiday (1–7 October), falls due on 8 October, not on the 1st.
import { createPrismaClient } from '../../api/db/prisma-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { publishDefinition } from '../support/runtime-fixtures';

jest.setTimeout(120_000);

/** Wednesday 30 September 2026, 10:00 in Beijing. */
const EVE_OF_NATIONAL_DAY = new Date('2026-09-30T02:00:00.000Z');

const definition = {
  key: 'one-working-day',
  name: '一个工作日内办结',
  nodes: [
    { id: 'start', kind: 'start', name: '开始' },
    {
      id: 'reply',
      kind: 'userTask',
      name: '答复来函',
      assignee: { type: 'starter' },
      due: '1WD',
      form: [{ name: 'answer', label: '答复', type: 'text', required: true }],
    },
    { id: 'end', kind: 'end', name: '结束' },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'reply' },
    { id: 'e2', from: 'reply', to: 'end' },
  ],
};

describe('working-day deadlines on the embedded runtime', () => {
  let server: TestServer;
  // The clock stands at the eve of the holiday for the whole test.
  beforeAll(async () => {
    server = await startTestServer({ clock: () => new Date(EVE_OF_NATIONAL_DAY) });
  });
  afterAll(() => server?.close());

  it('skips the public holiday when it counts a working day', async () => {
    const versionId = await publishDefinition(server.databaseUrl, definition);
    const db = createPrismaClient(server.databaseUrl, 2);
    try {
      const user = await db.user.findUniqueOrThrow({ where: { username: 'shegong' } });
      const unit = await db.orgUnit.findUniqueOrThrow({ where: { code: 'LC-HJL' } });
      const { instanceId } = await server.orchestrator.start({
        versionId,
        unitId: unit.id,
        title: '国庆前的来函',
        input: {},
        actor: { userId: user.id },
        idempotencyKey: 'working-day-eve',
      });
      const task = await db.task.findFirstOrThrow({ where: { instanceId, nodeId: 'reply' } });
      // Monday to Friday alone would say Thursday 1 October.
      expect(task.dueAt?.toISOString()).toBe('2026-10-08T02:00:00.000Z');
    } finally {
      await db.$disconnect();
    }
  });
});
