// The callers behind session cookies, kept in this process for a short while, so a signed-in
// person's requests skip the session look-up (one statement each). Whatever could change a cached
// caller empties the whole cache before it can be answered from again:
// - the database announces every change to sessions, users, role assignments and units (a trigger's
//   NOTIFY on `sgf_auth_changed`, migration 20261123075000), so changes made by another server
//   process, or by hand, count as soon as the notice arrives;
// - this process's own access-changing requests (sign-in/out, users, units) clear it as they commit,
//   before they answer, so its next request never meets the old caller even if the notice is late.
// While the listening connection is down the cache is bypassed (and emptied when it comes back).
import { Client } from 'pg';
import type { SessionUser } from './session-store';

export const AUTH_CHANGED_CHANNEL = 'sgf_auth_changed';
/** How long a caller is kept even if nothing changes: a bound, not the correctness mechanism. */
const KEEP_MS = 60_000;
const MAX_ENTRIES = 10_000;
const RECONNECT_MS = 1_000;

interface Entry {
  found: SessionUser;
  /** The earlier of the session's expiry and the keeping bound. */
  until: number;
}

export interface SessionCache {
  /** The cached caller of a session token's hash, or undefined (also while the listener is down). */
  get(tokenHash: string, now: number): SessionUser | undefined;
  /** Looks the session up with `find` and keeps the answer unless something changed meanwhile. */
  remember(tokenHash: string, find: () => Promise<SessionUser | null>): Promise<SessionUser | null>;
  clear(): void;
  close(): Promise<void>;
}

export function createSessionCache(databaseUrl: string): SessionCache {
  const entries = new Map<string, Entry>();
  /** Bumped by every clear: a look-up that started before one must not fill the cache after it. */
  let generation = 0;
  let listening = false;
  let closed = false;
  let client: Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const clear = () => {
    generation++;
    entries.clear();
  };

  const lost = () => {
    listening = false;
    clear();
    client?.removeAllListeners();
    void client?.end().catch(() => undefined);
    client = undefined;
    if (!closed && !retry) {
      retry = setTimeout(() => {
        retry = undefined;
        void listen();
      }, RECONNECT_MS);
      retry.unref();
    }
  };

  async function listen(): Promise<void> {
    const next = new Client({ connectionString: databaseUrl });
    client = next;
    next.on('notification', clear);
    next.on('error', lost);
    next.on('end', lost);
    try {
      await next.connect();
      await next.query(`LISTEN ${AUTH_CHANGED_CHANNEL}`);
      if (closed || client !== next) return;
      clear();
      listening = true;
    } catch {
      if (client === next) lost();
    }
  }
  void listen();

  return {
    get(tokenHash, now) {
      if (!listening) return undefined;
      const entry = entries.get(tokenHash);
      if (entry && entry.until > now) return entry.found;
      if (entry) entries.delete(tokenHash);
      return undefined;
    },
    async remember(tokenHash, find) {
      const before = generation;
      const found = await find();
      if (found && listening && generation === before) {
        if (entries.size >= MAX_ENTRIES) entries.clear();
        entries.set(tokenHash, { found, until: Math.min(found.expiresAt.getTime(), Date.now() + KEEP_MS) });
      }
      return found;
    },
    clear,
    async close() {
      closed = true;
      listening = false;
      if (retry) clearTimeout(retry);
      const last = client;
      client = undefined;
      last?.removeAllListeners();
      last?.on('error', () => undefined);
      await last?.end().catch(() => undefined);
    },
  };
}
