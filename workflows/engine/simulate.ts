// Dry runs for the designer: fold a list of timed events through `step` and keep every step's outcome.
import type { ProcessDefinition } from './definition-schema';
import type { Effect, EngineEvent } from './engine-events';
import { initialState, type InstanceState } from './instance-state';
import { step } from './interpreter';
import type { Rejection } from './localized-message';

export type TimedEvent = { at: string; event: EngineEvent };

export type TraceEntry = {
  at: string;
  event: EngineEvent;
  ok: boolean;
  state?: InstanceState;
  effects?: Effect[];
  rejection?: Rejection;
};

export type Simulation = { trace: TraceEntry[]; final: InstanceState };

/** Rejected events are recorded and skipped, exactly as a host would refuse them. */
export function simulate(
  def: ProcessDefinition,
  events: TimedEvent[],
  from: InstanceState = initialState(),
): Simulation {
  const trace: TraceEntry[] = [];
  let state = from;
  for (const { at, event } of events) {
    const result = step(def, state, event, at);
    if (result.ok) {
      state = result.state;
      trace.push({ at, event, ok: true, state: result.state, effects: result.effects });
    } else {
      trace.push({ at, event, ok: false, rejection: result.rejection });
    }
  }
  return { trace, final: state };
}
