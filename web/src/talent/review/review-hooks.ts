// Server state of the committee review: a committee member's assignments, one application's review
// material and the score and conflict commands; the office's assignment overview and its commands.
// Every command carries a fresh idempotency key, so a resent click cannot act twice.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost, apiRequest } from '../../api/client';
import type { TDossierAttachmentList } from '../../../../api/talent/dossier-attachment.types';
import type {
  TAssignmentOverview,
  TMyAssignment,
  TReviewMaterial,
} from '../../../../api/talent/review-types';

export type AssignmentOverview = TAssignmentOverview;
export type MyAssignment = TMyAssignment;
export type ReviewMaterial = TReviewMaterial;

const reviewKeys = {
  all: ['talent-review'] as const,
  mine: () => [...reviewKeys.all, 'mine'] as const,
  material: (applicationId: string) => [...reviewKeys.all, 'material', applicationId] as const,
  documents: (applicationId: string) => [...reviewKeys.all, 'documents', applicationId] as const,
  overview: (roundId: string) => [...reviewKeys.all, 'overview', roundId] as const,
};

const fresh = () => ({ idempotencyKey: crypto.randomUUID() });

export function useMyReviews() {
  return useQuery({
    queryKey: reviewKeys.mine(),
    queryFn: ({ signal }) => apiGet<{ items: MyAssignment[] }>('/api/talent/reviews', signal),
  });
}

export function useReviewMaterial(applicationId: string) {
  return useQuery({
    queryKey: reviewKeys.material(applicationId),
    queryFn: ({ signal }) => apiGet<ReviewMaterial>(`/api/talent/reviews/${applicationId}`, signal),
    retry: false,
    // The scoring page shows its own refusal (not assigned, round past review) in place.
    meta: { silent: true },
  });
}

/** The application's documents; only asked for outside a blind round, where the server refuses them. */
export function useReviewDocuments(applicationId: string) {
  return useQuery({
    queryKey: reviewKeys.documents(applicationId),
    queryFn: ({ signal }) =>
      apiGet<TDossierAttachmentList>(`/api/talent/reviews/${applicationId}/attachments`, signal),
    retry: false,
    // The list shows its own failure line in place.
    meta: { silent: true },
  });
}

function useRefreshReviews() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: reviewKeys.all });
}

/** Saves a draft or submits; field errors go to the form (silent here). */
export function useSaveScores(applicationId: string) {
  const refresh = useRefreshReviews();
  return useMutation({
    mutationFn: ({ criteria, submit }: { criteria: Record<string, number>; submit: boolean }) =>
      apiPost<ReviewMaterial>(
        `/api/talent/reviews/${applicationId}/${submit ? 'submit' : 'draft'}`,
        { criteria },
        fresh(),
      ),
    meta: { silent: true },
    onSuccess: refresh,
  });
}

/** After a declaration the application is no longer the reviewer's: its material is dropped, not refetched. */
export function useDeclareConflict(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      apiPost<unknown>(`/api/talent/reviews/${applicationId}/conflict`, { reason }, fresh()),
    meta: { silent: true },
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: reviewKeys.material(applicationId) });
      void queryClient.invalidateQueries({ queryKey: reviewKeys.mine() });
    },
  });
}

export function useAssignmentOverview(roundId: string) {
  return useQuery({
    queryKey: reviewKeys.overview(roundId),
    queryFn: ({ signal }) =>
      apiGet<AssignmentOverview>(`/api/talent/rounds/${roundId}/review-assignments`, signal),
  });
}

/**
 * The office's commands; each answers the new overview, which replaces the cached one. They are
 * silent: the section shows a refusal's own detail (which applications lack reviewers, whose
 * conflict), which the error code's generic message would hide.
 */
export function useAssignmentCommands(roundId: string, onError: (error: unknown) => void) {
  const queryClient = useQueryClient();
  const onSuccess = (overview: AssignmentOverview) =>
    queryClient.setQueryData(reviewKeys.overview(roundId), overview);
  const meta = { silent: true };
  const auto = useMutation({
    mutationFn: () =>
      apiPost<AssignmentOverview>(
        `/api/talent/rounds/${roundId}/review-assignments/auto`,
        undefined,
        fresh(),
      ),
    meta,
    onSuccess,
    onError,
  });
  const add = useMutation({
    mutationFn: ({ applicationId, reviewerId }: { applicationId: string; reviewerId: string }) =>
      apiPost<AssignmentOverview>(
        `/api/talent/applications/${applicationId}/reviewers`,
        { reviewerId },
        fresh(),
      ),
    meta,
    onSuccess,
    onError,
  });
  const remove = useMutation({
    mutationFn: ({ applicationId, reviewerId }: { applicationId: string; reviewerId: string }) =>
      apiRequest<AssignmentOverview>(
        'DELETE',
        `/api/talent/applications/${applicationId}/reviewers/${reviewerId}`,
        fresh(),
      ),
    meta,
    onSuccess,
    onError,
  });
  return { auto, add, remove };
}
