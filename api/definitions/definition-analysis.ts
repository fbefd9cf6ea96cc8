// What an admin learns about a graph without changing anything: the structural diff of two
// versions (or a version and the draft), a dry run of an events script, and the export download.
import { diffDefinitions, simulate, type Simulation } from '../../workflows/engine';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import { safeFileName } from '../http/content-disposition';
import { comparableGraph, issuesOf, parsedGraph } from './definition-graphs';
import { versionRow } from './definition-reads';
import { definitionInvalid } from './draft-commands';
import type { TSimulateRequest, TVersionRef, ZDefinitionDiff } from './definitions.types';
import type { z } from 'zod';

export async function diffVersions(
  db: DbClient,
  key: string,
  from: TVersionRef,
  to: TVersionRef,
): Promise<z.input<typeof ZDefinitionDiff>> {
  const before = await versionRow(db, key, from);
  const after = await versionRow(db, key, to);
  return {
    from,
    to,
    changes: diffDefinitions(comparableGraph(before.row.graph), comparableGraph(after.row.graph)),
  };
}

async function sourceGraph(db: DbClient, key: string, source: TSimulateRequest['source']): Promise<unknown> {
  if ('definition' in source) return source.definition;
  return (await versionRow(db, key, 'draft' in source ? 'draft' : source.version)).row.graph;
}

/**
 * Folds the script through the engine from a fresh instance. The graph must pass the validator (the
 * interpreter trusts what it validated); a refused event is a 422 naming its index, with the steps
 * up to it.
 */
export async function simulateScript(
  db: DbClient,
  key: string,
  request: TSimulateRequest,
): Promise<Simulation> {
  const graph = await sourceGraph(db, key, request.source);
  const definition = parsedGraph(graph);
  if (!definition || issuesOf(graph).length > 0) throw definitionInvalid(graph);
  const simulation = simulate(definition, request.events);
  const refused = simulation.trace.findIndex((entry) => !entry.ok);
  const rejection = simulation.trace[refused]?.rejection;
  if (rejection)
    throw new AppError(
      'SIMULATION_REJECTED',
      `Event ${refused} was refused: ${rejection.message.en}`,
      [
        {
          field: `events.${refused}`,
          reason: `${rejection.code}: ${rejection.message.en}`,
          reasonZh: rejection.message.zh,
        },
      ],
      { eventIndex: refused, rejection, trace: simulation.trace.slice(0, refused + 1) },
    );
  return simulation;
}

/** The graph as a download: `<name>-v<version>-<date>.json`, the key as the ASCII fallback. */
export async function exportVersion(db: DbClient, key: string, version: number, date: string) {
  const { definition, row } = await versionRow(db, key, version);
  const name = parsedGraph(row.graph)?.name ?? definition.name;
  return {
    content: `${JSON.stringify(row.graph, null, 2)}\n`,
    contentType: 'application/json; charset=utf-8',
    filename: `${safeFileName(name)}-v${row.version}-${date}.json`,
    asciiFilename: `${key}-v${row.version}-${date}.json`,
  };
}
