// Server state of the notification inbox: the unread count (kept current by the live stream), the
// drawer's pages, marking read, and the urge (催办).
import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { apiGet, apiPost } from '../api/client';
import { toQueryString } from '../ui/query-string';
import type {
  MarkedRead,
  NotificationPage,
  UnreadCount,
  UrgeRequest,
  UrgeResult,
} from './notification-types';

const PAGE_SIZE = 20;

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: () => [...notificationKeys.all, 'unread'] as const,
  list: (unreadOnly: boolean) => [...notificationKeys.all, 'list', unreadOnly] as const,
};

/** The stream and every answer carry the new count: the badge takes it without another request. */
export function setUnread(queryClient: QueryClient, unread: number): void {
  queryClient.setQueryData<UnreadCount>(notificationKeys.unread(), { unread });
}

export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread(),
    queryFn: ({ signal }) => apiGet<UnreadCount>('/api/notifications/unread-count', signal),
    select: (answer) => answer.unread,
    // The live stream pushes every change; a refetch only happens when it has been away.
    staleTime: Infinity,
  });
}

export function useNotificationPages(unreadOnly: boolean, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: notificationKeys.list(unreadOnly),
    queryFn: ({ pageParam, signal }) =>
      apiGet<NotificationPage>(
        `/api/notifications${toQueryString({ limit: PAGE_SIZE, unread: unreadOnly ? 'true' : undefined, cursor: pageParam })}`,
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled,
  });
}

/** After marking: the badge takes the count the answer carries; the drawer's pages reload. */
function useAfterMarking() {
  const queryClient = useQueryClient();
  return ({ unread }: MarkedRead) => {
    setUnread(queryClient, unread);
    void queryClient.invalidateQueries({ queryKey: [...notificationKeys.all, 'list'] });
  };
}

export function useMarkRead() {
  return useMutation({
    mutationFn: (id: string) => apiPost<MarkedRead>(`/api/notifications/${id}/read`),
    onSuccess: useAfterMarking(),
  });
}

export function useMarkAllRead() {
  return useMutation({
    mutationFn: () => apiPost<MarkedRead>('/api/notifications/read-all'),
    onSuccess: useAfterMarking(),
  });
}

export function useUrgeTask(taskId: string) {
  return useMutation({
    mutationFn: (request: UrgeRequest) => apiPost<UrgeResult>(`/api/tasks/${taskId}/urge`, request),
    // The button shows the server's own words for a refusal (e.g. when it may be urged again).
    meta: { silent: true },
  });
}
