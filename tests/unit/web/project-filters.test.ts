// The project list's filters round-trip through the address, so a filtered list is a shareable link.
import { filtersFromSearch, searchFromFilters } from '../../../web/src/work/projects/project-filters';

describe('project list filters in the query string', () => {
  it('reads every filter and writes it back unchanged', () => {
    const search = new URLSearchParams(
      'unitId=u1&definitionKey=project-lifecycle&status=running&q=%E7%85%A7%E6%8A%A4&overdue=true&sort=title',
    );
    const filters = filtersFromSearch(search);
    expect(filters).toEqual({
      unitId: 'u1',
      definitionKey: 'project-lifecycle',
      status: 'running',
      q: '照护',
      overdue: 'true',
      sort: 'title',
    });
    expect(searchFromFilters(filters).toString()).toBe(search.toString());
  });

  it('drops values the server would refuse and blank text', () => {
    expect(filtersFromSearch(new URLSearchParams('status=paused&sort=age&overdue=yes&q=%20%20'))).toEqual({});
  });
});
