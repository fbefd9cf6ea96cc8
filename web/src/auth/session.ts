// Session state: who is signed in (GET /api/auth/me), and the mutations that change it (login, logout,
// sign out everywhere, change password).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost, isApiProblem } from '../api/client';
import { sessionQueryKey } from '../api/query-client';
import type { ChangePasswordRequest, LoginRequest, LoginResponse, MeResponse, User } from '../api/types';

/** The signed-in user, or null when there is no session. Other errors surface as the query's error. */
async function fetchSessionUser(signal: AbortSignal): Promise<User | null> {
  try {
    const { user } = await apiGet<MeResponse>('/api/auth/me', signal);
    return user;
  } catch (error: unknown) {
    if (isApiProblem(error) && error.status === 401) return null;
    throw error;
  }
}

export function useSession() {
  const query = useQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => fetchSessionUser(signal),
    staleTime: 5 * 60_000,
    meta: { silent: true },
  });
  return { ...query, user: query.data ?? null };
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginRequest) => apiPost<LoginResponse>('/api/auth/login', credentials),
    meta: { silent: true },
    onSuccess: ({ user }) => {
      queryClient.setQueryData(sessionQueryKey, user);
    },
  });
}

export function useLogout() {
  return useMutation({
    mutationFn: () => apiPost<void>('/api/auth/logout'),
    onSuccess: () => {
      // A full page load drops everything held in memory for this person (cache, form state), which
      // matters on the shared computers of stations, and lands on a clean sign-in without a return path.
      window.location.replace('/login');
    },
  });
}

/** Ends every session of this person (other browsers too), then leaves like a normal sign-out. */
export function useLogoutEverywhere() {
  return useMutation({
    mutationFn: () => apiPost<void>('/api/auth/logout-everywhere'),
    onSuccess: () => window.location.replace('/login'),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ChangePasswordRequest) => apiPost<void>('/api/auth/change-password', request),
    meta: { silent: true },
    // The session now says the password need not change; re-read it so the redirect guard lets go.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
  });
}
