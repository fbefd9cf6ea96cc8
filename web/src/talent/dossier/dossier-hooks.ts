// Server state of one application: entering it by hand, amending or withdrawing it (If-Match the
// revision the page read), its dossier (masked unless the office asks for it in full, which the
// server audits), and its documents (list, delete; uploads go through antd's Upload, then refresh).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiCreate, apiDelete, apiGet, apiPatch, apiPost } from '../../api/client';
import type { ApplicationDetail, ApplicationEntry, DossierAttachmentList } from './dossier-types';

const dossierKeys = {
  detail: (id: string, full: boolean) => ['talent', 'dossier', id, full] as const,
  attachments: (id: string) => ['talent', 'dossier', id, 'attachments'] as const,
};

export function useEnterApplication(roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entry: ApplicationEntry) =>
      apiCreate<ApplicationDetail>(`/api/talent/rounds/${roundId}/applications`, entry),
    // The form shows the server's findings on its fields.
    meta: { silent: true },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['talent'] }),
  });
}

/** The whole entry again, based on the revision the dossier was read at (412 when another change came first). */
export function useAmendApplication(application: Pick<ApplicationDetail, 'id' | 'revision'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entry: ApplicationEntry) =>
      apiPatch<ApplicationDetail>(`/api/talent/applications/${application.id}`, entry, application.revision),
    meta: { silent: true },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['talent'] }),
  });
}

export function useWithdrawApplication(application: Pick<ApplicationDetail, 'id' | 'revision'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      apiPost<ApplicationDetail>(
        `/api/talent/applications/${application.id}/withdraw`,
        { reason },
        { ifMatch: application.revision },
      ),
    meta: { silent: true },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['talent'] }),
  });
}

export function useDossier(applicationId: string, full: boolean) {
  return useQuery({
    queryKey: dossierKeys.detail(applicationId, full),
    queryFn: ({ signal }) =>
      apiGet<ApplicationDetail>(
        `/api/talent/applications/${applicationId}?identityNumbers=${full ? 'full' : 'masked'}`,
        signal,
      ),
  });
}

export function useDossierAttachments(applicationId: string) {
  return useQuery({
    queryKey: dossierKeys.attachments(applicationId),
    queryFn: ({ signal }) =>
      apiGet<DossierAttachmentList>(`/api/talent/applications/${applicationId}/attachments`, signal),
  });
}

/** After an upload (sent by antd's Upload) or a delete: the documents and the certificates' scans. */
export function useRefreshDossier(applicationId: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: ['talent', 'dossier', applicationId] });
}

export function useDeleteDocument(applicationId: string) {
  const refresh = useRefreshDossier(applicationId);
  return useMutation({
    mutationFn: (attachmentId: string) => apiDelete(`/api/talent/attachments/${attachmentId}`),
    onSuccess: refresh,
  });
}
