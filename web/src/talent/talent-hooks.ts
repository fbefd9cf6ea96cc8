// Server state of the selection office's rounds: pages of rounds and applications, one round,
// creating a round, its window and process commands, and importing an xlsx file.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiCreate, apiGet, apiPost, CSRF_HEADER } from '../api/client';
import { toQueryString } from '../ui/query-string';
import type {
  ApplicationSummary,
  CreateRoundRequest,
  ImportResult,
  ImportRowError,
  Page,
  Round,
} from './talent-types';

export const TALENT_PAGE_SIZE = 20;

const talentKeys = {
  all: ['talent'] as const,
  rounds: (cursor: string | undefined) => [...talentKeys.all, 'rounds', cursor] as const,
  round: (id: string) => [...talentKeys.all, 'round', id] as const,
  applications: (id: string, cursor: string | undefined) =>
    [...talentKeys.all, 'applications', id, cursor] as const,
};

export function useRounds(cursor: string | undefined) {
  return useQuery({
    queryKey: talentKeys.rounds(cursor),
    queryFn: ({ signal }) =>
      apiGet<Page<Round>>(`/api/talent/rounds${toQueryString({ limit: TALENT_PAGE_SIZE, cursor })}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRound(id: string) {
  return useQuery({
    queryKey: talentKeys.round(id),
    queryFn: ({ signal }) => apiGet<Round>(`/api/talent/rounds/${id}`, signal),
  });
}

export function useApplications(roundId: string, cursor: string | undefined) {
  return useQuery({
    queryKey: talentKeys.applications(roundId, cursor),
    queryFn: ({ signal }) =>
      apiGet<Page<ApplicationSummary>>(
        `/api/talent/rounds/${roundId}/applications${toQueryString({ limit: TALENT_PAGE_SIZE, cursor })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

function useRefreshTalent() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: talentKeys.all });
}

export function useCreateRound() {
  const refresh = useRefreshTalent();
  return useMutation({
    mutationFn: (request: CreateRoundRequest) => apiCreate<Round>('/api/talent/rounds', request),
    meta: { silent: true },
    onSuccess: refresh,
  });
}

/** The office's commands on a round: the application window, and the steps of the round's process. */
export type RoundCommand =
  'open' | 'close' | 'start-screening' | 'confirm-screening' | 'close-review' | 'end-notice';

export function useRoundCommand(roundId: string) {
  const refresh = useRefreshTalent();
  return useMutation({
    mutationFn: (command: RoundCommand) =>
      apiPost<Round>(`/api/talent/rounds/${roundId}/${command}`, undefined, {
        idempotencyKey: crypto.randomUUID(),
      }),
    onSuccess: refresh,
  });
}

/** An import's outcome: every row in, or nothing in with the findings (or a problem with the file itself). */
export type ImportOutcome =
  | { kind: 'imported'; result: ImportResult }
  | { kind: 'rejected'; rowErrors: ImportRowError[] }
  | { kind: 'failed'; message: string; messageZh: string };

interface ProblemBody {
  detail?: string;
  detailZh?: string;
  rowErrors?: ImportRowError[];
  errors?: { reason: string; reasonZh?: string }[];
}

async function sendImport(roundId: string, file: File): Promise<ImportOutcome> {
  const form = new FormData();
  form.append('file', file);
  const response = await fetch(`/api/talent/rounds/${roundId}/imports`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { [CSRF_HEADER.name]: CSRF_HEADER.value, 'Idempotency-Key': crypto.randomUUID() },
    body: form,
  });
  const body = (await response.json().catch(() => ({}))) as ImportResult & ProblemBody;
  if (response.ok) return { kind: 'imported', result: body };
  if (Array.isArray(body.rowErrors)) return { kind: 'rejected', rowErrors: body.rowErrors };
  const first = body.errors?.[0];
  return {
    kind: 'failed',
    message: first?.reason ?? body.detail ?? `HTTP ${response.status}`,
    messageZh: first?.reasonZh ?? body.detailZh ?? `HTTP ${response.status}`,
  };
}

export function useImportApplications(roundId: string) {
  const refresh = useRefreshTalent();
  return useMutation({
    mutationFn: (file: File) => sendImport(roundId, file),
    onSuccess: (outcome) => {
      if (outcome.kind === 'imported') refresh();
    },
  });
}
