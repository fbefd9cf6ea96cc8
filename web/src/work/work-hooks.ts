// Server state of the work areas: the catalogue, projects and the task inbox, and every action on them.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiCreate, apiGet, apiPost } from '../api/client';
import { toQueryString } from '../ui/query-string';
import type {
  Catalogue,
  CompleteTaskRequest,
  ProjectDetail,
  ProjectFilters,
  ProjectPage,
  ReviewRequest,
  StartProjectRequest,
  TaskDetail,
  TaskPage,
  TaskSort,
  TaskView,
  Timeline,
  VoteRequest,
} from './work-types';
import { workKeys } from './work-query-keys';
import type {
  AddSignerRequest,
  BulkVoteRequest,
  BulkVoteResult,
  CommentTaskRequest,
  CopyTaskRequest,
  HandOverTaskRequest,
  ReassignTaskRequest,
  ResolveTaskRequest,
  ReturnTaskRequest,
  TaskActivity,
} from './inbox/task-action-types';

export const PAGE_SIZE = 20;

export function useCatalogue() {
  return useQuery({
    queryKey: workKeys.catalogue(),
    queryFn: ({ signal }) => apiGet<Catalogue>('/api/processes', signal),
    select: (catalogue) => catalogue.items,
  });
}

export function useTaskPage(view: TaskView, sort: TaskSort, cursor: string | undefined) {
  return useQuery({
    queryKey: workKeys.taskPage(view, sort, cursor),
    queryFn: ({ signal }) =>
      apiGet<TaskPage>(`/api/tasks${toQueryString({ view, sort, limit: PAGE_SIZE, cursor })}`, signal),
    // Paging or re-sorting keeps the rows on screen until the next page arrives; another tab never
    // shows the previous tab's rows under its own name.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[3] === view ? previous : undefined,
  });
}

export function useTask(id: string) {
  return useQuery({
    queryKey: workKeys.task(id),
    queryFn: ({ signal }) => apiGet<TaskDetail>(`/api/tasks/${id}`, signal),
    // A task the caller may not see answers 404: the page says so instead of a toast.
    meta: { silent: true },
  });
}

export function useProjectPage(filters: ProjectFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: workKeys.projectPage(filters, cursor),
    queryFn: ({ signal }) =>
      apiGet<ProjectPage>(`/api/projects${toQueryString({ ...filters, limit: PAGE_SIZE, cursor })}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: string) {
  return useQuery({
    queryKey: workKeys.project(id),
    queryFn: ({ signal }) => apiGet<ProjectDetail>(`/api/projects/${id}`, signal),
    meta: { silent: true },
  });
}

export function useTimeline(id: string, enabled: boolean) {
  return useQuery({
    queryKey: workKeys.timeline(id),
    queryFn: ({ signal }) => apiGet<Timeline>(`/api/projects/${id}/timeline`, signal),
    select: (timeline) => timeline.items,
    enabled,
  });
}

/**
 * Any action on a task or project changes the inbox, the task and its project: refresh them all.
 * Not awaited: a refetched task can unmount the form that acted on it (it is no longer open, or no
 * longer the caller's), and the form's own success callback, which navigates away, must still run.
 */
function useRefreshWork() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: workKeys.all });
  };
}

type TaskAction =
  | { kind: 'complete'; body: CompleteTaskRequest }
  | { kind: 'vote'; body: VoteRequest }
  | { kind: 'review'; body: ReviewRequest };

export function useTaskAction(taskId: string) {
  const refresh = useRefreshWork();
  return useMutation({
    mutationFn: (action: TaskAction) =>
      apiPost<TaskDetail>(`/api/tasks/${taskId}/${action.kind}`, action.body, {
        idempotencyKey: crypto.randomUUID(),
      }),
    meta: { silent: true },
    onSuccess: refresh,
  });
}

export function useClaimTask() {
  const refresh = useRefreshWork();
  return useMutation({
    mutationFn: (taskId: string) =>
      apiPost<TaskDetail>(`/api/tasks/${taskId}/claim`, undefined, { idempotencyKey: crypto.randomUUID() }),
    onSuccess: refresh,
  });
}

export function useStartProject() {
  const refresh = useRefreshWork();
  return useMutation({
    mutationFn: (request: StartProjectRequest) => apiCreate<ProjectDetail>('/api/projects', request),
    meta: { silent: true },
    onSuccess: refresh,
  });
}

export function useCancelProject(projectId: string) {
  const refresh = useRefreshWork();
  return useMutation({
    mutationFn: (reason: string) =>
      apiPost<ProjectDetail>(
        `/api/projects/${projectId}/cancel`,
        { reason },
        { idempotencyKey: crypto.randomUUID() },
      ),
    meta: { silent: true },
    onSuccess: refresh,
  });
}

export function useTaskActivity(taskId: string) {
  return useQuery({
    queryKey: [...workKeys.task(taskId), 'activity'],
    queryFn: ({ signal }) => apiGet<TaskActivity>(`/api/tasks/${taskId}/activity`, signal),
  });
}

/** Hand-overs (改派, 委派, 转办, 交回), 退回, 拿回, 加签, 抄送 and remarks: each answers the task after it. */
export type HandOverAction =
  | { kind: 'reassign'; body: ReassignTaskRequest }
  | { kind: 'delegate' | 'transfer'; body: HandOverTaskRequest }
  | { kind: 'resolve'; body: ResolveTaskRequest }
  | { kind: 'return'; body: ReturnTaskRequest }
  | { kind: 'take-back'; body?: undefined }
  | { kind: 'add-signer'; body: AddSignerRequest }
  | { kind: 'cc'; body: CopyTaskRequest }
  | { kind: 'comments'; body: CommentTaskRequest };

export function useHandOver(taskId: string) {
  const refresh = useRefreshWork();
  return useMutation({
    mutationFn: (action: HandOverAction) =>
      apiPost<TaskDetail>(`/api/tasks/${taskId}/${action.kind}`, action.body, {
        idempotencyKey: crypto.randomUUID(),
      }),
    meta: { silent: true },
    onSuccess: refresh,
  });
}

export function useBulkApprove() {
  const refresh = useRefreshWork();
  return useMutation({
    mutationFn: (request: BulkVoteRequest) =>
      apiPost<BulkVoteResult>('/api/tasks/bulk-vote', request, { idempotencyKey: crypto.randomUUID() }),
    meta: { silent: true },
    onSuccess: refresh,
  });
}
