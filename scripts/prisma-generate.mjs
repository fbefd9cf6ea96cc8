// Runs `prisma generate` offline. Prisma 7's CLI insists on locating its native schema engine
// even though generate never runs it; the engine cannot be downloaded here, so we name an
// existing file (this script) unless the caller provides a real engine.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
const result = spawnSync('npx', ['prisma', 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
