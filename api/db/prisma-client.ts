// The Prisma client over node-postgres (Prisma 7 driver adapter; no native query engine).
import { createHash } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { Client, Pool } from 'pg';
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
 * connection has PostgreSQL parse them once; whether it also keeps a plan is its own choice (the
 * keyed reads below force it). An empty name leaves a statement unnamed, parsed each time: one
 * without parameters may hold several commands (a script), which only the simple protocol runs.
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

/**
 * A client whose connections plan each named statement once and keep that generic plan, for the
 * reads of one row by its id under the caller's scope (a task, a project, an attachment): their
 * driving condition is the primary key, so one plan fits every caller. Left to its own choice,
 * PostgreSQL planned them anew on every run, as its custom plans cost a few percent less on paper:
 * the task read with its scope took 1.2 ms to plan (more for a caller with many roles) and 0.15 ms
 * to run, the same 0.15 ms under the generic plan, which took 0.02 ms to fetch.
 */
export function createKeyedReader(databaseUrl: string, maxConnections = 4): Db {
  const pool = new Pool({ connectionString: databaseUrl, max: maxConnections, Client: GenericPlanClient });
  return new PrismaClient({
    adapter: new PrismaPg(pool, { statementNameGenerator: statementName, disposeExternalPool: true }),
  });
}

type ConnectCallback = ((err: Error) => void) | ((err: null, client: Client) => void);

/**
 * A connection that keeps generic plans, set before the pool lends it out: by a SET, not a start-up
 * option (which a pooler such as PgBouncer refuses), and finished before the first read (a statement
 * sent while another runs is queued by pg 8 with a warning, and refused by pg 9).
 */
class GenericPlanClient extends Client {
  override connect(): Promise<Client>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<Client> | void {
    const ready = super
      .connect()
      .then(() => this.query('SET plan_cache_mode = force_generic_plan'))
      .then(() => this as Client);
    if (!callback) return ready;
    const done = callback as (err: Error | null, client?: Client) => void;
    ready.then(
      (client) => done(null, client),
      (error: Error) => done(error),
    );
  }
}

const keyedReaders = new WeakMap<DbClient, Db>();

/** Gives the product's client its keyed reader (api/boot.ts), which `keyedReader` then hands out. */
export function attachKeyedReader(client: Db, reader: Db): void {
  keyedReaders.set(client, reader);
}

/**
 * Where a keyed read runs: the client's keyed reader when it has one; `db` itself when it is a
 * transaction (whose reads must see its own writes) or a client without one (a script's).
 */
export function keyedReader(db: DbClient): DbClient {
  return keyedReaders.get(db) ?? db;
}
