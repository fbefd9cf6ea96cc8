// Child process of the crash test: the embedded runtime (scheduler included) serving the commands
// the test writes to its stdin, one JSON per line. It prints `ACK <reply>` once the runtime
// acknowledged a command and `NACK <id> <code>` when it refused it. It never stops by itself;
// the test kills it with SIGKILL.
import { createInterface } from 'node:readline';
import { createEmbeddedOrchestrator } from '../../api/orchestrator/embedded-orchestrator';
import { runCrashCommand, type CrashCommand } from './crash-commands';

const { DATABASE_URL, VERSION_ID, UNIT_ID, USER_ID } = process.env;
if (!DATABASE_URL || !VERSION_ID || !UNIT_ID || !USER_ID)
  throw new Error('crash worker needs its environment');

const { orchestrator } = createEmbeddedOrchestrator({
  databaseUrl: DATABASE_URL,
  runScheduler: true,
  scheduler: { pollMs: 5, leaseMs: 500, baseBackoffMs: 50, maxAttempts: 20 },
});
const target = { orchestrator, versionId: VERSION_ID, unitId: UNIT_ID, actor: { userId: USER_ID } };

async function serve(command: CrashCommand): Promise<void> {
  try {
    process.stdout.write(`ACK ${JSON.stringify(await runCrashCommand(target, command))}\n`);
  } catch (error) {
    const { code } = error as { code?: unknown };
    process.stdout.write(`NACK ${command.id} ${typeof code === 'string' ? code : String(error)}\n`);
  }
}

createInterface({ input: process.stdin }).on('line', (line) => void serve(JSON.parse(line) as CrashCommand));
process.stdout.write('READY\n');
