import { spawn } from 'node:child_process';
import { join } from 'node:path';

// The deterministic side may not reach I/O, the clock or randomness; the lint rules enforce it.
// The real ESLint CLI lints in-memory text under an existing file's path, so the type-aware
// parser knows the project the text belongs to.
const root = join(__dirname, '..', '..', '..');

interface LintMessage {
  ruleId: string | null;
  line: number;
}

function lint(code: string, relativePath: string): Promise<LintMessage[]> {
  const eslint = join(root, 'node_modules', '.bin', 'eslint');
  const args = ['--stdin', '--stdin-filename', join(root, relativePath), '--format', 'json'];
  return new Promise((resolve, reject) => {
    const child = spawn(eslint, args, { cwd: root });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    // ESLint exits 1 when it reports errors; the JSON report is what matters.
    child.on('close', () => {
      try {
        const [result] = JSON.parse(stdout) as Array<{ messages: LintMessage[] }>;
        resolve(result?.messages ?? []);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    child.stdin.end(code);
  });
}

const forbidden = [
  ["import { readFileSync } from 'node:fs';", 'no-restricted-imports'],
  ["import { Client } from 'pg';", 'no-restricted-imports'],
  ["import express from 'express';", 'no-restricted-imports'],
  ["import { PrismaPg } from '@prisma/adapter-pg';", 'no-restricted-imports'],
  ['export const now = Date.now();', 'no-restricted-globals'],
  ['export const r = Math.random();', 'no-restricted-properties'],
  ['export const env = process.env.X;', 'no-restricted-globals'],
  ['export const used = [readFileSync, Client, express, PrismaPg];', null],
] as const;
const source = forbidden.map(([line]) => line).join('\n') + '\n';

// Each lint builds the type-aware program of the whole project: about 18 s of CPU, which on a
// loaded 2-core machine took 60–100 s of wall time.
jest.setTimeout(240_000);

describe('determinism lint', () => {
  it('rejects I/O imports, the clock, randomness and the environment under workflows/', async () => {
    const messages = await lint(source, 'workflows/engine/graph.ts');
    forbidden.forEach(([, rule], index) => {
      if (rule) expect(messages).toContainEqual(expect.objectContaining({ ruleId: rule, line: index + 1 }));
    });
  });

  it('allows the same code outside workflows/ but still forbids floating promises', async () => {
    const messages = await lint(`${source}async function f(): Promise<void> {}\nf();\n`, 'api/config.ts');
    const rules = messages.map((m) => m.ruleId);
    expect(rules).not.toContain('no-restricted-imports');
    expect(rules).not.toContain('no-restricted-globals');
    expect(rules).toContain('@typescript-eslint/no-floating-promises');
  });
});
