// Saves a live workflow's event history as a fixture for the offline replay test
// (tests/unit/temporal/recorded-histories.test.ts). Only when SGF_RECORD_HISTORIES=1
// (`npm run record:histories`), so an ordinary test run never rewrites the fixtures.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

export const historiesDir = join(__dirname, '..', 'fixtures', 'temporal-histories');

export const recording = process.env.SGF_RECORD_HISTORIES === '1';

/** JSON as protobufjs writes it (longs and enums as strings, bytes as base64): History.fromObject reads it back. */
export async function recordHistory(client: Client, workflowId: string, name: string): Promise<void> {
  if (!recording) return;
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const json = temporal.api.history.v1.History.toObject(temporal.api.history.v1.History.fromObject(history), {
    longs: String,
    enums: String,
    bytes: String,
  });
  mkdirSync(historiesDir, { recursive: true });
  writeFileSync(join(historiesDir, `${name}.json`), `${JSON.stringify(json, null, 1)}\n`);
}
