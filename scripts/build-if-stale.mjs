// Builds what is missing or older than its sources: the Prisma client and the web app.
// Shared by `npm start` and `npm test`, so both run against what the sources say.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

function run(script) {
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

export function buildIfStale() {
  const generated = join(root, 'prisma/generated/client.ts');
  if (newestMtime(join(root, 'prisma/schema.prisma')) > newestMtime(generated)) run('prisma:generate');
  const builtIndex = join(root, 'web/dist/index.html');
  const sources = [
    'web/src',
    'web/index.html',
    'web/public',
    'web/package.json',
    'web/vite.config.mts',
    // the build's own plugins
    'web/antd-direct-imports.ts',
    'web/initial-js.ts',
    'web/initial-js-report.ts',
  ].map((p) => newestMtime(join(root, p)));
  if (Math.max(...sources) > newestMtime(builtIndex)) {
    console.log('Building the web app…');
    run('build:web');
  }
}
