import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatSimulation } from '../../../api/cli/simulation-summary';
import { builtInDefinitions, projectLifecycle, talentTerm } from '../../../workflows/definitions';
import { simulate, type TimedEvent } from '../../../workflows/engine';

const root = join(__dirname, '..', '..', '..');
const exampleEvents = (key: string) =>
  (
    JSON.parse(readFileSync(join(root, 'docs', 'engine', 'examples', `${key}.events.json`), 'utf8')) as {
      events: TimedEvent[];
    }
  ).events;

describe('the simulation summary', () => {
  it.each(Object.keys(builtInDefinitions))(
    'gives each event of the %s example one verdict line and its open tasks, then the outcome',
    (key) => {
      const definition = builtInDefinitions[key]!;
      const events = exampleEvents(key);
      const lines = formatSimulation(definition, simulate(definition, events)).trimEnd().split('\n');
      expect(lines[0]).toBe(`${key} (${definition.name}): ${events.length} events`);
      const verdicts = lines.filter((line) => /^ {0,2}\d+\. /.test(line));
      expect(verdicts).toHaveLength(events.length);
      verdicts.forEach((line, index) => {
        expect(line).toMatch(
          new RegExp(`^ *${index + 1}\\. ${events[index]!.at} {2}${events[index]!.event.type}`),
        );
        expect(line).toMatch(/: accepted$/);
      });
      expect(lines.filter((line) => line.startsWith('      open tasks: '))).toHaveLength(events.length);
      expect(lines.at(-1)).toMatch(
        new RegExp(
          `^Outcome: completed with outcome \\S+ at revision \\d+ \\(${events.length} accepted, 0 rejected\\)$`,
        ),
      );
    },
  );

  it('names each open task with its node, the node name and the assignee, and the timers waited on', () => {
    const events: TimedEvent[] = [
      {
        at: '2025-03-01T01:00:00.000Z',
        event: {
          type: 'started',
          input: { projectName: '银龄守护' },
          actor: { userId: 'officer-1' },
          unitId: 'station-1',
        },
      },
      {
        at: '2025-03-01T01:00:00.000Z',
        event: {
          type: 'taskCompleted',
          taskId: 'task-1',
          actor: { userId: 'officer-1' },
          data: {
            targetGroup: '辖区独居老人',
            serviceDomain: '为老服务',
            needsSummary: '独居老人缺乏日常探访与应急支持',
          },
        },
      },
    ];
    expect(formatSimulation(projectLifecycle, simulate(projectLifecycle, events))).toBe(
      [
        'project-lifecycle (社工站项目五阶段生命周期): 2 events',
        '  1. 2025-03-01T01:00:00.000Z  started by officer-1 in station-1: accepted',
        '      open tasks: task-1 assess (项目预估（需求评估）) → officer-1',
        '      waiting on: timer-1 (reminder) at 2025-03-15T01:00:00.000Z; timer-2 (escalation) at 2025-03-22T01:00:00.000Z',
        '  2. 2025-03-01T01:00:00.000Z  taskCompleted task-1 by officer-1: accepted',
        '      open tasks: task-2 headApproval (站长审批) → supervisor@station-1',
        '      waiting on: timer-3 (reminder) at 2025-03-08T01:00:00.000Z; timer-4 (escalation) at 2025-03-11T01:00:00.000Z',
        'Outcome: still running at revision 2 (2 accepted, 0 rejected)',
        '',
      ].join('\n'),
    );
  });

  it('shows a rejected event with its code, both messages and its field issues, and the tasks it left unchanged', () => {
    const [started] = exampleEvents('project-lifecycle');
    const summary = formatSimulation(
      projectLifecycle,
      simulate(projectLifecycle, [
        started!,
        { at: '2025-03-02T00:00:00Z', event: { type: 'timerFired', timerId: 'timer-99' } },
        {
          at: '2025-03-02T00:00:00Z',
          event: { type: 'taskCompleted', taskId: 'task-1', actor: { userId: 'officer-1' }, data: {} },
        },
      ]),
    );
    expect(summary).toMatch(/\n {2}3\. .* REJECTED FORM_INVALID: .+ \(.*needsSummary: [^;]+.*\)\n/);
    expect(summary).toMatch(
      /\n {2}2\. 2025-03-02T00:00:00Z {2}timerFired timer-99: REJECTED [A-Z_]+: [^/]+ \/ .+\n {6}open tasks: task-1 assess /,
    );
    expect(summary).toMatch(/\nOutcome: still running at revision 1 \(1 accepted, 2 rejected\)\n$/);
  });

  it('lists the actions the instance waits on, and says when nothing was accepted', () => {
    const [started, begun, ...rest] = exampleEvents('talent-term');
    const summary = formatSimulation(talentTerm, simulate(talentTerm, [started!, begun!]));
    expect(summary).toMatch(/\n {6}open tasks: none\n {6}waiting on: action-1 beginTerm \(running\)\n/);
    expect(summary).toMatch(/\n {6}open tasks: none\n {6}waiting on: timer-1 at \S+\n/);
    const nothing = formatSimulation(talentTerm, simulate(talentTerm, rest.slice(0, 1)));
    expect(nothing).toMatch(/REJECTED NOT_RUNNING: .*\nOutcome: not started \(0 accepted, 1 rejected\)\n$/);
  });
});
