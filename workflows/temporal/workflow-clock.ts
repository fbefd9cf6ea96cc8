// The workflow's clock. Inside the Temporal sandbox Date is deterministic (it reads the time of the
// current workflow task, identical on replay), which is why the lint ban on Date is lifted here only.
/* eslint-disable no-restricted-globals */

export function workflowNow(): string {
  return new Date().toISOString();
}

export function millisUntil(instant: string): number {
  return Date.parse(instant) - Date.now();
}

/** A timer may fire a few milliseconds "early" by the task clock; the engine must see it as due. */
export function laterOf(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : new Date(Date.parse(b)).toISOString();
}
