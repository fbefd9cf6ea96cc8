// TanStack Query set-up: API errors are reported in one place, and a 401 anywhere ends the session view.
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiProblem } from './client';

export const sessionQueryKey = ['auth', 'me'] as const;

/** Shows an error to the person; installed by <ProblemNotifier> once antd's App context exists. */
type ProblemReporter = (error: unknown) => void;
let reportProblem: ProblemReporter = () => undefined;

export function setProblemReporter(reporter: ProblemReporter): () => void {
  reportProblem = reporter;
  return () => {
    reportProblem = () => undefined;
  };
}

declare module '@tanstack/react-query' {
  interface Register {
    // `silent`: the caller shows the error itself (e.g. the login form's inline alert).
    queryMeta: { silent?: boolean };
    mutationMeta: { silent?: boolean };
  }
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (endSessionOn401(error, query.queryKey)) return;
        if (holdForPasswordChange(error)) return;
        if (!query.meta?.silent) reportProblem(error);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (endSessionOn401(error)) return;
        if (holdForPasswordChange(error)) return;
        // Someone else changed the record since this page loaded it: say so (even for forms that show
        // their own errors) and reload, so the next attempt starts from the current revision.
        if (isApiProblem(error) && error.status === 412) {
          reportProblem(error);
          void client.invalidateQueries();
          return;
        }
        if (!mutation.meta?.silent) reportProblem(error);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Client errors (4xx) will not change by retrying; network and server errors may.
        retry: (failureCount, error) =>
          failureCount < 2 && !(isApiProblem(error) && error.status >= 400 && error.status < 500),
      },
    },
  });

  // A 401 on any other request means the session expired: drop the user so the guard sends them to /login.
  function endSessionOn401(error: unknown, queryKey?: readonly unknown[]): boolean {
    if (!isApiProblem(error) || error.status !== 401) return false;
    const isSessionQuery = queryKey?.[0] === sessionQueryKey[0] && queryKey[1] === sessionQueryKey[1];
    if (!isSessionQuery) client.setQueryData(sessionQueryKey, null);
    return true;
  }

  // The server refuses work until a required password change is done; re-reading the session makes
  // the route guard show the change-password page.
  function holdForPasswordChange(error: unknown): boolean {
    if (!isApiProblem(error, 'PASSWORD_CHANGE_REQUIRED')) return false;
    void client.invalidateQueries({ queryKey: sessionQueryKey });
    return true;
  }

  return client;
}
