// Runs `prisma generate` offline. Prisma 7's CLI insists on locating its native schema engine
// even though generate never runs it; the engine cannot be downloaded here, so we name an
// existing file (this script) unless the caller provides a real engine.
// The CLI is called by path: the `prisma6` alias (used for migration SQL) also installs a
// `prisma` command, and which one node_modules/.bin/prisma points to is up to npm.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('prisma/package.json')), 'build', 'index.js');
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
const result = spawnSync(process.execPath, [cli, 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
