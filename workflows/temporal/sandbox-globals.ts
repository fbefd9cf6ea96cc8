// The Temporal workflow sandbox has no structuredClone (a host API, not ECMAScript); the engine
// clones its plain-JSON state with it, for which a JSON round trip is the same thing.
const sandbox = globalThis as { structuredClone?: (value: unknown) => unknown };
if (typeof sandbox.structuredClone !== 'function') {
  sandbox.structuredClone = (value: unknown): unknown =>
    value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

export {};
