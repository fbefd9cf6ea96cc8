// Demo logins are random per installation. They are printed when the demo is seeded and kept in
// the (git-ignored) data folder, readable only by its owner, so a restart can print them again.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DemoLogin } from '../prisma/seed/seed-demo';

const FILE = 'demo-logins.json';

export async function saveDemoLogins(dataDir: string, logins: DemoLogin[]): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await writeFile(join(dataDir, FILE), JSON.stringify(logins, null, 2), { mode: 0o600 });
}

export async function loadDemoLogins(dataDir: string): Promise<DemoLogin[]> {
  const path = join(dataDir, FILE);
  if (!existsSync(path)) return [];
  return JSON.parse(await readFile(path, 'utf8')) as DemoLogin[];
}

export function formatDemoLogins(logins: DemoLogin[]): string {
  const width = Math.max(0, ...logins.map((l) => l.username.length));
  const rows = logins.map(
    (l) =>
      `  ${l.username.padEnd(width)} ${l.password}   ${l.role.padEnd(16)} ${l.displayName} @ ${l.unitName}`,
  );
  return ['Demo logins (demo mode only):', ...rows].join('\n');
}
