// A dry run's script: the list of `{ at, event }` it stepped through, in the shape of the `events` of
// `POST /definitions/:key/simulate`; kept in the browser per definition key, downloaded and read back.
import { z } from 'zod';
import { ZEngineEvent } from '../../../../workflows/engine/engine-events.js';
import type { TimedEvent } from '../../../../workflows/engine/simulate.js';
import { downloadJson } from '../download-json.js';

const ZScript = z.array(z.object({ at: z.iso.datetime({ offset: true }), event: ZEngineEvent }));
/** A file may hold the script itself or a whole `simulate` request body. */
const ZScriptFile = z.union([ZScript, z.object({ events: ZScript })]);

const storageKey = (definitionKey: string) => `sgf.designer.dryRunScript.${definitionKey}`;

/** The script a text holds, or undefined when it is not one (not JSON, or events the engine cannot read). */
export function readScript(text: string): TimedEvent[] | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = ZScriptFile.safeParse(json);
  if (!parsed.success) return undefined;
  return Array.isArray(parsed.data) ? parsed.data : parsed.data.events;
}

export function saveScript(definitionKey: string, script: readonly TimedEvent[]): void {
  localStorage.setItem(storageKey(definitionKey), JSON.stringify(script));
}

export function savedScript(definitionKey: string): TimedEvent[] | undefined {
  const text = localStorage.getItem(storageKey(definitionKey));
  return text === null ? undefined : readScript(text);
}

export function downloadScript(definitionKey: string, script: readonly TimedEvent[]): void {
  downloadJson(`${definitionKey}-试运行脚本.json`, script);
}
