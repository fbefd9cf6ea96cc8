// A background pass repeated on an interval (the scheduler's ticks, the proxy sweeper's sweeps):
// at most one pass in flight and at most one timer armed. A poke during a pass only asks for
// another pass right after it, so pokes never add loops; a failed pass is logged and the loop goes on.
export interface PollingLoop {
  start: () => void;
  /** Runs a pass soon; during a pass, right after it. */
  poke: () => void;
  /** Stops the loop and waits for the pass in flight, if any. */
  stop: () => Promise<void>;
}

export function createPollingLoop(
  pass: () => Promise<unknown>,
  intervalMs: number,
  logFailure: (message: string) => void,
): PollingLoop {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = true;
  function arm(delayMs: number): void {
    clearTimeout(timer);
    timer = setTimeout(loop, delayMs);
  }
  function loop(): void {
    timer = undefined;
    if (stopped || running) return;
    again = false;
    running = pass()
      .then(
        () => undefined,
        (error: unknown) => logFailure(error instanceof Error ? error.message : String(error)),
      )
      .finally(() => {
        running = undefined;
        if (!stopped) arm(again ? 0 : intervalMs);
      });
  }
  return {
    start() {
      if (!stopped) return;
      stopped = false;
      loop();
    },
    poke() {
      if (stopped) return;
      if (running) again = true;
      else arm(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
