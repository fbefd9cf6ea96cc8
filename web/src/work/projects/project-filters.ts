// The project list's filters as an address query string, so a filtered list is a link (a saved view).
import type { ProjectFilters, ProjectSort, ProjectStatus } from '../work-types';

const STATUSES = ['running', 'completed', 'cancelled'] as const satisfies readonly ProjectStatus[];
export const PROJECT_SORTS = ['-startedAt', 'startedAt', 'title'] as const satisfies readonly ProjectSort[];

const oneOf = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  allowed.find((item) => item === value);

/** Reads the filters from `?unitId=…&status=…`; unknown values are dropped, not sent to the server. */
export function filtersFromSearch(search: URLSearchParams): ProjectFilters {
  const text = (key: string) => search.get(key)?.trim() || undefined;
  const filters: ProjectFilters = {};
  const unitId = text('unitId');
  if (unitId) filters.unitId = unitId;
  const definitionKey = text('definitionKey');
  if (definitionKey) filters.definitionKey = definitionKey;
  const status = oneOf(STATUSES, search.get('status'));
  if (status) filters.status = status;
  const q = text('q');
  if (q) filters.q = q;
  if (search.get('overdue') === 'true') filters.overdue = 'true';
  const sort = oneOf(PROJECT_SORTS, search.get('sort'));
  if (sort) filters.sort = sort;
  return filters;
}

export function searchFromFilters(filters: ProjectFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (typeof value === 'string' && value !== '') search.set(key, value);
  }
  return search;
}

export { STATUSES as PROJECT_STATUSES };
