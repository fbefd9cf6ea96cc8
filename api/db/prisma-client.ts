// The Prisma client over node-postgres (Prisma 7 driver adapter; no native query engine).
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from '../../prisma/generated/client';

export type Db = PrismaClient;
/** The client or a transaction of it: what code that must join a caller's transaction takes. */
export type DbClient = Prisma.TransactionClient;

export function createPrismaClient(databaseUrl: string, maxConnections = 10): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: maxConnections }) });
}
