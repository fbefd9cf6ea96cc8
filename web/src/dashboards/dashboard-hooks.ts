// Server state of the dashboards: the figures for a unit subtree and filters.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '../api/client';
import { toQueryString } from '../ui/query-string';
import type { Dashboard, DashboardQuery } from './dashboard-types';

export function useDashboard(query: DashboardQuery) {
  return useQuery({
    queryKey: ['dashboards', 'projects', query],
    queryFn: ({ signal }) =>
      apiGet<Dashboard>(`/api/dashboards/projects${toQueryString({ ...query })}`, signal),
    placeholderData: keepPreviousData,
  });
}
