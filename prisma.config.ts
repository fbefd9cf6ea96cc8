// Prisma CLI configuration. The datasource URL is only needed by CLI commands that connect;
// the app passes its own URL to the pg adapter at run time.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/shegong_flow' },
});
