// A loopback HTTP server standing in for the funder's system the effects lifecycle calls: it
// answers 200 and counts deliveries per idempotency key, so a webhook delivered twice shows.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export async function startWebhookReceiver() {
  const perKey = new Map<string, number>();
  let deliveries = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const key = String(request.headers['idempotency-key'] ?? '');
      perKey.set(key, (perKey.get(key) ?? 0) + 1);
      deliveries += 1;
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/funder/projects`,
    /** Deliveries so far, and how many of them repeated a key already delivered. */
    counts: () => ({ deliveries, repeated: deliveries - perKey.size }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
