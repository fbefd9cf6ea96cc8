// The arithmetic behind the build's first-load figures: which chunks a browser must fetch before a
// page can show, given the chunk graph the bundler wrote. Kept free of the bundler's types so a unit
// test can check it over a small hand-made graph.

export interface ChunkNode {
  /** Gzip size of the chunk as shipped. */
  gzipBytes: number;
  /** Chunks this one imports statically: the browser loads them before running it. */
  imports: readonly string[];
  /** Chunks this one loads on demand (`import()`, e.g. a lazily loaded page). */
  dynamicImports: readonly string[];
  isEntry: boolean;
}

export interface PageLoad {
  chunk: string;
  /** Every chunk fetched before the page can render: the entry's closure and the lazy chain to it. */
  files: Set<string>;
  bytes: number;
}

export function staticClosure(start: Iterable<string>, chunks: ReadonlyMap<string, ChunkNode>): Set<string> {
  const seen = new Set<string>();
  const pending = [...start];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    pending.push(...(chunks.get(file)?.imports ?? []));
  }
  return seen;
}

export function totalBytes(files: Iterable<string>, chunks: ReadonlyMap<string, ChunkNode>): number {
  let sum = 0;
  for (const file of files) sum += chunks.get(file)?.gzipBytes ?? 0;
  return sum;
}

/**
 * What opening each lazily loaded chunk directly (a bookmark, a link in a notification) costs: the
 * entries and their static imports, then every lazy chunk on the way to it — a page nested in a
 * lazy area needs the area's chunk first — each with its own static imports. Breadth-first from
 * the entries, so a chunk reachable along several chains is charged along the shortest.
 */
export function pageLoads(chunks: ReadonlyMap<string, ChunkNode>): {
  shell: PageLoad;
  lazy: Map<string, PageLoad>;
} {
  const entries = [...chunks].filter(([, chunk]) => chunk.isEntry).map(([file]) => file);
  const load = (chunk: string, files: Set<string>): PageLoad => ({
    chunk,
    files,
    bytes: totalBytes(files, chunks),
  });
  const shell = load('', staticClosure(entries, chunks));
  const lazy = new Map<string, PageLoad>();
  const queue = [shell];
  for (let from = queue.shift(); from !== undefined; from = queue.shift()) {
    for (const file of from.files)
      for (const target of chunks.get(file)?.dynamicImports ?? []) {
        if (lazy.has(target) || from.files.has(target)) continue;
        const reached = load(target, staticClosure([...from.files, target], chunks));
        lazy.set(target, reached);
        queue.push(reached);
      }
  }
  return { shell, lazy };
}

export interface PageFigure {
  page: string;
  bytes: number;
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * Why the build must fail, if it must: a budgeted page over its budget, or a budgeted page the build
 * no longer produces as a lazy chunk (renamed, or imported statically), which would otherwise drop
 * out of the check without a word.
 */
export function budgetProblems(
  figures: readonly PageFigure[],
  budgeted: readonly string[],
  budgetBytes: number,
): string[] {
  return budgeted.flatMap((page) => {
    const figure = figures.find((f) => f.page === page);
    if (!figure) return [`${page}: no lazy chunk built from it`];
    return figure.bytes > budgetBytes ? [`${page}: ${kb(figure.bytes)} > budget ${kb(budgetBytes)}`] : [];
  });
}
