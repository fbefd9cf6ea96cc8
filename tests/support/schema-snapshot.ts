// A comparable description of a database's public schema: what schema.prisma can express.
import { Client } from 'pg';

export interface SchemaSnapshot {
  tables: string[];
  columns: string[];
  indexes: string[];
  constraints: string[];
  enums: string[];
}

export async function snapshotSchema(databaseUrl: string): Promise<SchemaSnapshot> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const rows = async (sql: string) => (await client.query<{ line: string }>(sql)).rows.map((r) => r.line);
  try {
    return {
      tables: await rows(`SELECT table_name AS line FROM information_schema.tables
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1`),
      columns: await rows(`SELECT concat_ws(' ', table_name || '.' || column_name, udt_name,
          CASE WHEN is_nullable = 'NO' THEN 'NOT NULL' ELSE 'NULL' END,
          coalesce('precision=' || datetime_precision, ''), coalesce('default=' || column_default, '')) AS line
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1`),
      indexes: await rows(`SELECT indexdef AS line FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`),
      constraints:
        await rows(`SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS line
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype IN ('f', 'u', 'p', 'c')
          AND conrelid::regclass::text <> '_prisma_migrations' ORDER BY 1`),
      enums:
        await rows(`SELECT t.typname || ': ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS line
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY 1`),
    };
  } finally {
    await client.end();
  }
}
