// Loads definition versions from Postgres, parsed once: a published version never changes, so a
// parsed graph is cached for the life of the process.
import type { Pool } from 'pg';
import { ZProcessDefinition, type ProcessDefinition } from '../../workflows/engine';
import { OrchestratorError } from '../orchestrator/orchestrator';

export interface DefinitionStore {
  byVersion(versionId: string): Promise<ProcessDefinition>;
  /** The newest published version of a definition key (children are started on it). */
  latestPublishedVersionId(key: string): Promise<string>;
}

export function createDefinitionStore(pool: Pool): DefinitionStore {
  const cache = new Map<string, ProcessDefinition>();
  return {
    async byVersion(versionId) {
      const cached = cache.get(versionId);
      if (cached) return cached;
      const { rows } = await pool.query<{ graph: unknown }>(
        'SELECT graph FROM process_definition_version WHERE id = $1',
        [versionId],
      );
      if (!rows[0])
        throw new OrchestratorError('VERSION_NOT_FOUND', `definition version ${versionId} does not exist`);
      const definition = ZProcessDefinition.parse(rows[0].graph);
      cache.set(versionId, definition);
      return definition;
    },
    async latestPublishedVersionId(key) {
      const { rows } = await pool.query<{ id: string }>(
        `SELECT v.id FROM process_definition_version v JOIN process_definition d ON d.id = v.definition_id
         WHERE d.key = $1 AND v.status = 'published' ORDER BY v.version DESC LIMIT 1`,
        [key],
      );
      if (!rows[0]) throw new OrchestratorError('VERSION_NOT_FOUND', `no published version of ${key}`);
      return rows[0].id;
    },
  };
}
