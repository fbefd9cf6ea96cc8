// `npm run record:histories`: runs the Temporal live suites against a real server with
// SGF_RECORD_HISTORIES=1, which saves their workflows' histories under
// tests/fixtures/temporal-histories/ for the offline replay test, then formats them with prettier
// (the suites write them compact). Old recordings (not `kept-` ones) are removed first, so a
// scenario that no longer exists leaves no stale history behind. CI=true: a missing Temporal CLI
// fails instead of skipping.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './build-if-stale.mjs';

const dir = join(root, 'tests', 'fixtures', 'temporal-histories');
mkdirSync(dir, { recursive: true });
// `kept-` histories come from older workflow code and stay while a patched() branch serves them.
const isRecording = (name) => name.endsWith('.json') && !name.startsWith('kept-');
for (const name of readdirSync(dir)) if (isRecording(name)) rmSync(join(dir, name));
const jest = spawnSync(
  join(root, 'node_modules/.bin/jest'),
  [
    '--selectProjects',
    'integration',
    '--testPathPatterns',
    'tests/integration/temporal-live',
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, SGF_RECORD_HISTORIES: '1', CI: 'true' } },
);
const recorded = readdirSync(dir).filter(isRecording);
if (recorded.length > 0) {
  const prettier = spawnSync(
    join(root, 'node_modules/.bin/prettier'),
    ['--log-level', 'warn', '--write', dir],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (prettier.status !== 0) process.exit(prettier.status ?? 1);
}
console.log(`recorded ${recorded.length} histories in ${dir}`);
if (jest.status !== 0)
  console.error('Some live suites failed: their histories are missing; fix them and record again.');
process.exit(jest.status ?? 1);
