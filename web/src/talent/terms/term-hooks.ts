// Server state of the talent pool (人才库): pages of talents, one talent's term with its ledger, and
// the reports (离岗、调离、违纪) that go to the term process.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TPoolTalent,
  TTalentDetail,
  TTermReportRequest,
  ZTitleStatus,
} from '../../../../api/talent/term-pool.types';
import { apiCreate, apiGet } from '../../api/client';
import { toQueryString } from '../../ui/query-string';
import type { Page } from '../talent-types';

export type PoolTalent = TPoolTalent;
export type TalentDetail = TTalentDetail;
export type TermReport = TTermReportRequest;
export type TitleStatus = z.infer<typeof ZTitleStatus>;
export interface PoolFilters {
  titleStatus?: TitleStatus | undefined;
  field?: string | undefined;
}

const POOL_PAGE_SIZE = 20;
const termKeys = {
  all: ['talent', 'terms'] as const,
  pool: (filters: PoolFilters, cursor: string | undefined) =>
    [...termKeys.all, 'pool', filters, cursor] as const,
  talent: (id: string) => [...termKeys.all, 'talent', id] as const,
};

export function usePool(filters: PoolFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: termKeys.pool(filters, cursor),
    queryFn: ({ signal }) =>
      apiGet<Page<PoolTalent>>(
        `/api/talent/pool${toQueryString({ limit: POOL_PAGE_SIZE, cursor, ...filters })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useTalent(id: string) {
  return useQuery({
    queryKey: termKeys.talent(id),
    queryFn: ({ signal }) => apiGet<TalentDetail>(`/api/talent/pool/${id}`, signal),
    // The term process writes the ledger after the report is accepted: look again shortly.
    refetchInterval: (query) => (query.state.data?.term?.processStatus === 'running' ? 5_000 : false),
  });
}

export function useReport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (report: TermReport) => apiCreate<TalentDetail>(`/api/talent/pool/${id}/reports`, report),
    onSuccess: (talent) => {
      queryClient.setQueryData(termKeys.talent(id), talent);
      void queryClient.invalidateQueries({ queryKey: termKeys.all });
    },
  });
}
