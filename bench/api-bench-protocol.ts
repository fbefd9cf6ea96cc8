// What `npm run bench:api` (the clients' process) asks of the product's server process over the
// IPC channel it opened to it, and what the server answers. The channel exists only in the bench:
// `npm start` opens none, and nothing of it is reachable over HTTP.

/** An open assessment of a started lifecycle project, and the officer it waits for. */
export interface AssessTask {
  id: string;
  instanceId: string;
  engineTaskId: string;
  officerId: string;
}

/** Each officer's assessments in order: one lane per officer, worked one after another, all lanes at once. */
export function byOfficer(tasks: readonly AssessTask[]): AssessTask[][] {
  const lanes = new Map<string, AssessTask[]>();
  for (const task of tasks) lanes.set(task.officerId, [...(lanes.get(task.officerId) ?? []), task]);
  return [...lanes.values()];
}

export type BenchRequest =
  /** Starts `perOfficer` lifecycle projects per officer through the port (setup, not measured). */
  | { kind: 'start'; versionId: string; unitId: string; officerIds: string[]; perOfficer: number }
  /** Completes the assessments straight through the port, one lane per officer: the engine-only rate. */
  | { kind: 'completeThroughPort'; tasks: AssessTask[] }
  /** The server process's CPU time so far (user + system), to charge each phase its share. */
  | { kind: 'cpu' }
  /** Starts sampling the server's CPU (node's inspector, as `node --cpu-prof` does). */
  | { kind: 'profileStart' }
  /** Stops sampling and writes the profile (a .cpuprofile file, e.g. for Chrome DevTools). */
  | { kind: 'profileStop'; path: string };

export type BenchAnswer =
  | { kind: 'started'; tasks: AssessTask[] }
  | { kind: 'completed'; perSecond: number }
  | { kind: 'cpu'; userMs: number; systemMs: number }
  | { kind: 'profiling' }
  | { kind: 'profiled'; path: string };

/** The server's first message: it is listening, and who the demo people are. */
export interface BenchReady {
  kind: 'ready';
  url: string;
  demoLogins: { username: string; password: string }[];
}

/** Every message carries the request's sequence number; a failure answers with its message. */
export type BenchReply = { seq: number } & ({ ok: true; answer: BenchAnswer } | { ok: false; error: string });
