// The live notification stream (Server-Sent Events): on connect the caller's unread count, then
// each new notification of theirs and the new count, so the badge and the drawer update without
// reload. Comments keep idle proxies from closing the connection; a stream ends after a while and
// the browser's EventSource reconnects, which signs the caller in again (a session ended or
// changed meanwhile stops its stream).
//
// Why one short poll per server process rather than LISTEN/NOTIFY: the route tables get the Prisma
// client, whose pooled connections cannot hold a LISTEN, and a dedicated connection would need the
// database address threaded through the app for this one module. The poll is shared by every
// stream of the process (one query a second however many browsers are connected, none when no one
// is), sees rows written by any process (the embedded scheduler, a Temporal worker elsewhere) and
// needs no trigger. It looks back a few seconds and remembers what it has seen, so a row whose
// transaction commits after a later-stamped one is still delivered, exactly once.
import type { Request, Response } from 'express';
import type { Caller } from '../auth/caller';
import type { Db } from '../db/prisma-client';
import { notificationsAmong, unreadCount } from './notification-reads';
import type { TNotification } from './notification.types';

export interface StreamTimings {
  pollMs: number;
  keepAliveMs: number;
  lifetimeMs: number;
  /** How far back each poll looks, beyond the last one: longer than any writer's transaction. */
  lookBackMs: number;
}

const DEFAULT_TIMINGS: StreamTimings = {
  pollMs: 1000,
  keepAliveMs: 20_000,
  lifetimeMs: 10 * 60_000,
  lookBackMs: 30_000,
};

interface Subscriber {
  caller: Caller;
  send(event: 'unread' | 'notification', data: unknown): void;
}

export interface NotificationHub {
  /** Takes over the response: headers, the first count, then events until the client goes away. */
  open(caller: Caller, req: Request, res: Response): Promise<void>;
  /**
   * The person marked something read here: their open streams hear the new count, as counted in
   * the marking transaction (a query now would not see that transaction's receipts yet).
   */
  countChanged(userId: string, unread: number): void;
  /**
   * Shutdown: ends every open stream, stops the poll and waits for one that is running, so no
   * query reaches the database after the product closed it. Streams opened afterwards end at once.
   */
  close(): Promise<void>;
}

export function createNotificationHub(prisma: Db, timings: StreamTimings = DEFAULT_TIMINGS): NotificationHub {
  const subscribers = new Set<Subscriber>();
  /** Ids seen within the look-back window, with their creation time in ms. */
  const seen = new Map<string, number>();
  let poller: NodeJS.Timeout | undefined;
  /** The poll under way, if any: one at a time, and close() waits for it. */
  let running: Promise<void> | undefined;
  let closed = false;
  /** Ends each open stream's response (its own close handler unsubscribes it). */
  const enders = new Set<() => void>();

  async function pushCount(subscriber: Subscriber): Promise<void> {
    subscriber.send('unread', { unread: await unreadCount(prisma, subscriber.caller) });
  }

  /** Rows written since the last poll; the first poll after a quiet spell only learns what exists. */
  async function poll(deliver: boolean): Promise<void> {
    const rows = await prisma.$queryRaw<{ id: string; created_ms: number; now_ms: number }[]>`
      SELECT id, (extract(epoch FROM created_at) * 1000)::float8 AS created_ms,
             (extract(epoch FROM now()) * 1000)::float8 AS now_ms
      FROM notification WHERE created_at > now() - make_interval(secs => ${timings.lookBackMs / 1000})`;
    const fresh = rows.filter((row) => !seen.has(row.id));
    for (const row of fresh) seen.set(row.id, row.created_ms);
    const horizon = (rows[0]?.now_ms ?? Date.now()) - timings.lookBackMs;
    for (const [id, created] of seen) if (created < horizon) seen.delete(id);
    if (!deliver || fresh.length === 0) return;
    const ids = fresh.map((row) => row.id);
    await Promise.all(
      [...subscribers].map(async (subscriber) => {
        const mine: TNotification[] = await notificationsAmong(prisma, subscriber.caller, ids);
        if (mine.length === 0) return;
        for (const item of mine.reverse()) subscriber.send('notification', item);
        await pushCount(subscriber);
      }),
    );
  }

  /** Runs one poll unless one is under way or the hub is closed. */
  function pollOnce(deliver: boolean): Promise<void> {
    if (running || closed) return running ?? Promise.resolve();
    running = poll(deliver).finally(() => {
      running = undefined;
    });
    return running;
  }

  function tick(): void {
    // A failed poll (the database restarting) is simply tried again on the next tick.
    pollOnce(true).catch(() => undefined);
  }

  async function subscribe(subscriber: Subscriber): Promise<void> {
    subscribers.add(subscriber);
    if (poller) return;
    poller = setInterval(tick, timings.pollMs);
    poller.unref();
    await pollOnce(false);
  }

  function unsubscribe(subscriber: Subscriber): void {
    subscribers.delete(subscriber);
    if (subscribers.size > 0 || !poller) return;
    clearInterval(poller);
    poller = undefined;
    seen.clear();
  }

  return {
    async open(caller, req, res) {
      res.status(200).set({
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        Connection: 'keep-alive',
        // Reverse proxies (nginx) would otherwise buffer the events.
        'X-Accel-Buffering': 'no',
      });
      res.flushHeaders();
      res.write('retry: 3000\n\n');
      const subscriber: Subscriber = {
        caller,
        send(event, data) {
          if (!res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
        },
      };
      if (closed) {
        res.end();
        return;
      }
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), timings.keepAliveMs);
      const lifetime = setTimeout(() => res.end(), timings.lifetimeMs);
      let gone = false;
      const end = () => res.end();
      enders.add(end);
      const close = () => {
        gone = true;
        enders.delete(end);
        clearInterval(keepAlive);
        clearTimeout(lifetime);
        unsubscribe(subscriber);
      };
      req.on('close', close);
      res.on('close', close);
      try {
        await subscribe(subscriber);
        // A client that left while the first poll ran was unsubscribed before it was subscribed;
        // a hub closed meanwhile queries nothing more.
        if (gone || closed) return unsubscribe(subscriber);
        await pushCount(subscriber);
      } catch {
        // The headers are gone already: end the stream and let EventSource reconnect.
        res.end();
      }
    },
    countChanged(userId, unread) {
      for (const subscriber of subscribers)
        if (subscriber.caller.userId === userId) subscriber.send('unread', { unread });
    },
    async close() {
      closed = true;
      for (const end of [...enders]) end();
      if (poller) clearInterval(poller);
      poller = undefined;
      await running?.catch(() => undefined);
    },
  };
}
