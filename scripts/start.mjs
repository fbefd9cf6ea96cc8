// `npm start`: build whatever is missing or stale (Prisma client, web app), then run the server.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const launchedAt = Date.now();
const root = new URL('..', import.meta.url).pathname;

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

const generated = join(root, 'prisma/generated/client.ts');
if (!existsSync(generated) || newestMtime(join(root, 'prisma/schema.prisma')) > newestMtime(generated)) {
  run('prisma:generate');
}
const webSources = Math.max(newestMtime(join(root, 'web/src')), newestMtime(join(root, 'web/index.html')));
if (!existsSync(join(root, 'web/dist/index.html')) || webSources > newestMtime(join(root, 'web/dist/index.html'))) {
  console.log('Building the web app…');
  run('build:web');
}
const buildSeconds = ((Date.now() - launchedAt) / 1000).toFixed(1);
console.log(`Build step took ${buildSeconds} s.`);

const server = spawn(join(root, 'node_modules/.bin/tsx'), [join(root, 'api/server.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SGF_LAUNCHED_AT: String(launchedAt) },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
