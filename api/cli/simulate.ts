// `npm run simulate -- <definition.json> <events.json> [--json]`: dry-runs a definition and prints a
// readable summary of each step, or the full trace as JSON with `--json`.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { simulate, validateDefinition, ZEngineEvent, ZProcessDefinition } from '../../workflows/engine';
import { formatSimulation } from './simulation-summary';

const ZEventsFile = z.union([
  z.array(z.object({ at: z.iso.datetime({ offset: true }), event: ZEngineEvent })),
  z.object({ events: z.array(z.object({ at: z.iso.datetime({ offset: true }), event: ZEngineEvent })) }),
]);

function fail(message: string): never {
  process.stderr.write(`simulate: ${message}\n`);
  process.exit(1);
}

function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    fail(`cannot read the ${what} file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    fail(`the ${what} file ${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function main(args: string[]): void {
  const json = args.includes('--json');
  const [definitionPath, eventsPath, ...rest] = args.filter((arg) => arg !== '--json');
  if (!definitionPath || !eventsPath || rest.length > 0)
    fail('usage: npm run simulate -- <definition.json> <events.json> [--json]');
  const rawDefinition = readJson(definitionPath, 'definition');
  const validation = validateDefinition(rawDefinition);
  if (!validation.ok)
    fail(
      `the definition ${definitionPath} is invalid:\n${validation.problems.map((problem) => `  [${problem.code}] ${problem.nodeId ?? problem.edgeId ?? ''} ${problem.message.en}`).join('\n')}`,
    );
  const events = ZEventsFile.safeParse(readJson(eventsPath, 'events'));
  if (!events.success)
    fail(
      `the events file ${eventsPath} is invalid:\n${events.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')}`,
    );
  const list = Array.isArray(events.data) ? events.data : events.data.events;
  const definition = ZProcessDefinition.parse(rawDefinition);
  const result = simulate(definition, list);
  process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : formatSimulation(definition, result));
}

main(process.argv.slice(2));
