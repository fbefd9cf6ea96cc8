// Waits for what a runtime does after a command returns (an action's rows, the next task): polls
// `probe` until it gives a value, or fails naming what never came.
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  { timeoutMs = 20_000, everyMs = 100 } = {},
): Promise<T> {
  for (let waited = 0; waited < timeoutMs; waited += everyMs) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`timed out waiting for ${what}`);
}
