// `npm run db:migrate`: applies pending migrations to DATABASE_URL or the embedded database.
import { loadConfig } from '../config';
import { applyMigrations } from '../db/migrate';
import { openDatabase } from '../db/open-database';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const result = await applyMigrations({ databaseUrl: database.url, log: (line) => console.log(line) });
    console.log(`${result.applied.length} applied, ${result.alreadyApplied.length} already applied.`);
    if (result.unknownToThisRelease.length) {
      console.warn(
        `recorded in the database but not in this release: ${result.unknownToThisRelease.join(', ')}`,
      );
    }
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
