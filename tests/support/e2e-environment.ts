// The e2e suites' jest environment: node's, plus a look at the browser when a test fails. CI keeps
// only the log, so each open page's address is printed there and its screen saved under
// .data/e2e-screenshots/failures/ (see `recordFailedPages` in browser.ts, which the journeys'
// browsers register).
import type { Circus } from '@jest/types';
import { TestEnvironment } from 'jest-environment-node';

type FailureRecorder = (testName: string) => Promise<void>;

export default class E2eEnvironment extends TestEnvironment {
  async handleTestEvent(event: Circus.Event): Promise<void> {
    if (event.name !== 'test_fn_failure' && event.name !== 'hook_failure') return;
    const record = this.global.__sgfRecordFailedPages as FailureRecorder | undefined;
    const name = event.name === 'test_fn_failure' ? event.test.name : `${event.hook.type} hook`;
    await record?.(name);
  }
}
