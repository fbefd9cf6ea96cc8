// The database built by prisma/migrations must be exactly the one schema.prisma describes.
// The reference database is built from SQL that Prisma's own engine renders for schema.prisma.
import { Client } from 'pg';
import { applyMigrations } from '../../api/db/migrate';
import { readSchema, renderSchemaDiffSql } from '../../api/db/schema-diff-sql';
import { handMadeChecks } from '../support/hand-made-checks';
import { handMadeIndexes } from '../support/hand-made-indexes';
import { snapshotSchema } from '../support/schema-snapshot';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

jest.setTimeout(120_000);

async function execute(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function databaseFromSchema(schema: string): Promise<TestDatabase> {
  const db = await createTestDatabase({ empty: true });
  await execute(db.url, await renderSchemaDiffSql({ from: null, to: schema, databaseUrl: db.url }));
  return db;
}

describe('schema drift', () => {
  const dbs: TestDatabase[] = [];
  let migrated: TestDatabase;
  let schema: string;

  beforeAll(async () => {
    schema = await readSchema();
    migrated = await createTestDatabase({ empty: true });
    dbs.push(migrated);
    await applyMigrations({ databaseUrl: migrated.url });
  });
  afterAll(async () => {
    await Promise.all(dbs.map((db) => db.drop()));
  });

  it('the migrated database matches schema.prisma: tables, columns, types, nullability, keys, uniques, enums (hand-made indexes and checks apart)', async () => {
    const reference = await databaseFromSchema(schema);
    dbs.push(reference);
    const actual = await snapshotSchema(migrated.url);
    const handMade = actual.indexes.filter((line) => handMadeIndexes.includes(line));
    expect(handMade).toEqual(handMadeIndexes);
    const checks = actual.constraints.filter((line) => handMadeChecks.includes(line));
    expect(checks).toEqual(handMadeChecks);
    expect({
      ...actual,
      indexes: actual.indexes.filter((line) => !handMade.includes(line)),
      constraints: actual.constraints.filter((line) => !checks.includes(line)),
    }).toEqual(await snapshotSchema(reference.url));
  });

  it('notices when schema.prisma gains a column the migrations do not create', async () => {
    const changed = schema.replace(
      '  disabled            Boolean',
      '  phone               String?\n  disabled            Boolean',
    );
    expect(changed).not.toBe(schema);
    const reference = await databaseFromSchema(changed);
    dbs.push(reference);
    const [actual, expected] = await Promise.all([
      snapshotSchema(migrated.url),
      snapshotSchema(reference.url),
    ]);
    expect(expected.columns.filter((c) => !actual.columns.includes(c))).toEqual([
      expect.stringMatching(/^app_user\.phone text NULL/),
    ]);
  });
});
