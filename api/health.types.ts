// Wire contract of the health route.
import { z } from 'zod';

export const ZHealth = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['up', 'down']),
  databaseKind: z.enum(['embedded', 'external']),
  databaseLatencyMs: z.number(),
  runtime: z.enum(['embedded', 'temporal']),
  version: z.string(),
});
export type THealth = z.infer<typeof ZHealth>;
