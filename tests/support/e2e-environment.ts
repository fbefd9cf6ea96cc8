// The e2e suites' jest environment: node's, plus a look at the browser when a test fails. CI keeps
// only the log, so each open page's address is printed there and its screen saved under
// .data/e2e-screenshots/failures/ (see `recordFailedPages` in browser.ts, which the journeys'
// browsers register).
import type { Circus } from '@jest/types';
import { TestEnvironment } from 'jest-environment-node';
import { stripVTControlCharacters } from 'node:util';

type FailureRecorder = (testName: string, failure: string) => Promise<void>;

/**
 * The error's first line and the call log's last step, on one line: CI's log excerpt may end before
 * the call log jest prints, and the step (`waiting for getByText(…)`) says which wait timed out.
 */
function failureSummary(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = stripVTControlCharacters(message) // Playwright colours its call log
    .split('\n')
    .map((line) => line.trim());
  const lastStep = lines.filter((line) => line.startsWith('- ')).at(-1);
  return [lines[0], lastStep].filter(Boolean).join(' ');
}

export default class E2eEnvironment extends TestEnvironment {
  async handleTestEvent(event: Circus.Event): Promise<void> {
    if (event.name !== 'test_fn_failure' && event.name !== 'hook_failure') return;
    const record = this.global.__sgfRecordFailedPages as FailureRecorder | undefined;
    const name = event.name === 'test_fn_failure' ? event.test.name : `${event.hook.type} hook`;
    await record?.(name, failureSummary(event.error));
  }
}
