// Running the product as an operator does: `npm start` stopped by a plain SIGTERM to npm (what
// `docker stop` sends to the image's CMD ["npm","start"]), a second process refused on a data
// folder in use, configuration errors in one line, and the simulator's two outputs.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A loaded two-core machine may rebuild the web app on the first `npm start`.
jest.setTimeout(600_000);

const root = join(__dirname, '..', '..');

/** npm's own warnings about the machine's npmrc are not the product's output. */
const withoutNpmNoise = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('npm warn'))
    .join('\n');

/** An environment without the settings that would take the product off its embedded defaults. */
function cleanEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.TEMPORAL_ADDRESS;
  return { ...env, ...settings };
}

/** Processes whose command line mentions the folder (the server's PostgreSQL names its cluster). */
function processesUsing(folder: string): { pid: number; command: string }[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
        return command.includes(folder) ? [{ pid: Number(pid), command }] : [];
      } catch {
        return [];
      }
    });
}

/** Live (not zombie) processes of a process group, as "<pid> <command line>". */
function processesInGroup(groupId: number): string[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        // After the parenthesised command name: state, parent pid, process group.
        const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (Number(group) !== groupId || state === 'Z') return [];
        return [`${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')}`];
      } catch {
        return [];
      }
    });
}

/**
 * The processes of a group still alive after a grace period: one run on a loaded machine found a
 * process of the group still present right after npm's exit, gone moments later. /proc offers no
 * event for a group emptying, so this polls; an orphaned server or PostgreSQL stays and fails.
 */
async function survivorsOfGroup(groupId: number, graceMs: number): Promise<string[]> {
  const deadline = Date.now() + graceMs;
  let survivors = processesInGroup(groupId);
  while (survivors.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    survivors = processesInGroup(groupId);
  }
  return survivors;
}

/** Cleanup after a failure: anything still on a test's own folder was started by that test. */
function killProcessesUsing(folder: string): void {
  for (const { pid } of processesUsing(folder)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Ended meanwhile.
    }
  }
}

/** PostgreSQL runs as another user when the tests run as root: the folder must be enterable. */
function newDataDir(prefix: string): string {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dataDir, 0o755);
  return dataDir;
}

function postmasterPid(dataDir: string): number {
  return Number(readFileSync(join(dataDir, 'postgres', 'cluster', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/**
 * A command run in a process group of its own, so that whatever it starts (node, PostgreSQL) can be
 * killed together if a test fails midway. `output` is stdout and stderr as they arrive.
 */
class Run {
  readonly child: ChildProcess;
  output = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(command: string, args: string[], env: NodeJS.ProcessEnv) {
    this.child = spawn(command, args, { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const collect = (chunk: Buffer) => (this.output += chunk.toString());
    this.child.stdout!.on('data', collect);
    this.child.stderr!.on('data', collect);
    this.exited = new Promise((resolve) =>
      this.child.on('exit', (code, signal) => resolve({ code, signal })),
    );
  }

  /** Resolves when the output matches; fails if the process exits first or the time runs out. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => finish(new Error(`timed out waiting for ${pattern}:\n${this.output}`)),
        timeoutMs,
      );
      const check = () => {
        if (pattern.test(this.output)) finish();
      };
      const onExit = () => finish(new Error(`exited before printing ${pattern}:\n${this.output}`));
      const finish = (error?: Error) => {
        clearTimeout(timer);
        this.child.stdout!.off('data', check);
        this.child.stderr!.off('data', check);
        this.child.off('exit', onExit);
        if (error) reject(error);
        else resolve();
      };
      this.child.stdout!.on('data', check);
      this.child.stderr!.on('data', check);
      this.child.on('exit', onExit);
      check();
    });
  }

  /** Waits for the exit; past the time limit, kills the whole group and fails. */
  async finished(timeoutMs: number): Promise<{ code: number | null; output: string }> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>(
      (resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)),
    );
    const result = await Promise.race([this.exited, timedOut]);
    clearTimeout(timer);
    if (result === 'timeout') {
      this.killGroup();
      throw new Error(`still running after ${timeoutMs} ms:\n${this.output}`);
    }
    return { code: result.code, output: this.output };
  }

  killGroup(): void {
    try {
      process.kill(-this.child.pid!, 'SIGKILL');
    } catch {
      // The group has ended already.
    }
  }
}

async function runToEnd(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 180_000) {
  const run = new Run(command, args, env);
  try {
    return await run.finished(timeoutMs);
  } finally {
    run.killGroup();
  }
}

describe('npm start on an embedded data folder', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let npmStart: Run;

  beforeAll(async () => {
    dataDir = newDataDir('sgf-ops-');
    env = cleanEnv({ SGF_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' });
    npmStart = new Run('npm', ['start'], env);
    await npmStart.waitFor(/is running at http:\/\/127\.0\.0\.1:\d+/, 540_000);
  });

  afterAll(async () => {
    npmStart.killGroup();
    await npmStart.exited;
    killProcessesUsing(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses `npm run db:migrate` on the folder in use in one line naming the server that holds it', async () => {
    const { code, output } = await runToEnd('npm', ['run', '--silent', 'db:migrate'], env);
    const message = withoutNpmNoise(output);
    expect(code).not.toBe(0);
    expect(message).toMatch(
      new RegExp(
        `^the database folder \\S+ is in use by another PostgreSQL \\(pid ${postmasterPid(dataDir)}\\), ` +
          `started by pid (\\d+) \\(\\S*api/server\\.ts\\)\\. Stop that process first \\(Ctrl-C in its terminal, or kill \\1\\), ` +
          'or point SGF_DATA_DIR at another folder\\.$',
      ),
    );
    expect(message).not.toMatch(/undefined/);
  });

  it('refuses a second `npm start` on the folder in use with the same message', async () => {
    const { code, output } = await runToEnd('npm', ['run', '--silent', 'start'], env, 540_000);
    const afterBuild = withoutNpmNoise(output.slice(output.indexOf('Build step took')))
      .split('\n')
      .slice(1);
    expect(code).not.toBe(0);
    expect(afterBuild).toHaveLength(1);
    expect(afterBuild[0]).toMatch(
      /^the database folder \S+ is in use by another PostgreSQL \(pid \d+\), started by pid \d+ \(\S*api\/server\.ts\)\. Stop that process first/,
    );
  });

  it('stops the server and its PostgreSQL on a SIGTERM sent to npm alone, and says so', async () => {
    const postgresPid = postmasterPid(dataDir);
    expect(processesUsing(dataDir).map(({ pid }) => pid)).toContain(postgresPid);
    process.kill(npmStart.child.pid!, 'SIGTERM');
    const { code, output } = await npmStart.finished(120_000);
    expect(code).toBe(0);
    expect(output).toMatch(
      /SIGTERM received, stopping…\nShegong Flow stopped \(HTTP server, runtime and embedded database\)\./,
    );
    expect(processesUsing(dataDir)).toEqual([]);
    // npm, scripts/start.mjs, the server and PostgreSQL all ran in the group the test gave npm.
    expect(await survivorsOfGroup(npmStart.child.pid!, 10_000)).toEqual([]);
  });
});

describe('a data folder left by a PostgreSQL that was killed outright', () => {
  it('is used again when the pid in its postmaster.pid now belongs to a process that is not PostgreSQL', async () => {
    const dataDir = newDataDir('sgf-stale-');
    const env = cleanEnv({ SGF_DATA_DIR: dataDir });
    try {
      expect((await runToEnd('npm', ['run', '--silent', 'db:migrate'], env)).code).toBe(0);
      // What a killed PostgreSQL leaves behind once its pid is reused, here by init: a live process
      // PostgreSQL itself may not signal, so it takes the file for stale.
      const clusterDir = join(dataDir, 'postgres', 'cluster');
      writeFileSync(join(clusterDir, 'postmaster.pid'), `1\n${clusterDir}\n0\n5432\n\n127.0.0.1\n`);
      const again = await runToEnd('npm', ['run', '--silent', 'db:migrate'], env);
      expect(withoutNpmNoise(again.output)).toMatch(/^0 applied, \d+ already applied\.$/m);
      expect(again.code).toBe(0);
    } finally {
      killProcessesUsing(dataDir);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('configuration errors', () => {
  const reachable = {
    DATABASE_URL: 'postgresql://sgf:secret@127.0.0.1:1/sgf',
    TEMPORAL_ADDRESS: '127.0.0.1:1',
  };
  it.each([
    [
      'without its settings',
      {},
      /^worker: DATABASE_URL and TEMPORAL_ADDRESS not set: the worker runs processes from the Temporal server at TEMPORAL_ADDRESS \(host:7233\) and writes their rows to the PostgreSQL at DATABASE_URL$/,
    ],
    [
      'with half a TLS key pair',
      { ...reachable, TEMPORAL_TLS_CERT: '/nowhere/client.pem' },
      /^worker: TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY must be set together$/,
    ],
    [
      'with no Temporal at its address',
      reachable,
      /^worker: cannot connect to Temporal at 127\.0\.0\.1:1: .+$/,
    ],
  ])('`npm run worker` %s prints one line and exits 1', async (_case, settings, line) => {
    const { code, output } = await runToEnd('npm', ['run', '--silent', 'worker'], cleanEnv(settings));
    expect(code).toBe(1);
    expect(withoutNpmNoise(output)).toMatch(line);
  });

  it('the server with bad settings prints one line naming each of them and exits 1', async () => {
    const { code, output } = await runToEnd(
      process.execPath,
      ['--import', 'tsx', join(root, 'api/server.ts')],
      cleanEnv({ PORT: 'eighty', SGF_DEMO: 'yes' }),
    );
    expect(code).toBe(1);
    expect(withoutNpmNoise(output)).toBe(
      'invalid configuration: PORT="eighty": expected a port number from 0 to 65535; SGF_DEMO="yes": expected true or false',
    );
  });
});

describe('npm run simulate', () => {
  const files = [
    'workflows/definitions/project-lifecycle.json',
    'docs/engine/examples/project-lifecycle.events.json',
  ];

  it('prints a summary by default: each event with its verdict and open tasks, then the outcome', async () => {
    const { code, output } = await runToEnd(
      'npm',
      ['run', '--silent', 'simulate', '--', ...files],
      cleanEnv({}),
    );
    expect(code).toBe(0);
    const lines = withoutNpmNoise(output).split('\n');
    expect(lines[0]).toMatch(/^project-lifecycle \(.+\): \d+ events$/);
    expect(lines[1]).toMatch(/^ {2}1\. \S+ {2}started by \S+.*: accepted$/);
    expect(lines[2]).toMatch(/^ {6}open tasks: task-1 assess \(.+\) → \S+$/);
    expect(lines.at(-1)).toMatch(
      /^Outcome: completed with outcome \S+ at revision \d+ \(\d+ accepted, 0 rejected\)$/,
    );
  });

  it('prints the full trace as JSON with --json', async () => {
    const { code, output } = await runToEnd(
      'npm',
      ['run', '--silent', 'simulate', '--', ...files, '--json'],
      cleanEnv({}),
    );
    expect(code).toBe(0);
    const result = JSON.parse(withoutNpmNoise(output)) as {
      trace: { ok: boolean; state?: unknown; effects?: unknown[] }[];
      final: { status: string };
    };
    expect(result.final.status).toBe('completed');
    expect(result.trace.length).toBeGreaterThan(5);
    expect(result.trace.every((entry) => entry.ok && entry.state && entry.effects)).toBe(true);
  });
});
