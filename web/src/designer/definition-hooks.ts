// The definitions API through TanStack Query: the list, one definition's draft (or its latest
// version when it has none), creating definitions and publishing. Draft saves live in use-autosave.ts.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiCreate, apiGet, apiRequest, isApiProblem } from '../api/client';
import type {
  CreateDefinitionRequest,
  DefinitionList,
  DraftView,
  PublishResult,
  VersionView,
} from './definition-types.js';

export const definitionKeys = {
  all: ['definitions'] as const,
  list: () => [...definitionKeys.all, 'list'] as const,
  editing: (key: string) => [...definitionKeys.all, 'editing', key] as const,
};

const path = (key: string) => `/api/definitions/${encodeURIComponent(key)}`;

export function useDefinitionList() {
  return useQuery({
    queryKey: definitionKeys.list(),
    queryFn: ({ signal }) => apiGet<DefinitionList>('/api/definitions', signal),
  });
}

/** What the editor opens: the draft, else the latest published version (a draft is made on first edit). */
export type EditingSource = { draft: DraftView } | { version: VersionView } | { missing: true };

export function useEditingSource(key: string) {
  return useQuery({
    queryKey: definitionKeys.editing(key),
    // The editor's store takes the graph once; refetching under it would not show anyway.
    staleTime: Infinity,
    queryFn: async ({ signal }): Promise<EditingSource> => {
      const draft = await fetchDraft(key, signal);
      if (draft) return { draft };
      const list = await apiGet<DefinitionList>('/api/definitions', signal);
      const latest = list.items.find((item) => item.key === key)?.latest;
      if (!latest) return { missing: true };
      return { version: await apiGet<VersionView>(`${path(key)}/versions/${latest.version}`, signal) };
    },
  });
}

/** The draft, or null when the definition has none. */
export async function fetchDraft(key: string, signal?: AbortSignal): Promise<DraftView | null> {
  try {
    return await apiGet<DraftView>(`${path(key)}/draft`, signal);
  } catch (error) {
    if (isApiProblem(error) && error.status === 404) return null;
    throw error;
  }
}

export function useCreateDefinition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateDefinitionRequest) => apiCreate<DraftView>('/api/definitions', request),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: definitionKeys.list() }),
  });
}

export function usePublishDraft(key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (revision: number) =>
      apiRequest<PublishResult>('POST', `${path(key)}/draft/publish`, { ifMatch: revision }),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: definitionKeys.all }),
  });
}

export const draftApi = {
  /** The first save of an edited version makes the draft from the edited graph. */
  create: (key: string, definition: unknown, keepalive = false) =>
    apiRequest<DraftView>('POST', `${path(key)}/draft`, {
      body: { definition },
      idempotencyKey: crypto.randomUUID(),
      keepalive,
    }),
  save: (key: string, definition: unknown, revision: number, keepalive = false) =>
    apiRequest<DraftView>('PUT', `${path(key)}/draft`, {
      body: { definition },
      ifMatch: revision,
      keepalive,
    }),
};

/** The latest published version's number, or null when none is published. */
export async function fetchLatestVersion(key: string): Promise<number | null> {
  const list = await apiGet<DefinitionList>('/api/definitions');
  return list.items.find((item) => item.key === key)?.latest?.version ?? null;
}

export const fetchVersion = (key: string, version: number) =>
  apiGet<VersionView>(`${path(key)}/versions/${version}`);
