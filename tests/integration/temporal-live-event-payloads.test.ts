import { randomUUID } from 'node:crypto';
import { type Orchestrator, OrchestratorError } from '../../api/orchestrator/orchestrator';
import { complaintDefinition } from '../fixtures/event-payload-definition';
import { publishDefinition } from '../support/runtime-fixtures';
import { describeLive } from '../support/temporal-live-env';
import {
  type BothRuntimes,
  projectionOf,
  settleTemporal,
  startBothRuntimes,
} from '../support/temporal-runtimes';

// An external event's declared payload (docs/incidents-and-events.md) is checked by the engine on a
// real Temporal server as on the embedded runtime: a payload that does not fit is refused alike,
// naming its fields, and writes nothing; one that fits leaves the same rows. Start input that does
// not fit its declarations is refused alike too, with the engine's reasons in English and Chinese.
jest.setTimeout(120_000);

describeLive('declared event payloads and start input on Temporal and on the embedded runtime', (address) => {
  let rt: BothRuntimes;
  let versionId: string;

  beforeAll(async () => {
    rt = await startBothRuntimes(address);
    versionId = await publishDefinition(rt.db.db.url, complaintDefinition('event-payload-live'));
  });
  afterAll(() => rt?.close());

  const settleOn = (orchestrator: Orchestrator, instanceId: string) =>
    orchestrator === rt.temporal ? settleTemporal(rt.client, instanceId) : rt.embedded.scheduler.drain();
  const supervisor = () => ({ userId: rt.db.users.zhanzhang! });

  async function scenario(orchestrator: Orchestrator): Promise<{ instanceId: string; refusal: string }> {
    const { instanceId } = await orchestrator.start({
      versionId,
      unitId: rt.db.stationId,
      title: 'event payload',
      input: {},
      actor: { userId: rt.db.users.shegong! },
      idempotencyKey: randomUUID(),
    });
    await settleOn(orchestrator, instanceId);
    const complain = (payload: unknown) =>
      orchestrator.send(
        instanceId,
        { type: 'external', name: 'complaintFiled', payload },
        supervisor(),
        randomUUID(),
      );
    const refusal = await complain({ severity: '轻微', households: 0 }).then(
      () => 'accepted',
      (error: unknown) =>
        error instanceof OrchestratorError
          ? `${error.code} ${error.details.map((d) => d.field).join()}`
          : String(error),
    );
    await complain({ summary: '楼道噪音扰民', severity: '严重', households: 3 });
    await settleOn(orchestrator, instanceId);
    return { instanceId, refusal };
  }

  it('refuses a payload that does not fit alike and records one that fits alike', async () => {
    const onTemporal = await scenario(rt.temporal);
    const onEmbedded = await scenario(rt.embedded.orchestrator);
    expect(onTemporal.refusal).toBe('PAYLOAD_INVALID summary,severity,households');
    expect(onEmbedded.refusal).toBe(onTemporal.refusal);
    const rows = await projectionOf(rt.pool, onTemporal.instanceId);
    expect(rows).toEqual(await projectionOf(rt.pool, onEmbedded.instanceId));
    expect(rows.events.map((event) => event.type)).toEqual(['started', 'external']);
    expect(rows.instance[0]).toMatchObject({
      variables: { complaints: [{ summary: '楼道噪音扰民', severity: '严重', households: 3 }] },
    });
  });

  it('refuses start input that does not fit alike, with the reasons in English and Chinese', async () => {
    const refusalOn = (orchestrator: Orchestrator) =>
      orchestrator
        .start({
          versionId,
          unitId: rt.db.stationId,
          title: 'bad input',
          input: { complaints: '无', stray: 1 },
          actor: { userId: rt.db.users.shegong! },
          idempotencyKey: randomUUID(),
        })
        .then(
          () => undefined,
          (error: unknown) => (error instanceof OrchestratorError ? [error.code, error.details] : error),
        );
    const onTemporal = await refusalOn(rt.temporal);
    expect(onTemporal).toEqual([
      'INPUT_INVALID',
      [
        { field: 'complaints', reason: 'expected list', reasonZh: '类型不正确，应为列表' },
        { field: 'stray', reason: 'not a declared variable', reasonZh: '不是流程声明的变量' },
      ],
    ]);
    expect(await refusalOn(rt.embedded.orchestrator)).toEqual(onTemporal);
  });
});
