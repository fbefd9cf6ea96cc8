// Which Temporal server the live suites use, and how they behave without one: skipped with a hint
// on a developer's machine, failed in CI (CI=true) so that a missing install step never hides.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '@jest/types';
import { findTemporalCli, INSTALL_HINT } from './temporal-dev-server';

/** Not TEMPORAL_ADDRESS: that one would switch the product booted by the e2e tests onto Temporal. */
export const temporalTestEnv = {
  address: 'SGF_TEST_TEMPORAL_ADDRESS',
  cli: 'SGF_TEST_TEMPORAL_CLI',
  /** The process workflow bundled once per run, for every test worker (webpack takes seconds). */
  bundle: 'SGF_TEST_TEMPORAL_BUNDLE',
} as const;

const integrationDir = join(__dirname, '..', 'integration');
const liveSuitePattern = /^temporal-live.*\.test\.ts$/;

/** True when the run's project and path filters keep at least one live suite. */
export function liveSuitesSelected(globalConfig: Config.GlobalConfig): boolean {
  // `--selectProjects a b` reaches the global setup only through the command line.
  const flag = process.argv.indexOf('--selectProjects');
  const after = flag < 0 ? [] : process.argv.slice(flag + 1);
  const end = after.findIndex((arg) => arg.startsWith('-'));
  const projects = end < 0 ? after : after.slice(0, end);
  if (projects.length > 0 && !projects.includes('integration')) return false;
  const files = readdirSync(integrationDir)
    .filter((name) => liveSuitePattern.test(name))
    .map((name) => join(integrationDir, name));
  const patterns = globalConfig.testPathPatterns;
  if (!patterns?.isSet()) return true;
  const executor = patterns.toExecutor({ rootDir: globalConfig.rootDir });
  return files.some((file) => executor.isMatch(file));
}

export function liveTemporalAddress(): string | undefined {
  return process.env[temporalTestEnv.address];
}

/** `describe` with a Temporal server; without one, skipped (or, under CI=true, one failing test). */
export function describeLive(name: string, body: (address: string) => void): void {
  describeWith(
    liveTemporalAddress(),
    name,
    body,
    `no Temporal server (set TEMPORAL_ADDRESS, or ${INSTALL_HINT})`,
  );
}

/** `describe` with the Temporal CLI (for suites that start servers themselves); the same without. */
export function describeWithTemporalCli(name: string, body: (cli: string) => void): void {
  describeWith(findTemporalCli(), name, body, `no Temporal CLI (${INSTALL_HINT})`);
}

function describeWith(
  value: string | undefined,
  name: string,
  body: (value: string) => void,
  reason: string,
) {
  if (value) {
    describe(name, () => body(value));
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('runs with Temporal (CI must not skip it)', () => {
        throw new Error(reason);
      });
    });
    return;
  }
  console.warn(`skip: ${name}: ${reason}`);
  describe.skip(name, () => body(''));
}
