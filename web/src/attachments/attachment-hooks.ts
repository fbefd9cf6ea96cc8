// Server state of attachments: a project's list, and deletion; uploads go through antd's Upload
// (it reports progress) and refresh the list when they land.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiDelete, apiGet } from '../api/client';
import { attachmentUrl, projectAttachmentsUrl, type AttachmentList } from './attachment-types';

export const attachmentKeys = {
  all: ['attachments'] as const,
  project: (projectId: string) => [...attachmentKeys.all, 'project', projectId] as const,
};

export function useProjectAttachments(projectId: string) {
  return useQuery({
    queryKey: attachmentKeys.project(projectId),
    queryFn: ({ signal }) => apiGet<AttachmentList>(projectAttachmentsUrl(projectId), signal),
    select: (list) => list.items,
  });
}

export function useRefreshAttachments(projectId: string): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: attachmentKeys.project(projectId) });
}

export function useDeleteAttachment(projectId: string) {
  const refresh = useRefreshAttachments(projectId);
  return useMutation({
    mutationFn: (id: string) => apiDelete(attachmentUrl(id)),
    onSuccess: refresh,
  });
}
