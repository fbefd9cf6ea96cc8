// Loads definition versions from Postgres, parsed once: a published version never changes, so a
// parsed graph is cached for the life of the process.
import type { Pool } from 'pg';
import { ZProcessDefinition, type ProcessDefinition } from '../../workflows/engine';
import { latestPublishedVersion } from '../../activities/published-definitions';
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
        throw new OrchestratorError('VERSION_NOT_FOUND', {
          zh: `流程定义版本 ${versionId} 不存在`,
          en: `definition version ${versionId} does not exist`,
        });
      const definition = ZProcessDefinition.parse(rows[0].graph);
      cache.set(versionId, definition);
      return definition;
    },
    async latestPublishedVersionId(key) {
      const published = await latestPublishedVersion(pool, key);
      if (!published)
        throw new OrchestratorError('VERSION_NOT_FOUND', {
          zh: `流程 ${key} 没有已发布的版本`,
          en: `no published version of ${key}`,
        });
      cache.set(published.versionId, published.definition);
      return published.versionId;
    },
  };
}
