// `npm start`: build whatever is missing or stale, then run the server (embedded defaults).
// package.json runs this with `exec`, so npm's SIGTERM (e.g. `docker stop`) reaches this process,
// which passes it on to the server and exits once the server (and its PostgreSQL) has stopped.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildIfStale, root } from './build-if-stale.mjs';

const launchedAt = Date.now();
buildIfStale();
console.log(`Build step took ${((Date.now() - launchedAt) / 1000).toFixed(1)} s.`);

// node with tsx as a loader, not the tsx command: one process fewer between npm and the server.
const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'api/server.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SGF_LAUNCHED_AT: String(launchedAt) },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
