// Server state of a round's results: screening results and the override, the ranking (also the
// leading group's), the objections, and the leading group's rounds.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiRequest } from '../../api/client';
import { toQueryString } from '../../ui/query-string';
import type { ApplicationSummary, Page } from '../talent-types';
import type {
  DecideObjectionRequest,
  Objection,
  OverrideRequest,
  RankingPage,
  RecordObjectionRequest,
  ResultsRound,
  ScreeningFilter,
  ScreeningRow,
} from './results-types';

export const RESULTS_PAGE_SIZE = 20;
/** The server's page limit: a round's list (its quota) fits one page. */
const MAX_PAGE_SIZE = 200;

const resultsKeys = {
  all: ['talent'] as const,
  screening: (roundId: string, filter: ScreeningFilter, cursor: string | undefined) =>
    [...resultsKeys.all, 'screening', roundId, filter, cursor] as const,
  ranking: (roundId: string, cursor: string | undefined) =>
    [...resultsKeys.all, 'ranking', roundId, cursor] as const,
  overrides: (roundId: string, cursor: string | undefined) =>
    [...resultsKeys.all, 'overrides', roundId, cursor] as const,
  objections: (roundId: string, cursor: string | undefined) =>
    [...resultsKeys.all, 'objections', roundId, cursor] as const,
  leadingRounds: (cursor: string | undefined) => [...resultsKeys.all, 'leading-rounds', cursor] as const,
};

export function useScreeningResults(roundId: string, filter: ScreeningFilter, cursor: string | undefined) {
  return useQuery({
    queryKey: resultsKeys.screening(roundId, filter, cursor),
    queryFn: ({ signal }) =>
      apiGet<Page<ScreeningRow>>(
        `/api/talent/rounds/${roundId}/screening-results${toQueryString({ limit: RESULTS_PAGE_SIZE, cursor, result: filter })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useRankingResults(roundId: string, cursor: string | undefined) {
  return useQuery({
    queryKey: resultsKeys.ranking(roundId, cursor),
    queryFn: ({ signal }) =>
      apiGet<RankingPage>(
        `/api/talent/rounds/${roundId}/ranking-results${toQueryString({ limit: RESULTS_PAGE_SIZE, cursor })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** The office's manual screening overrides of a round (also the leading group's, read-only). */
export function useScreeningOverrides(roundId: string, cursor: string | undefined) {
  return useQuery({
    queryKey: resultsKeys.overrides(roundId, cursor),
    queryFn: ({ signal }) =>
      apiGet<Page<ScreeningRow>>(
        `/api/talent/rounds/${roundId}/screening-overrides${toQueryString({ limit: RESULTS_PAGE_SIZE, cursor })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useObjections(roundId: string, cursor: string | undefined) {
  return useQuery({
    queryKey: resultsKeys.objections(roundId, cursor),
    queryFn: ({ signal }) =>
      apiGet<Page<Objection>>(
        `/api/talent/rounds/${roundId}/objections${toQueryString({ limit: RESULTS_PAGE_SIZE, cursor })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useLeadingGroupRounds(cursor: string | undefined) {
  return useQuery({
    queryKey: resultsKeys.leadingRounds(cursor),
    queryFn: ({ signal }) =>
      apiGet<Page<ResultsRound>>(
        `/api/talent/leading-group/rounds${toQueryString({ limit: RESULTS_PAGE_SIZE, cursor })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/**
 * A command of the results pages: sent once (an idempotency key per attempt), then every talent
 * query refreshed. `silent` where a dialog shows the server's problem on its form.
 */
function useResultsCommand<V, T>(send: (values: V, idempotencyKey: string) => Promise<T>, silent = true) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: V) => send(values, crypto.randomUUID()),
    meta: { silent },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: resultsKeys.all }),
  });
}

export const useOverrideScreening = (applicationId: string) =>
  useResultsCommand((body: OverrideRequest, idempotencyKey) =>
    apiRequest<ScreeningRow>('POST', `/api/talent/applications/${applicationId}/screening-override`, {
      body,
      idempotencyKey,
    }),
  );

export const useClearOverride = (applicationId: string) =>
  useResultsCommand(
    (_: void, idempotencyKey) =>
      apiRequest<ScreeningRow>('DELETE', `/api/talent/applications/${applicationId}/screening-override`, {
        idempotencyKey,
      }),
    false,
  );

export const useRecordObjection = (roundId: string) =>
  useResultsCommand((body: RecordObjectionRequest, idempotencyKey) =>
    apiRequest<Objection>('POST', `/api/talent/rounds/${roundId}/objections`, { body, idempotencyKey }),
  );

export const useDecideObjection = (objectionId: string) =>
  useResultsCommand((body: DecideObjectionRequest, idempotencyKey) =>
    apiRequest<Objection>('POST', `/api/talent/objections/${objectionId}/decision`, { body, idempotencyKey }),
  );

/** The candidates on a round's list (status selected), for choosing whom an objection concerns. */
export function useSelectedApplications(roundId: string) {
  return useQuery({
    queryKey: [...resultsKeys.all, 'selected', roundId] as const,
    queryFn: ({ signal }) =>
      apiGet<Page<ApplicationSummary>>(
        `/api/talent/rounds/${roundId}/applications${toQueryString({ limit: MAX_PAGE_SIZE, status: 'selected' })}`,
        signal,
      ),
  });
}
