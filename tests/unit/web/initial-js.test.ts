// The build's first-load figures: what a page opened directly must fetch, over a hand-made chunk graph
// (sizes chosen so every sum names the chunks it counted), and when the build must fail.
import { budgetProblems, pageLoads, staticClosure, type ChunkNode } from '../../../web/initial-js';

const chunk = (gzipBytes: number, imports: string[] = [], dynamicImports: string[] = []): ChunkNode => ({
  gzipBytes,
  imports,
  dynamicImports,
  isEntry: false,
});

// index (entry) → vendor, and lazily → area → page; the page and the area share `shared`; the area
// also loads a dialog later; `cycle-a` and `cycle-b` import each other.
const graph = () =>
  new Map<string, ChunkNode>([
    ['index', { ...chunk(1, ['vendor'], ['area', 'login']), isEntry: true }],
    ['vendor', chunk(10)],
    ['area', chunk(100, ['shared', 'vendor'], ['page', 'dialog'])],
    ['shared', chunk(1000)],
    ['page', chunk(10_000, ['shared', 'cycle-a'])],
    ['cycle-a', chunk(100_000, ['cycle-b'])],
    ['cycle-b', chunk(200_000, ['cycle-a'])],
    ['dialog', chunk(20)],
    ['login', chunk(40, ['vendor'])],
  ]);

describe('initial JavaScript of a page', () => {
  it('follows static imports through a cycle, each chunk once', () => {
    expect([...staticClosure(['page'], graph())].sort()).toEqual(['cycle-a', 'cycle-b', 'page', 'shared']);
  });

  it('counts the entry and its static imports for the shell', () => {
    const { shell } = pageLoads(graph());
    expect([...shell.files].sort()).toEqual(['index', 'vendor']);
    expect(shell.bytes).toBe(11);
  });

  it('adds a lazy area and its static imports, but not what the area loads later', () => {
    const area = pageLoads(graph()).lazy.get('area');
    expect(area?.bytes).toBe(1 + 10 + 100 + 1000);
    expect(area?.files.has('dialog')).toBe(false);
  });

  it('charges a page nested in a lazy area with the area chunk too, and shared chunks once', () => {
    expect(pageLoads(graph()).lazy.get('page')?.bytes).toBe(1 + 10 + 100 + 1000 + 10_000 + 100_000 + 200_000);
  });

  it('charges a chunk reachable along two chains along the shorter one', () => {
    const chunks = graph();
    chunks.set('index', { ...chunks.get('index')!, dynamicImports: ['area', 'login', 'page'] });
    expect(pageLoads(chunks).lazy.get('page')?.bytes).toBe(1 + 10 + 1000 + 10_000 + 100_000 + 200_000);
  });

  it('does not list a dynamically imported chunk that is already loaded statically', () => {
    const chunks = graph();
    chunks.set('area', { ...chunks.get('area')!, dynamicImports: ['page', 'dialog', 'vendor'] });
    expect(pageLoads(chunks).lazy.has('vendor')).toBe(false);
  });
});

describe('the officer budget', () => {
  const figures = [
    { page: 'InboxPage', bytes: 400 * 1024 },
    { page: 'ProjectsPage', bytes: 400 * 1024 + 1 },
    { page: 'AdminArea', bytes: 900 * 1024 },
  ];

  it('passes a page at the budget and fails one a byte over it', () => {
    expect(budgetProblems(figures, ['InboxPage'], 400 * 1024)).toEqual([]);
    expect(budgetProblems(figures, ['ProjectsPage'], 400 * 1024)).toHaveLength(1);
  });

  it('names the page over budget with its figure', () => {
    expect(
      budgetProblems([{ page: 'ProjectsPage', bytes: 401.5 * 1024 }], ['ProjectsPage'], 400 * 1024),
    ).toEqual(['ProjectsPage: 401.5 KB > budget 400.0 KB']);
  });

  it('ignores pages without a budget', () => {
    expect(budgetProblems(figures, ['InboxPage'], 400 * 1024)).toEqual([]);
    expect(figures.find((f) => f.page === 'AdminArea')!.bytes).toBeGreaterThan(400 * 1024);
  });

  it('fails when a budgeted page is no longer built as a lazy chunk', () => {
    expect(budgetProblems(figures, ['InboxPage', 'TaskListPage'], 400 * 1024)).toEqual([
      'TaskListPage: no lazy chunk built from it',
    ]);
  });
});
