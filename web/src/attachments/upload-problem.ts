// The server's own words for a refused upload (413 too large, 415 a type the bytes betray, 404,
// 409 …), read defensively from the problem body the upload hands back, in the person's language:
// the field reasons when there are any (they say what was wrong with the file), else the detail.
interface ProblemLike {
  detail?: unknown;
  detailZh?: unknown;
  errors?: unknown;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export function uploadProblemText(body: unknown, chinese: boolean, fallback: string): string {
  if (typeof body !== 'object' || body === null) return fallback;
  const problem = body as ProblemLike;
  const reasons = (Array.isArray(problem.errors) ? problem.errors : [])
    .map((error: unknown) => {
      const { reason, reasonZh } = (error ?? {}) as { reason?: unknown; reasonZh?: unknown };
      return (chinese ? text(reasonZh) : undefined) ?? text(reason);
    })
    .filter((reason): reason is string => reason !== undefined);
  if (reasons.length > 0) return reasons.join(chinese ? '；' : '; ');
  return (chinese ? text(problem.detailZh) : undefined) ?? text(problem.detail) ?? fallback;
}
