// One dry run in the browser: the script stepped so far (the only state kept; the trace, the allowed
// events and the canvas marks are derived from it by the engine's own `simulate`), the simulated
// clock, and the engine's rejection of the last attempt. No server round-trip per step.
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessDefinition } from '../../../../workflows/engine/definition-schema.js';
import type { Effect } from '../../../../workflows/engine/engine-events.js';
import { initialState, type InstanceState } from '../../../../workflows/engine/instance-state.js';
import { step } from '../../../../workflows/engine/interpreter.js';
import type { Rejection } from '../../../../workflows/engine/localized-message.js';
import { simulate, type Simulation, type TimedEvent } from '../../../../workflows/engine/simulate.js';
import {
  allowedEvents,
  eventOf,
  type DryRunAnswer,
  type DryRunChoice,
  type SampleWording,
} from './allowed-events.js';
import { withFieldReasons } from './dry-run-texts.js';
import { highlightsOf, type Highlights } from './trace-highlights.js';

/** The clock starts at the minute the dry run opened; events are stamped with it. */
function startingClock(): string {
  const now = new Date();
  now.setUTCSeconds(0, 0);
  return now.toISOString();
}

const latest = (clock: string, script: readonly TimedEvent[]) =>
  script.reduce((last, { at }) => (new Date(at) > new Date(last) ? new Date(at).toISOString() : last), clock);

export type DryRun = {
  script: readonly TimedEvent[];
  simulation: Simulation;
  choices: DryRunChoice[];
  highlights: Highlights;
  /** The state each step of the trace met (a refused step leaves it as it was). */
  befores: InstanceState[];
  /** The last step the engine accepted: its effects and the states it went from and to. */
  lastStep: { effects: Effect[]; before: InstanceState; after: InstanceState } | undefined;
  clock: string;
  /** The engine's refusal of the last attempt, until the next one. */
  rejection: Rejection | null;
  act: (choice: DryRunChoice, answer: DryRunAnswer) => boolean;
  advanceClock: (milliseconds: number) => void;
  restart: () => void;
  /** Replays the script up to and with step `index` (0-based). */
  backTo: (index: number) => void;
  replay: (script: TimedEvent[]) => void;
};

export function useDryRun(definition: ProcessDefinition): DryRun {
  const [opened] = useState(startingClock);
  const [script, setScript] = useState<TimedEvent[]>([]);
  const [clock, setClock] = useState(opened);
  const [rejection, setRejection] = useState<Rejection | null>(null);
  const simulation = useMemo(() => simulate(definition, script), [definition, script]);
  const { t } = useTranslation();
  // Sample texts in the interface's language (Sample 项目名称 in English), Chinese by default.
  const wording = useMemo<SampleWording>(
    () => ({
      named: (label) => t('designer.dryRunSamples.named', { label }),
      filler: t('designer.dryRunSamples.filler'),
    }),
    [t],
  );
  const choices = useMemo(
    () => allowedEvents(definition, simulation.final, clock, wording),
    [definition, simulation, clock, wording],
  );
  const highlights = useMemo(() => highlightsOf(definition, simulation.trace), [definition, simulation]);
  const befores = useMemo(() => {
    const states: InstanceState[] = [];
    simulation.trace.reduce((before, entry) => {
      states.push(before);
      return entry.ok && entry.state ? entry.state : before;
    }, initialState());
    return states;
  }, [simulation]);
  const lastStep = useMemo(() => {
    const index = simulation.trace.findLastIndex((entry) => entry.ok);
    const entry = simulation.trace[index];
    const before = befores[index];
    return entry?.state && before ? { effects: entry.effects ?? [], before, after: entry.state } : undefined;
  }, [simulation, befores]);

  const act = useCallback(
    (choice: DryRunChoice, answer: DryRunAnswer) => {
      const timed = eventOf(choice, answer, clock);
      const result = step(definition, simulation.final, timed.event, timed.at);
      if (!result.ok) {
        const data =
          'data' in timed.event ? timed.event.data : 'payload' in timed.event ? timed.event.payload : {};
        setRejection(withFieldReasons(result.rejection, definition, choice, data));
        return false;
      }
      setRejection(null);
      setScript([...script, timed]);
      setClock(timed.at);
      return true;
    },
    [definition, simulation, script, clock],
  );
  const replay = useCallback(
    (next: TimedEvent[]) => {
      setRejection(null);
      setScript(next);
      setClock(latest(opened, next));
    },
    [opened],
  );

  return {
    script,
    simulation,
    choices,
    highlights,
    befores,
    lastStep,
    clock,
    rejection,
    act,
    advanceClock: (milliseconds) =>
      setClock(new Date(new Date(clock).getTime() + milliseconds).toISOString()),
    restart: () => replay([]),
    backTo: (index) => replay(script.slice(0, index + 1)),
    replay,
  };
}
