// API tokens for other systems: the cursor-paged list, creation (the secret comes back once) and revocation.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiCreate, apiGet, apiPost } from '../../api/client';
import { toQueryString } from '../../ui/query-string';
import type { ApiToken, CreateTokenRequest, CreateTokenResponse, Page } from '../admin-types';
import { adminKeys } from './admin-query-keys';

export const TOKEN_PAGE_SIZE = 20;

export function useTokens(cursor: string | undefined) {
  return useQuery({
    queryKey: adminKeys.tokenPage(cursor),
    queryFn: ({ signal }) =>
      apiGet<Page<ApiToken>>(`/api/tokens${toQueryString({ limit: TOKEN_PAGE_SIZE, cursor })}`, signal),
    placeholderData: keepPreviousData,
  });
}

/** Tokens whose name contains the text (the audit page's actor search). */
export function useTokenSearch(text: string) {
  return useQuery({
    queryKey: adminKeys.tokenSearch(text),
    queryFn: ({ signal }) =>
      apiGet<Page<ApiToken>>(
        `/api/tokens${toQueryString({ limit: TOKEN_PAGE_SIZE, q: text || undefined })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

function useRefreshTokens() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: adminKeys.tokens() });
}

export function useCreateToken() {
  const refresh = useRefreshTokens();
  return useMutation({
    mutationFn: (request: CreateTokenRequest) => apiCreate<CreateTokenResponse>('/api/tokens', request),
    meta: { silent: true },
    onSuccess: refresh,
  });
}

export function useRevokeToken() {
  const refresh = useRefreshTokens();
  return useMutation({
    mutationFn: (tokenId: string) => apiPost<ApiToken>(`/api/tokens/${tokenId}/revoke`),
    onSuccess: refresh,
  });
}
