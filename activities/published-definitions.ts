// Reads published definition versions: the latest one of a key is what a child instance starts
// on, on both runtimes (the embedded scheduler and the Temporal workflow's activity).
import { type ProcessDefinition, ZProcessDefinition } from '../workflows/engine';
import type { Sql } from './sql';

export interface PublishedVersion {
  versionId: string;
  definition: ProcessDefinition;
}

/** The newest published version of a definition key, or undefined when none is published. */
export async function latestPublishedVersion(sql: Sql, key: string): Promise<PublishedVersion | undefined> {
  const { rows } = await sql.query<{ id: string; graph: unknown }>({
    name: 'sgf_latest_published_version',
    text: `SELECT v.id, v.graph FROM process_definition_version v JOIN process_definition d ON d.id = v.definition_id
           WHERE d.key = $1 AND v.status = 'published' ORDER BY v.version DESC LIMIT 1`,
    values: [key],
  });
  const row = rows[0];
  return row && { versionId: row.id, definition: ZProcessDefinition.parse(row.graph) };
}
