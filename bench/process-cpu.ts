// CPU time of the bench's embedded PostgreSQL, read from Linux's /proc: the postmaster with every
// backend it has reaped (cutime, cstime) and every backend still running. With the server
// process's own CPU time it tells where a completion's work is done, however busy the machine is.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const msPerTick = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

interface Stat {
  parent: number;
  /** Own user and system time, in ms. */
  own: number;
  /** User and system time of its reaped children, in ms. */
  reaped: number;
}

function statOf(pid: number): Stat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined; // ended between the listing and the read
  }
  // After the parenthesised command name: state, ppid, … utime (12th), stime, cutime, cstime.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const tick = (index: number) => Number(fields[index]) * msPerTick;
  return { parent: Number(fields[1]), own: tick(11) + tick(12), reaped: tick(13) + tick(14) };
}

/** CPU milliseconds the PostgreSQL serving `pgDataDir` has spent so far (its postmaster and backends). */
export function postgresCpuMs(pgDataDir: string): number {
  const postmaster = Number(readFileSync(join(pgDataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const main = statOf(postmaster);
  if (!main) throw new Error(`no PostgreSQL process ${postmaster}`);
  let total = main.own + main.reaped;
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === postmaster) continue;
    const stat = statOf(pid);
    if (stat?.parent === postmaster) total += stat.own;
  }
  return total;
}
