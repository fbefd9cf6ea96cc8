// API fuzzing (issue 10 item 8): boots the real server on its embedded defaults in a fresh data
// folder, then runs schemathesis against GET /api/openapi.json twice, as an admin's API token
// and as an officer's session (cookie + CSRF header). Fails (exit 1) on any 5xx answer, any
// answer off its declared schema or content type, an answer slower than FUZZ_MAX_RESPONSE_S, or
// credentials that stopped working during a run. Time-bounded: the whole script ends within
// FUZZ_TOTAL_SECONDS (175); each run gets at most FUZZ_SECONDS_PER_RUN (70) of what is left.
// Usage: node scripts/fuzz-api.mjs   (schemathesis on PATH, see .ci/python-tools.txt)
/* global fetch -- Node 18+ has it; the scripts' lint globals list only console, process and URL */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { root } from './build-if-stale.mjs';

const TOTAL_SECONDS = Number(process.env.FUZZ_TOTAL_SECONDS ?? 175);
const SECONDS_PER_RUN = Number(process.env.FUZZ_SECONDS_PER_RUN ?? 70);
/** Loading the document, the credential check and stopping the server after the last run. */
const STOP_MARGIN_S = 12;
const START_TIMEOUT_S = 90;
const MAX_EXAMPLES = Number(process.env.FUZZ_MAX_EXAMPLES ?? 50);
const MAX_RESPONSE_S = Number(process.env.FUZZ_MAX_RESPONSE_S ?? 10);
const CSRF = { 'x-requested-with': 'shegong-flow' };
/** Where the full schemathesis reports are kept (beside the e2e screenshots, CI's artefacts). */
const REPORT_DIR = join(root, '.data', 'fuzz-reports');
/** FUZZ_CHECKS=all also reports the stricter, noisier checks (undeclared statuses, negative data accepted …). */
const CHECKS =
  process.env.FUZZ_CHECKS ?? 'not_a_server_error,response_schema_conformance,content_type_conformance';

/**
 * Operations left out of the session run, each because it would end the very session the run
 * authenticates with, so every later case would only see 401s. The token run keeps them: they
 * are person-only and answer a token 403. Change-password stays in: it ends the other sessions
 * only after verifying the current password, which the fuzzer never knows.
 */
const SESSION_EXCLUSIONS = [
  ['/api/auth/logout', 'ends the session the run uses'],
  ['/api/auth/logout-everywhere', 'ends every session of the officer, the run’s included'],
];

/**
 * Operations the token run leaves out of its stateful phase only, where links feed them real ids
 * from earlier answers (GET /tokens, GET /users list the run's own token and service account).
 * The coverage and fuzzing phases still send them made-up ids.
 */
const TOKEN_STATEFUL_EXCLUSIONS = [
  ['POST /api/tokens/{id}/revoke', 'would revoke the token the run uses'],
  ['PATCH /api/users/{id}', 'would deactivate the token’s service account'],
  ['DELETE /api/users/{id}/assignments/{assignmentId}', 'would take the admin role from the token'],
];

const startedAt = Date.now();
const seconds = () => ((Date.now() - startedAt) / 1000).toFixed(1);

async function startServer(dataDir) {
  const env = { ...process.env, SGF_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', SGF_DEMO: 'true' };
  // Embedded defaults: the server's own PostgreSQL and runtime, whatever the caller's shell says.
  delete env.DATABASE_URL;
  delete env.TEMPORAL_ADDRESS;
  // A response off its declared schema becomes a 500 with the violation in the server log.
  env.SGF_STRICT_RESPONSES = 'true';
  const logPath = join(dataDir, 'server.log');
  const log = createWriteStream(logPath);
  const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'api/server.ts')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  let seen = '';
  const collect = (chunk) => (seen += chunk.toString('utf8'));
  server.stdout.on('data', collect);
  server.stderr.on('data', collect);
  const lastLines = () => seen.split('\n').slice(-20).join('\n');
  let timer;
  let ready;
  const url = await new Promise((resolve, reject) => {
    ready = () => {
      const match = /is running at (http:\/\/\S+)/.exec(seen);
      if (match) resolve(match[1]);
    };
    server.stdout.on('data', ready);
    server.once('exit', (code) =>
      reject(new Error(`the server exited (${code}) before it was ready:\n${lastLines()}`)),
    );
    timer = setTimeout(() => {
      server.kill('SIGTERM');
      reject(new Error(`the server was not ready after ${START_TIMEOUT_S} s:\n${lastLines()}`));
    }, START_TIMEOUT_S * 1000);
  }).finally(() => {
    clearTimeout(timer);
    // From here on its output is the request log, kept in the file only.
    server.stdout.off('data', collect).off('data', ready);
    server.stderr.off('data', collect);
  });
  const stop = async () => {
    if (server.exitCode !== null) return;
    const exited = once(server, 'exit');
    server.kill('SIGTERM');
    // It stops its runtime and PostgreSQL in order; a server stuck at that is killed.
    const stuck = setTimeout(() => server.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(stuck);
  };
  return { url, stop, logPath };
}

async function call(url, method, path, { body, headers = {} } = {}) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { ...CSRF, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = await response.json().catch(() => undefined);
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(json)}`);
  return { json, cookie: response.headers.get('set-cookie')?.split(';')[0] };
}

async function signIn(url, logins, role) {
  const login = logins.find((l) => l.role === role);
  if (!login) throw new Error(`the demo seed has no ${role}`);
  const { json, cookie } = await call(url, 'POST', '/api/auth/login', {
    body: { username: login.username, password: login.password },
  });
  return { cookie, user: json.user };
}

/**
 * Runs one schemathesis pass authenticated through the document's own security scheme (`session`
 * cookie or `bearer`): given only a header, schemathesis also fills the other scheme with a made-up
 * value, and the API refuses an unknown bearer token outright. Resolves to { ok, cases }.
 */
async function schemathesis(
  name,
  url,
  dataDir,
  auth,
  maxSeconds,
  { headers = {}, excludedPaths = [], statelessOnly = [] } = {},
) {
  const config = join(dataDir, `schemathesis-${auth.scheme}.toml`);
  const key = auth.scheme === 'bearer' ? 'bearer' : 'api_key';
  const statefulExclusions = (operations) =>
    operations.map(
      (name) => `\n[[operations]]\ninclude-name = ${JSON.stringify(name)}\nphases.stateful.enabled = false\n`,
    );
  const toml = [
    `[auth.openapi.${auth.scheme}]\n${key} = ${JSON.stringify(auth.value)}\n`,
    ...statefulExclusions(statelessOnly),
  ];
  await writeFile(config, toml.join(''), { mode: 0o600 });
  const args = [
    '--config-file',
    config,
    'run',
    `${url}/api/openapi.json`,
    '--checks',
    CHECKS,
    '--max-examples',
    String(MAX_EXAMPLES),
    '--max-time',
    String(maxSeconds),
    '--max-response-time',
    String(MAX_RESPONSE_S),
    '--request-timeout',
    String(MAX_RESPONSE_S * 3),
    // One worker: hypothesis describing its strategies from several threads trips CPython 3.11's
    // "AST constructor recursion depth mismatch".
    '--workers',
    '1',
    '--no-color',
    ...Object.entries(headers).flatMap(([header, value]) => ['--header', `${header}: ${value}`]),
    ...excludedPaths.flatMap((path) => ['--exclude-path', path]),
  ];
  if (process.env.FUZZ_SEED) args.push('--seed', process.env.FUZZ_SEED);
  console.log(`== fuzz (${name}): schemathesis ${args.join(' ')}`);
  const child = spawn('schemathesis', args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk) => {
    output += chunk.toString('utf8');
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const [code] = await once(child, 'exit');
  // The whole report is kept as a CI artefact. CI's log gets its summary only: schemathesis ends
  // with a pytest-style rule ("=== 3 warnings in 70s ===") that a log reader takes for a pytest
  // run that executed no test, so that line must not reach the log.
  const reportPath = join(REPORT_DIR, `${name.replace(/\W+/g, '-')}.txt`);
  await mkdir(REPORT_DIR, { recursive: true });
  await writeFile(reportPath, output);
  const lines = output.split('\n');
  const summaryStart = lines.findIndex((line) => /^=+ SUMMARY =+$/.test(line));
  const shown = code === 0 && summaryStart >= 0 ? lines.slice(summaryStart + 1) : lines;
  for (const line of shown) if (!/^=+ .* in [\d.]+s =+$/.test(line)) console.log(line);
  console.log(`fuzz: ${name}: full report in ${reportPath}`);
  const cases = /Test cases:\s*(\d+) generated/i.exec(output)?.[1];
  return { name, ok: code === 0, code, cases: cases === undefined ? undefined : Number(cases) };
}

/** The server's error lines (pino level ≥ 50, contract violations, stack traces) explain a 5xx. */
async function printServerErrors(logPath) {
  const lines = (await readFile(logPath, 'utf8')).split('\n');
  const errors = lines.filter((line) => /"level":(50|60)|\[contract\]|^\s+at /.test(line));
  console.log(`fuzz: ${errors.length} error lines in the server log${errors.length ? ' (last 40):' : ''}`);
  for (const line of errors.slice(-40)) console.log(`  ${line.slice(0, 2000)}`);
}

async function main() {
  const dataDir = await mkdtemp(join(tmpdir(), 'sgf-fuzz-'));
  // As root the embedded PostgreSQL runs as the 'postgres' user, which must enter the folder.
  await chmod(dataDir, 0o755);
  let server;
  let failed = true;
  try {
    server = await startServer(dataDir);
    console.log(`fuzz: server at ${server.url} after ${seconds()} s (log: ${server.logPath})`);
    const logins = JSON.parse(await readFile(join(dataDir, 'demo-logins.json'), 'utf8'));

    const admin = await signIn(server.url, logins, 'admin');
    const county = admin.user.roles.find((r) => r.role === 'admin').unitId;
    const { json: created } = await call(server.url, 'POST', '/api/tokens', {
      headers: { cookie: admin.cookie },
      body: { name: 'schemathesis', assignments: [{ role: 'admin', unitId: county }] },
    });
    const officer = await signIn(server.url, logins, 'officer');

    for (const [path, reason] of SESSION_EXCLUSIONS)
      console.log(`fuzz: session run excludes ${path}: ${reason}`);
    for (const [name, reason] of TOKEN_STATEFUL_EXCLUSIONS) {
      console.log(`fuzz: token run keeps ${name} out of its stateful phase: ${reason}`);
    }
    const sessionValue = officer.cookie.slice(officer.cookie.indexOf('=') + 1);
    const plans = [
      {
        name: 'admin token',
        auth: { scheme: 'bearer', value: created.token },
        // An admin-only read: the token still works and still holds its admin role.
        probe: { path: '/api/users?limit=1', headers: { authorization: `Bearer ${created.token}` } },
        options: { statelessOnly: TOKEN_STATEFUL_EXCLUSIONS.map(([name]) => name) },
      },
      {
        name: 'officer session',
        auth: { scheme: 'session', value: sessionValue },
        probe: { path: '/api/auth/me', headers: { cookie: officer.cookie } },
        options: { headers: CSRF, excludedPaths: SESSION_EXCLUSIONS.map(([path]) => path) },
      },
    ];
    const runs = [];
    for (const [index, plan] of plans.entries()) {
      // What is left of the budget, shared by the runs still to come (server start varies with load).
      const left = TOTAL_SECONDS - (Date.now() - startedAt) / 1000 - STOP_MARGIN_S;
      const budget = Math.max(10, Math.min(SECONDS_PER_RUN, Math.floor(left / (plans.length - index))));
      const run = await schemathesis(plan.name, server.url, dataDir, plan.auth, budget, plan.options);
      // A run whose credentials ended midway (a token revoked, a user deactivated, a role removed)
      // only saw 401s or 403s from then on: it passed without testing what it claims to.
      const probe = await fetch(`${server.url}${plan.probe.path}`, { headers: plan.probe.headers });
      if (probe.status !== 200) {
        console.log(
          `fuzz: ${plan.name}: its credentials no longer work (GET ${plan.probe.path} → ${probe.status})`,
        );
        run.ok = false;
      }
      runs.push(run);
    }
    for (const run of runs) {
      console.log(
        `fuzz: ${run.name}: ${run.cases ?? '?'} cases, ${run.ok ? 'passed' : `FAILED (exit ${run.code})`}`,
      );
    }
    failed = runs.some((run) => !run.ok);
  } finally {
    await server?.stop();
    if (failed && server) await printServerErrors(server.logPath);
    await rm(dataDir, { recursive: true, force: true });
  }
  console.log(`fuzz: ${failed ? 'FAILED' : 'passed'} in ${seconds()} s`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  console.error(`fuzz: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
