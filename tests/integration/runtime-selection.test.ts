import { createOrchestrator } from '../../api/orchestrator/create-orchestrator';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('runtime selection', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('uses the embedded runtime when TEMPORAL_ADDRESS is unset', async () => {
    const orchestrator = await createOrchestrator({ temporalAddress: undefined }, db.url);
    expect(orchestrator.kind).toBe('embedded');
    await orchestrator.close();
  });

  it('uses Temporal when TEMPORAL_ADDRESS is set, and says so when it cannot connect', async () => {
    // Nothing listens on port 1: the Temporal adapter is chosen and its connection fails.
    await expect(createOrchestrator({ temporalAddress: '127.0.0.1:1' }, db.url, {})).rejects.toThrow(
      /cannot connect to Temporal at 127\.0\.0\.1:1/,
    );
  }, 60_000);
});
