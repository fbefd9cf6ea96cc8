// Users and their role assignments: the filtered, cursor-paged list and every admin action on a user.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiCreate, apiDelete, apiGet, apiPatch, apiPost } from '../../api/client';
import { toQueryString } from '../../ui/query-string';
import type {
  AdminUser,
  CreateUserRequest,
  CreateUserResponse,
  OneTimePasswordResponse,
  Page,
  RoleAtUnit,
  UpdateUserRequest,
  UserAssignment,
  UserFilters,
} from '../admin-types';
import { adminKeys } from './admin-query-keys';

export const USER_PAGE_SIZE = 20;

export function useUsers(filters: UserFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: adminKeys.userPage(filters, cursor),
    queryFn: ({ signal }) =>
      apiGet<Page<AdminUser>>(
        `/api/users${toQueryString({ ...filters, limit: USER_PAGE_SIZE, cursor })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

function useRefreshUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: adminKeys.users() });
}

export function useCreateUser() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: (request: CreateUserRequest) => apiCreate<CreateUserResponse>('/api/users', request),
    meta: { silent: true },
    onSuccess: refresh,
  });
}

export function useUpdateUser() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: ({
      user,
      changes,
    }: {
      user: Pick<AdminUser, 'id' | 'revision'>;
      changes: UpdateUserRequest;
    }) => apiPatch<AdminUser>(`/api/users/${user.id}`, changes, user.revision),
    meta: { silent: true },
    onSuccess: refresh,
  });
}

export function useUnlockUser() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: (userId: string) => apiPost<AdminUser>(`/api/users/${userId}/unlock`),
    onSuccess: refresh,
  });
}

export function useResetPassword() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: (userId: string) => apiPost<OneTimePasswordResponse>(`/api/users/${userId}/reset-password`),
    onSuccess: refresh,
  });
}

export function useAddAssignment() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: ({ userId, assignment }: { userId: string; assignment: RoleAtUnit }) =>
      apiCreate<UserAssignment>(`/api/users/${userId}/assignments`, assignment),
    meta: { silent: true },
    onSuccess: refresh,
  });
}

export function useRemoveAssignment() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: ({ userId, assignmentId }: { userId: string; assignmentId: string }) =>
      apiDelete(`/api/users/${userId}/assignments/${assignmentId}`),
    onSuccess: refresh,
  });
}
