// The Prisma client over node-postgres (Prisma 7 driver adapter; no native query engine).
import { createHash } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from '../../prisma/generated/client';

export type Db = PrismaClient;
/** The client or a transaction of it: what code that must join a caller's transaction takes. */
export type DbClient = Prisma.TransactionClient;

type AdapterOptions = NonNullable<ConstructorParameters<typeof PrismaPg>[1]>;
type SqlQuery = Parameters<NonNullable<AdapterOptions['statementNameGenerator']>>[0];

/**
 * More parameters than this and a statement stays unnamed: its text then varies with the length
 * of a list (`IN (…)`), and each length kept on every connection would only fill memory.
 */
const MAX_NAMED_PARAMETERS = 64;

/**
 * Statements with parameters run as prepared statements named after their text, so each
 * connection has PostgreSQL parse them once, and PostgreSQL may keep a plan where it finds one
 * that fits every parameter. The work API's reads (a task row with its scope conditions: seven
 * joins and a dozen subplans) took PostgreSQL 1.3–10 ms to plan on the build machine and
 * 0.4 ms to run. An empty name leaves a statement unnamed, parsed each time: one without
 * parameters may hold several commands (a script), which only the simple protocol runs.
 */
export const statementName = (query: Pick<SqlQuery, 'sql' | 'args'>): string =>
  query.args.length === 0 || query.args.length > MAX_NAMED_PARAMETERS
    ? ''
    : `sgf_${createHash('sha256').update(query.sql).digest('base64url').slice(0, 40)}`;

export function createPrismaClient(databaseUrl: string, maxConnections = 10): Db {
  return new PrismaClient({
    adapter: new PrismaPg(
      { connectionString: databaseUrl, max: maxConnections },
      { statementNameGenerator: statementName },
    ),
  });
}
