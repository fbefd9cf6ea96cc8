// The version history's server state: a definition's versions, one version's (or the draft's) graph
// and the structural diff between two of them, from the definitions API.
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZDefinitionDiff, ZVersionList } from '../../../../api/definitions/definitions.types.js';
import { apiGet } from '../../api/client';
import { definitionKeys, fetchDraft } from '../definition-hooks.js';
import type { VersionView } from '../definition-types.js';
import type { VersionRef } from './diff-view.js';

export type VersionList = z.infer<typeof ZVersionList>;
export type VersionItem = VersionList['items'][number];
export type DefinitionDiff = z.infer<typeof ZDefinitionDiff>;

const path = (key: string) => `/api/definitions/${encodeURIComponent(key)}`;

export const historyKeys = {
  versions: (key: string) => [...definitionKeys.all, 'versions', key] as const,
  graph: (key: string, ref: VersionRef | 'none') => [...definitionKeys.all, 'graph', key, ref] as const,
  diff: (key: string, from: VersionRef | 'none', to: VersionRef | 'none') =>
    [...definitionKeys.all, 'diff', key, from, to] as const,
};

export function useVersionList(key: string) {
  return useQuery({
    queryKey: historyKeys.versions(key),
    queryFn: ({ signal }) => apiGet<VersionList>(`${path(key)}/versions`, signal),
  });
}

/** The stored graph of a version or of the draft (null when the draft went away meanwhile). */
export function useVersionGraph(key: string, ref: VersionRef | undefined) {
  return useQuery({
    // Disabled without a version; its own key, so no other version's cached graph shows meanwhile.
    queryKey: historyKeys.graph(key, ref ?? 'none'),
    enabled: ref !== undefined,
    queryFn: async ({ signal }): Promise<unknown> =>
      ref === 'draft'
        ? ((await fetchDraft(key, signal))?.definition ?? null)
        : (await apiGet<VersionView>(`${path(key)}/versions/${ref}`, signal)).definition,
  });
}

export function useDefinitionDiff(key: string, from: VersionRef | undefined, to: VersionRef | undefined) {
  return useQuery({
    queryKey: historyKeys.diff(key, from ?? 'none', to ?? 'none'),
    enabled: from !== undefined && to !== undefined && from !== to,
    queryFn: ({ signal }) =>
      apiGet<DefinitionDiff>(`${path(key)}/diff?from=${String(from)}&to=${String(to)}`, signal),
  });
}
