// Server state of incidents: a page of them (the 异常 page, or one project's), retry and resolve.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../api/client';
import { toQueryString } from '../ui/query-string';
import { workKeys } from '../work/work-query-keys';
import type { Incident, IncidentFilters, IncidentPage, ResolveIncidentRequest } from './incident-types';

export const INCIDENT_PAGE_SIZE = 20;

// Under the work tree: handling an incident moves its project on, and the project page refreshes too.
const incidentKeys = {
  all: [...workKeys.all, 'incidents'] as const,
  page: (filters: IncidentFilters, cursor: string | undefined) =>
    [...incidentKeys.all, 'page', filters, cursor] as const,
};

export function useIncidentPage(filters: IncidentFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: incidentKeys.page(filters, cursor),
    queryFn: ({ signal }) =>
      apiGet<IncidentPage>(
        `/api/incidents${toQueryString({ ...filters, limit: INCIDENT_PAGE_SIZE, cursor })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

function useRefreshWork() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: workKeys.all });
}

export function useRetryIncident() {
  const refresh = useRefreshWork();
  return useMutation({
    mutationFn: (id: string) =>
      apiPost<Incident>(`/api/incidents/${id}/retry`, {}, { idempotencyKey: crypto.randomUUID() }),
    onSuccess: refresh,
  });
}

export function useResolveIncident(id: string) {
  const refresh = useRefreshWork();
  return useMutation({
    mutationFn: (request: ResolveIncidentRequest) =>
      apiPost<Incident>(`/api/incidents/${id}/resolve`, request, { idempotencyKey: crypto.randomUUID() }),
    meta: { silent: true },
    onSuccess: refresh,
  });
}
