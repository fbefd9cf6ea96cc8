// Server state of 我的代理: the periods (the caller's own, or those of the people they oversee), the
// people one may name as a proxy, and setting and cancelling a period.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TCreateProxyRequest,
  TProxyCandidates,
  TProxyList,
  TProxyPeriod,
} from '../../../api/proxies/proxy.types';
import { apiCreate, apiGet, apiPost } from '../api/client';

export type ProxyPeriod = TProxyPeriod;
export type ProxyScope = 'mine' | 'units';

const proxyKeys = {
  all: ['proxies'] as const,
  list: (scope: ProxyScope) => [...proxyKeys.all, 'list', scope] as const,
  candidates: () => [...proxyKeys.all, 'candidates'] as const,
};

export function useProxies(scope: ProxyScope, enabled = true) {
  return useQuery({
    queryKey: proxyKeys.list(scope),
    queryFn: ({ signal }) => apiGet<TProxyList>(`/api/proxies?scope=${scope}`, signal),
    select: (answer) => answer.items,
    enabled,
  });
}

export function useProxyCandidates() {
  return useQuery({
    queryKey: proxyKeys.candidates(),
    queryFn: ({ signal }) => apiGet<TProxyCandidates>('/api/proxies/candidates', signal),
    select: (answer) => answer.items,
  });
}

export function useSetProxy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateProxyRequest) => apiCreate<TProxyPeriod>('/api/proxies', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: proxyKeys.all }),
  });
}

export function useCancelProxy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiPost<TProxyPeriod>(`/api/proxies/${id}/cancel`, undefined, { idempotencyKey: crypto.randomUUID() }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: proxyKeys.all }),
  });
}
