// Prints, after every build, the JavaScript a browser must load before each area's first screen:
// the entry chunk and everything it imports statically, plus the area's lazily loaded page chunk
// and its static imports — gzip sizes, as shipped — beside the budget for the officer pages.
// Lazy chunks an area loads later (charts, the designer) are not part of its first screen.
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** The officers' areas (工作台 and 项目) must open with at most this much JavaScript, gzip. */
const OFFICER_BUDGET_BYTES = 400 * 1024;
const OFFICER_AREAS = ['InboxPage', 'ProjectsPage'];

interface ChunkInfo {
  code: string;
  imports: string[];
  isEntry: boolean;
  facadeModuleId?: string | null;
}

function staticClosure(start: readonly string[], chunks: ReadonlyMap<string, ChunkInfo>): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const next of chunks.get(file)?.imports ?? []) visit(next);
  };
  start.forEach(visit);
  return seen;
}

export function initialJsReport(): Plugin {
  return {
    name: 'sgf-initial-js-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, ChunkInfo>();
      for (const [file, output] of Object.entries(bundle))
        if (output.type === 'chunk')
          chunks.set(file, {
            code: output.code,
            imports: output.imports,
            isEntry: output.isEntry,
            facadeModuleId: output.facadeModuleId,
          });
      const gzip = new Map([...chunks].map(([file, chunk]) => [file, gzipSync(chunk.code).length]));
      const total = (files: Set<string>) => [...files].reduce((sum, file) => sum + (gzip.get(file) ?? 0), 0);
      const entries = [...chunks].filter(([, chunk]) => chunk.isEntry).map(([file]) => file);
      const shell = staticClosure(entries, chunks);
      const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
      const lines = [`initial JS (gzip): shell ${kb(total(shell))}`];
      let worst = 0;
      for (const [file, chunk] of chunks) {
        const page =
          chunk.facadeModuleId?.match(/[\\/]pages[\\/](\w+)\.tsx$/)?.[1] ??
          chunk.facadeModuleId?.match(/[\\/](\w+Area)\.tsx$/)?.[1];
        if (!page || chunk.isEntry) continue;
        const size = total(staticClosure([...entries, file], chunks));
        if (OFFICER_AREAS.includes(page)) worst = Math.max(worst, size);
        lines.push(
          `  ${page.padEnd(16)} ${kb(size)}${OFFICER_AREAS.includes(page) ? ' (officer page)' : ''}`,
        );
      }
      lines.push(
        `officer pages: ${kb(worst)} (budget ${kb(OFFICER_BUDGET_BYTES)}: ${worst > OFFICER_BUDGET_BYTES ? 'OVER' : 'within'})`,
      );
      console.log(lines.join('\n'));
    },
  };
}
