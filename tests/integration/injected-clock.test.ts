// The embedded runtime's time is the clock bootProduct is given: the engine schedules from it,
// commands stamp it, and the scheduler fires a timer once that clock (not the wall clock) reaches
// it. Temporal keeps its own time and refuses such a clock rather than ignore it.
import { createOrchestrator } from '../../api/orchestrator/create-orchestrator';
import { createTestClock } from '../support/test-clock';
import { startTestServer, type TestServer } from '../support/test-server';
import {
  demoLogin,
  lifecycleProjectAtImplementation,
  signInApi,
  type ApiCall,
} from '../support/work-api-steps';

jest.setTimeout(120_000);

const DAY_MS = 24 * 3600_000;

interface ProjectView {
  startedAt: string;
  tasks: { nodeId: string; status: string; createdAt: string }[];
  timers: { nodeId: string; fireAt: string }[];
}

describe('an injected clock', () => {
  const clock = createTestClock();
  let server: TestServer;
  let officer: ApiCall;
  beforeAll(async () => {
    server = await startTestServer({ clock: clock.now });
    officer = await signInApi(server, demoLogin(server, 'shegong'));
  });
  afterAll(() => server?.close());

  const project = async (id: string) => (await officer('GET', `/api/projects/${id}`)).json as ProjectView;
  const monthlyReport = (view: ProjectView) =>
    view.tasks.find((task) => task.nodeId === 'monthlyReport' && task.status === 'open');

  it('schedules from the clock and fires the timer when the clock, not the wall clock, reaches it', async () => {
    // A year ahead of the wall clock: everything the runtime stamps from now on is that far ahead.
    clock.advance('P1Y');
    const id = await lifecycleProjectAtImplementation(server, '注入时钟下的项目');
    const before = await project(id);
    expect(Date.parse(before.startedAt) - Date.now()).toBeGreaterThan(360 * DAY_MS);
    const cycle = before.timers.find((timer) => timer.nodeId === 'monitorCycle')!;
    expect(Date.parse(cycle.fireAt) - Date.parse(before.startedAt)).toBeGreaterThan(27 * DAY_MS);

    // A few of the scheduler's polls: the timer stays unfired while its time has not come.
    await new Promise((done) => setTimeout(done, 1500));
    expect(monthlyReport(await project(id))).toBeUndefined();

    clock.advance('P1M');
    let report: ProjectView['tasks'][number] | undefined;
    for (let poll = 0; poll < 40 && !report; poll += 1) {
      await new Promise((done) => setTimeout(done, 250));
      report = monthlyReport(await project(id));
    }
    expect(report).toBeDefined();
    expect(Date.parse(report!.createdAt)).toBeGreaterThanOrEqual(Date.parse(cycle.fireAt));
  });

  it('only moves forward', () => {
    expect(() => clock.advance('PT0S')).toThrow(/cannot add PT0S/);
    expect(() => clock.advance('-P1D')).toThrow(/cannot add -P1D/);
  });

  it('is refused by the Temporal runtime, whose timers run on its own time', async () => {
    await expect(
      createOrchestrator({ temporalAddress: '127.0.0.1:1' }, 'postgresql://unused', {}, { clock: clock.now }),
    ).rejects.toThrow(/embedded runtime only/);
  });
});
