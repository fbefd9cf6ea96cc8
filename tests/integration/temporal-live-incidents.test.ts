import { randomUUID } from 'node:crypto';
import type { Orchestrator } from '../../api/orchestrator/orchestrator';
import type { InstanceState } from '../../workflows/engine';
import { publishDefinition } from '../support/runtime-fixtures';
import { describeLive } from '../support/temporal-live-env';
import {
  type BothRuntimes,
  projectionOf,
  settleTemporal,
  startBothRuntimes,
} from '../support/temporal-runtimes';

// Incidents (docs/incidents-and-events.md) on a real Temporal server and on the embedded runtime: an
// action that fails (payAllowance for a talent without a term, a failure no retry fixes) raises an
// incident; a retry runs it again and it fails again; resolving it by hand moves on to a gateway
// that cannot read an unset variable; a retry with the corrected variable routes on. Same rows.
jest.setTimeout(120_000);

const definition = {
  key: 'live-incidents',
  name: '异常（两种运行时）',
  variables: [{ name: 'score', type: 'number' }],
  nodes: [
    { id: 'start', kind: 'start', name: '开始' },
    {
      id: 'pay',
      kind: 'action',
      name: '发放',
      action: 'payAllowance',
      params: { talentId: '0b7e4c52-8a1d-4c39-9f0e-3d2a6b1c5e71', termYear: 1, asOf: '2027-03-01' },
    },
    { id: 'choose', kind: 'gateway', name: '选择' },
    { id: 'high', kind: 'end', name: '高', outcome: 'high' },
    { id: 'low', kind: 'end', name: '低', outcome: 'low' },
  ],
  edges: [
    { id: 'a', from: 'start', to: 'pay' },
    { id: 'b', from: 'pay', to: 'choose' },
    { id: 'toHigh', from: 'choose', to: 'high', condition: 'score >= 60' },
    { id: 'toLow', from: 'choose', to: 'low', default: true },
  ],
};

describeLive('incidents on Temporal and on the embedded runtime', (address) => {
  let rt: BothRuntimes;
  let versionId: string;

  beforeAll(async () => {
    rt = await startBothRuntimes(address);
    versionId = await publishDefinition(rt.db.db.url, definition);
  });
  afterAll(() => rt?.close());

  async function settledState(orchestrator: Orchestrator, instanceId: string): Promise<InstanceState> {
    if (orchestrator === rt.temporal) await settleTemporal(rt.client, instanceId);
    else await rt.embedded.scheduler.drain();
    const { rows } = await rt.pool.query<{ state: InstanceState }>(
      'SELECT state FROM process_instance WHERE id = $1',
      [instanceId],
    );
    return rows[0]!.state;
  }

  async function scenario(orchestrator: Orchestrator) {
    const operator = { userId: rt.db.users.zhanzhang! };
    const send = (instanceId: string, event: Parameters<Orchestrator['send']>[1]) =>
      orchestrator.send(instanceId, event, operator, randomUUID());
    const { instanceId } = await orchestrator.start({
      versionId,
      unitId: rt.db.stationId,
      title: 'incidents',
      input: {},
      actor: { userId: rt.db.users.shegong! },
      idempotencyKey: randomUUID(),
    });
    const failed = await settledState(orchestrator, instanceId);
    expect(failed.incidents?.['incident-1']).toMatchObject({ kind: 'action', status: 'open', attempts: 1 });
    await send(instanceId, { type: 'incidentRetried', incidentId: 'incident-1' });
    const failedAgain = await settledState(orchestrator, instanceId);
    expect(failedAgain.incidents?.['incident-1']).toMatchObject({ status: 'open', attempts: 2 });
    await send(instanceId, { type: 'incidentResolved', incidentId: 'incident-1', note: '已线下发放' });
    const atGateway = await settledState(orchestrator, instanceId);
    expect(atGateway.incidents?.['incident-2']).toMatchObject({ nodeId: 'choose', status: 'open' });
    await send(instanceId, { type: 'incidentRetried', incidentId: 'incident-2', variables: { score: 80 } });
    const done = await settledState(orchestrator, instanceId);
    expect(done).toMatchObject({ status: 'completed', outcome: 'high' });
    return { instanceId, incidents: done.incidents };
  }

  it('leaves the same events, incidents and instance rows on both runtimes', async () => {
    const onTemporal = await scenario(rt.temporal);
    const onEmbedded = await scenario(rt.embedded.orchestrator);
    const rows = await projectionOf(rt.pool, onTemporal.instanceId);
    expect(rows).toEqual(await projectionOf(rt.pool, onEmbedded.instanceId));
    expect(rows.events.map((event) => event.type)).toEqual([
      'started',
      'actionFailed',
      'incidentRetried',
      'actionFailed',
      'incidentResolved',
      'incidentRetried',
    ]);
    const withoutInstants = (incidents: InstanceState['incidents']) =>
      Object.values(incidents ?? {}).map(({ raisedAt, resolvedAt, lastRetry, resolvedBy, ...rest }) => ({
        ...rest,
        raised: typeof raisedAt,
        resolved: typeof resolvedAt,
        retriedBy: typeof lastRetry?.by,
        resolvedBy: typeof resolvedBy,
      }));
    expect(withoutInstants(onTemporal.incidents)).toEqual(withoutInstants(onEmbedded.incidents));
    expect(onTemporal.incidents?.['incident-1']).toMatchObject({
      resolution: 'resolved',
      note: '已线下发放',
      actionId: 'action-2',
    });
  });
});
