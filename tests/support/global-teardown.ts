// Stops the embedded PostgreSQL started by the global setup (an external one is left alone).
export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __sgfTestPostgres?: { stop(): Promise<void> } }).__sgfTestPostgres;
  await server?.stop();
}
