// The server's own words for a refused upload (413 too large, 415 wrong type, 404, 409 …), read
// defensively from the problem body antd's Upload hands back, in the person's language.
interface ProblemLike {
  detail?: unknown;
  detailZh?: unknown;
  errors?: unknown;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export function uploadProblemText(body: unknown, chinese: boolean, fallback: string): string {
  if (typeof body !== 'object' || body === null) return fallback;
  const problem = body as ProblemLike;
  const detail = (chinese ? text(problem.detailZh) : undefined) ?? text(problem.detail);
  const reasons = (Array.isArray(problem.errors) ? problem.errors : [])
    .map((error: unknown) => {
      const { reason, reasonZh } = (error ?? {}) as { reason?: unknown; reasonZh?: unknown };
      return (chinese ? text(reasonZh) : undefined) ?? text(reason);
    })
    .filter((reason): reason is string => reason !== undefined && !detail?.includes(reason));
  const parts = [detail, ...reasons].filter((part): part is string => part !== undefined);
  return parts.length > 0 ? parts.join(chinese ? '：' : ': ') : fallback;
}
