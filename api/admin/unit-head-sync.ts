// Keeps running instances' unit heads (负责人) live: when an admin names a new head, or a head's
// account is disabled, every running instance whose unit line holds the unit receives a
// `unitHeadChanged` system event through the Orchestrator port (either runtime), so its `unitHead`
// steps that open later go to the current head. Open tasks stay with the old head (docs/task-actions.md).
// The pass compares each instance's map with the unit tree, so a change missed by a crash is
// caught by the next pass; the key names the instance's revision, so a change is applied once.
import { Prisma } from '../../prisma/generated/client';
import type { Db } from '../db/prisma-client';
import type { Orchestrator } from '../orchestrator/orchestrator';
import { OrchestratorError } from '../orchestrator/orchestrator';
import { createPollingLoop } from '../runtime/polling-loop';

interface StaleHead {
  instance_id: string;
  revision: number;
  unit_id: string;
  unit_name: string;
  head_id: string | null;
  head_name: string | null;
}

export interface UnitHeadSync {
  /** One pass: sends every stale instance its new head; returns how many events were applied. */
  sync(): Promise<number>;
  /** Asks for a pass as soon as the one in flight ends (an admin just changed a head). */
  syncSoon(): void;
  start(): void;
  stop(): Promise<void>;
}

export interface UnitHeadSyncOptions {
  prisma: Db;
  orchestrator: Orchestrator;
  intervalMs?: number;
  /** Events sent per pass (the rest wait for the next pass). */
  batchSize?: number;
  log?: (line: string) => void;
}

/**
 * Running instances whose map names another head for a unit of their line than the tree does now
 * (a disabled head counts as none, as when an instance starts: api/orchestrator/command-events.ts).
 */
function staleHeads(prisma: Db, batchSize: number): Promise<StaleHead[]> {
  return prisma.$queryRaw<StaleHead[]>(Prisma.sql`
    SELECT i.id::text AS instance_id, i.revision, u.id::text AS unit_id, u.name AS unit_name,
           h.id::text AS head_id, h.display_name AS head_name
    FROM process_instance i
    CROSS JOIN LATERAL jsonb_array_elements_text(
      jsonb_build_array(i.state -> 'unitId') || COALESCE(i.state -> 'unitAncestors', '[]'::jsonb)) AS line(unit_id)
    JOIN org_unit u ON u.id::text = line.unit_id
    LEFT JOIN app_user h ON h.id = u.head_id AND NOT h.disabled
    WHERE i.status = 'running' AND i.state ? 'unitId'
      AND (i.state -> 'unitHeads' ->> line.unit_id) IS DISTINCT FROM h.id::text
    ORDER BY i.id, u.id
    LIMIT ${batchSize}`);
}

export function createUnitHeadSync(options: UnitHeadSyncOptions): UnitHeadSync {
  const { prisma, orchestrator } = options;
  const intervalMs = options.intervalMs ?? 60_000;
  const batchSize = options.batchSize ?? 200;
  const log = options.log ?? ((line: string) => console.error(`[unit-head-sync] ${line}`));
  // An instance that refuses the event (it ended meanwhile) would refuse it again: not asked twice.
  const refused = new Set<string>();

  async function sync(): Promise<number> {
    let applied = 0;
    for (const stale of await staleHeads(prisma, batchSize)) {
      const key = `unit-head/${stale.unit_id}/${stale.head_id ?? 'none'}/${stale.revision}`;
      if (refused.has(`${stale.instance_id}/${key}`)) continue;
      try {
        const result = await orchestrator.send(
          stale.instance_id,
          {
            type: 'unitHeadChanged',
            unitId: stale.unit_id,
            headId: stale.head_id,
            unitName: stale.unit_name,
            ...(stale.head_name === null ? {} : { headName: stale.head_name }),
          },
          null,
          key,
        );
        if (!result.duplicate) applied += 1;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof OrchestratorError && error.rejected) refused.add(`${stale.instance_id}/${key}`);
        log(`sending ${key} to ${stale.instance_id} failed: ${message}`);
      }
    }
    return applied;
  }

  const loop = createPollingLoop(sync, intervalMs, (message) => log(`pass failed: ${message}`));
  return { sync, syncSoon: loop.poke, start: loop.start, stop: loop.stop };
}
