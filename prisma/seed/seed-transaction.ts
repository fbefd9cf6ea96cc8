// Limits of the start-up seeds' transactions. Prisma's interactive-transaction default (5 s) expired
// under load (CI, with browsers beside it) and the demo seed's later statements then failed on
// foreign keys; a one-off write at boot may take its time, and waits its turn behind other
// processes publishing the same definitions.
export const SEED_TRANSACTION = { maxWait: 30_000, timeout: 120_000 };
