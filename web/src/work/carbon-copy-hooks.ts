// Server state of 抄送: a project's copies with their read receipts, marking them read when their
// recipient opens the project, and the copies to the caller (the inbox's 抄送我的 tab).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apiGet, apiPost } from '../api/client';
import type {
  TCopiesMarkedRead,
  TMyCopies,
  TProjectCopies,
} from '../../../api/notifications/carbon-copy.types';
import { workKeys } from './work-query-keys';

export type ProjectCopy = TProjectCopies['items'][number];
export type MyCopy = TMyCopies['items'][number];

const copyKeys = {
  project: (id: string) => [...workKeys.projects(), 'copies', id] as const,
  mine: () => [...workKeys.tasks(), 'copies'] as const,
};

export function useProjectCopies(projectId: string) {
  return useQuery({
    queryKey: copyKeys.project(projectId),
    queryFn: ({ signal }) => apiGet<TProjectCopies>(`/api/projects/${projectId}/copies`, signal),
    select: (copies) => copies.items,
  });
}

/** Opening the project is reading what was copied to the caller: their receipts, then fresh lists. */
export function useMarkCopiesReadOnOpen(projectId: string) {
  const client = useQueryClient();
  const mark = useMutation({
    mutationFn: () => apiPost<TCopiesMarkedRead>(`/api/projects/${projectId}/copies/read`),
    meta: { silent: true },
    onSuccess: (answer) => {
      if (answer.marked === 0) return;
      void client.invalidateQueries({ queryKey: copyKeys.project(projectId) });
      void client.invalidateQueries({ queryKey: copyKeys.mine() });
    },
  });
  const { mutate } = mark;
  useEffect(() => mutate(), [projectId, mutate]);
}

/** A page of the copies to the caller (the first without a cursor); every page carries the unread count. */
export function useMyCopies(cursor?: string) {
  return useQuery({
    queryKey: [...copyKeys.mine(), cursor ?? null],
    queryFn: ({ signal }) =>
      apiGet<TMyCopies>(`/api/copies/mine${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, signal),
    placeholderData: keepPreviousData,
  });
}
