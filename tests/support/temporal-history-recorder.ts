// Saves a live workflow's event history as a fixture for the offline replay test
// (tests/unit/temporal/recorded-histories.test.ts). Only when SGF_RECORD_HISTORIES=1
// (`npm run record:histories`), so an ordinary test run never rewrites the fixtures.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

export const historiesDir = join(__dirname, '..', 'fixtures', 'temporal-histories');

export const recording = process.env.SGF_RECORD_HISTORIES === '1';

/** Every history the live suites record: the replay test expects exactly these files. */
export const recordedScenarios = [
  'built-in-project-lifecycle',
  'built-in-talent-selection-round',
  'built-in-talent-term',
  'built-in-venture-philanthropy',
  'continued-venture-philanthropy',
  'migrated-instance',
  'subprocess-child',
  'subprocess-parent',
  'timers-project-lifecycle',
  'timers-talent-term',
  'timers-task-deadlines',
] as const;

export type RecordedScenario = (typeof recordedScenarios)[number];

/** Histories of older workflow code, kept by hand (never rewritten by a recording) while a patch serves them. */
export const KEPT_PREFIX = 'kept-';

/**
 * JSON as protobufjs writes it (longs and enums as strings, bytes as base64): History.fromObject
 * reads it back. Written compact; scripts/record-temporal-histories.mjs formats it with prettier
 * afterwards (prettier 3 cannot be loaded inside jest without ESM support).
 */
export async function recordHistory(
  client: Client,
  workflowId: string,
  name: RecordedScenario,
): Promise<void> {
  if (!recording) return;
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const json = temporal.api.history.v1.History.toObject(temporal.api.history.v1.History.fromObject(history), {
    longs: String,
    enums: String,
    bytes: String,
  });
  mkdirSync(historiesDir, { recursive: true });
  writeFileSync(join(historiesDir, `${name}.json`), `${JSON.stringify(json)}\n`);
}
