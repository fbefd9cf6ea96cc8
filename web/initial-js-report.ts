// Prints, after every build, the JavaScript a browser must load before each page's first screen —
// gzip sizes, as shipped — and fails the build when an officer page exceeds its budget. A page opened
// directly loads the entry and its static imports plus the lazy chunks on the way to the page (see
// ./initial-js). Lazy chunks a page loads later (charts, dialogs, the notification drawer) are not
// part of its first screen.
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { budgetProblems, kb, pageLoads, type ChunkNode } from './initial-js';

/** The officers' first screens (工作台 and 项目) must open with at most this much JavaScript, gzip. */
export const OFFICER_BUDGET_BYTES = 400 * 1024;
/**
 * Named by the module a lazy chunk is built from: the areas' routes, whose first screens are the task
 * list and the project list. The pages they link to (a task, a project, the wizard) are printed too.
 */
export const OFFICER_PAGES = ['InboxPage', 'ProjectsPage'];

/** Lazy chunks built from a page-like module (`…/XyzPage.tsx`, `…/XyzArea.tsx`, `…/XyzWizard.tsx`). */
const PAGE_MODULE = /[\\/](\w+(?:Page|Area|Wizard))\.tsx$/;

export function initialJsReport(): Plugin {
  return {
    name: 'sgf-initial-js-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, ChunkNode>();
      const pageOf = new Map<string, string>();
      for (const [file, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk') continue;
        chunks.set(file, {
          gzipBytes: gzipSync(output.code).length,
          imports: output.imports,
          dynamicImports: output.dynamicImports,
          isEntry: output.isEntry,
        });
        const page = output.facadeModuleId?.match(PAGE_MODULE)?.[1];
        if (page) pageOf.set(file, page);
      }
      const { shell, lazy } = pageLoads(chunks);
      const figures = [...lazy.values()]
        .flatMap((load) => {
          const page = pageOf.get(load.chunk);
          return page ? [{ page, bytes: load.bytes }] : [];
        })
        .sort((a, b) => a.page.localeCompare(b.page));
      const budget = ` (officer page, budget ${kb(OFFICER_BUDGET_BYTES)})`;
      console.log(
        [
          `initial JS (gzip): shell ${kb(shell.bytes)}`,
          ...figures.map(
            ({ page, bytes }) =>
              `  ${page.padEnd(20)} ${kb(bytes).padStart(9)}${OFFICER_PAGES.includes(page) ? budget : ''}`,
          ),
        ].join('\n'),
      );
      const problems = budgetProblems(figures, OFFICER_PAGES, OFFICER_BUDGET_BYTES);
      if (problems.length) this.error(`initial JS (gzip) of the officer pages: ${problems.join('; ')}`);
    },
  };
}
