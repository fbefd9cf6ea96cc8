// `npm run db:seed`: seeds the demo county into an empty database and prints its logins.
import { seedDemo } from '../../prisma/seed/seed-demo';
import { loadConfig } from '../config';
import { applyMigrations } from '../db/migrate';
import { openDatabase } from '../db/open-database';
import { createPrismaClient } from '../db/prisma-client';
import { formatDemoLogins, saveDemoLogins } from '../demo-logins';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const prisma = createPrismaClient(database.url);
  try {
    await applyMigrations({ databaseUrl: database.url });
    const result = await seedDemo(prisma);
    if (!result.seeded) {
      console.log('The database already has users; nothing seeded.');
      return;
    }
    await saveDemoLogins(config.dataDir, result.logins);
    console.log(formatDemoLogins(result.logins));
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
