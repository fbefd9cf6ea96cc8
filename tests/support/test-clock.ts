// A clock for the embedded runtime that tests move forward: it runs with real time plus an offset
// that only grows, so timestamps keep their order and rows the database stamps with its own time
// are never in the clock's future. `advance('P1M')` makes a monthly timer due at the scheduler's
// next poll (a quarter second), without waiting a month.
import { addDuration } from '../../workflows/engine/iso-durations';
import type { Clock } from '../../api/runtime/clock';

export interface TestClock {
  now: Clock;
  /** Moves the clock forward by a positive ISO 8601 duration (calendar-aware: P1M is one calendar month). */
  advance(duration: string): void;
}

export function createTestClock(): TestClock {
  let offsetMs = 0;
  const now = () => new Date(Date.now() + offsetMs);
  return {
    now,
    advance(duration) {
      // addDuration refuses anything but a positive ISO 8601 duration, so the clock never goes back.
      const from = now();
      offsetMs += Date.parse(addDuration(from.toISOString(), duration)) - from.getTime();
    },
  };
}
