// Where the embedded runtime reads the time: the engine's `now` for every command and the
// scheduler's idea of which timers and effects are due (CommandDeps.clock serves both). The
// product runs on the system clock; tests pass one they can move forward (tests/support/test-clock.ts),
// so a month-long timer falls due without waiting a month. Temporal keeps its own time.
export type Clock = () => Date;
