// The project list's filters as an address query string, so a filtered list is a link: a saved
// view, or where a dashboard chart drills down to.
import type { ProjectFilters, ProjectSort, ProjectStatus } from '../work-types.js';

const STATUSES = ['running', 'completed', 'cancelled'] as const satisfies readonly ProjectStatus[];
export const PROJECT_SORTS = ['-startedAt', 'startedAt', 'title'] as const satisfies readonly ProjectSort[];

/** Filters taken as free text (trimmed; blank means unset). */
const TEXT_FILTERS = [
  'unitId',
  'definitionKey',
  'q',
  'stage',
  'node',
  'serviceDomain',
  'fundingSource',
] as const satisfies readonly (keyof ProjectFilters)[];
/** Calendar days (YYYY-MM-DD). */
const DAY_FILTERS = [
  'startedFrom',
  'startedTo',
  'endedFrom',
  'endedTo',
] as const satisfies readonly (keyof ProjectFilters)[];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const oneOf = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  allowed.find((item) => item === value);

/** Reads the filters from `?unitId=…&status=…`; unknown values are dropped, not sent to the server. */
export function filtersFromSearch(search: URLSearchParams): ProjectFilters {
  const filters: ProjectFilters = {};
  for (const key of TEXT_FILTERS) {
    const value = search.get(key)?.trim();
    if (value) filters[key] = value;
  }
  for (const key of DAY_FILTERS) {
    const value = search.get(key);
    if (value && DAY.test(value)) filters[key] = value;
  }
  const status = oneOf(STATUSES, search.get('status'));
  if (status) filters.status = status;
  if (search.get('overdue') === 'true') filters.overdue = 'true';
  // Only meaningful beside a unit: that unit's own projects, without the units below it.
  if (filters.unitId && search.get('subunits') === 'false') filters.subunits = 'false';
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

/** The address of the project list showing these filters. */
export const projectListPath = (filters: ProjectFilters): string => {
  const search = searchFromFilters(filters).toString();
  return search ? `/projects?${search}` : '/projects';
};

export { STATUSES as PROJECT_STATUSES };

/** The service domains of a station (DOMAIN §2), as the built-in forms offer them. */
export const SERVICE_DOMAINS = ['社会救助', '为老服务', '儿童关爱保护', '社区发展', '志愿服务管理'] as const;
/** Where a project's money comes from (DOMAIN §2), as definitions that declare `fundingSource` name it. */
export const FUNDING_SOURCES = ['政府购买服务', '公益创投', '慈善资金'] as const;
