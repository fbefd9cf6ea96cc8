// The project list's filters round-trip through the address, so a filtered list is a shareable link,
// a saved view, or where a dashboard chart drills down to; saved views keep per person.
import {
  filtersFromSearch,
  projectListPath,
  searchFromFilters,
} from '../../../web/src/work/projects/project-filters';
import {
  deleteView,
  readSavedViews,
  saveView,
  type ViewStore,
} from '../../../web/src/work/projects/saved-views';

describe('project list filters in the query string', () => {
  it('reads every filter and writes it back unchanged', () => {
    const search = new URLSearchParams(
      'unitId=u1&definitionKey=project-lifecycle&q=%E7%85%A7%E6%8A%A4&stage=plan&node=headApproval' +
        '&serviceDomain=%E4%B8%BA%E8%80%81%E6%9C%8D%E5%8A%A1&fundingSource=%E5%85%AC%E7%9B%8A%E5%88%9B%E6%8A%95' +
        '&startedFrom=2026-01-01&startedTo=2026-06-30&endedFrom=2026-11-01&endedTo=2026-11-30' +
        '&status=running&overdue=true&subunits=false&sort=title',
    );
    const filters = filtersFromSearch(search);
    expect(filters).toEqual({
      unitId: 'u1',
      definitionKey: 'project-lifecycle',
      q: '照护',
      stage: 'plan',
      node: 'headApproval',
      serviceDomain: '为老服务',
      fundingSource: '公益创投',
      startedFrom: '2026-01-01',
      startedTo: '2026-06-30',
      endedFrom: '2026-11-01',
      endedTo: '2026-11-30',
      status: 'running',
      overdue: 'true',
      subunits: 'false',
      sort: 'title',
    });
    expect(searchFromFilters(filters).toString()).toBe(search.toString());
  });

  it('drops values the server would refuse and blank text', () => {
    expect(
      filtersFromSearch(
        new URLSearchParams('status=paused&sort=age&overdue=yes&q=%20%20&startedFrom=1.1.2026&stage=%20'),
      ),
    ).toEqual({});
  });

  it('keeps "this unit only" only beside a unit', () => {
    expect(filtersFromSearch(new URLSearchParams('subunits=false'))).toEqual({});
  });

  it('builds the list address a chart drills down to', () => {
    expect(projectListPath({ definitionKey: 'project-lifecycle', stage: 'assess', status: 'running' })).toBe(
      '/projects?definitionKey=project-lifecycle&stage=assess&status=running',
    );
    expect(projectListPath({})).toBe('/projects');
  });
});

describe('saved views of the project list', () => {
  const memoryStorage = (): ViewStore => {
    const items = new Map<string, string>();
    return {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
    };
  };

  it('saves named views per person, replaces one of the same name and deletes by name', () => {
    const storage = memoryStorage();
    saveView(storage, 'u1', { name: '逾期', search: 'overdue=true' });
    saveView(storage, 'u1', { name: '计划中', search: 'stage=plan' });
    expect(saveView(storage, 'u1', { name: '逾期', search: 'overdue=true&status=running' })).toEqual([
      { name: '计划中', search: 'stage=plan' },
      { name: '逾期', search: 'overdue=true&status=running' },
    ]);
    expect(readSavedViews(storage, 'u2')).toEqual([]);
    expect(deleteView(storage, 'u1', '计划中')).toEqual([
      { name: '逾期', search: 'overdue=true&status=running' },
    ]);
  });

  it('treats unreadable storage as no views', () => {
    const storage = memoryStorage();
    storage.setItem('sgf.projectViews.u1', '{not json');
    expect(readSavedViews(storage, 'u1')).toEqual([]);
    storage.setItem('sgf.projectViews.u1', JSON.stringify([{ name: 1 }, { name: 'ok', search: '' }]));
    expect(readSavedViews(storage, 'u1')).toEqual([{ name: 'ok', search: '' }]);
  });
});
