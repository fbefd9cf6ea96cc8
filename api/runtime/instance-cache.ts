// The last state this process read or wrote for recently used instances, so a command can go
// straight to its guarded write: one round trip instead of two. The cache is never trusted on its
// own: the write only lands if the instance is still at the cached revision and the idempotency
// key is not logged yet, and a refused write or an engine rejection is decided again from the
// database. So several processes on one database stay correct; they only lose the shortcut.
import { LRUCache } from 'lru-cache';
import type { InstanceState } from '../../workflows/engine';

export interface KnownInstance {
  state: InstanceState;
  revision: number;
  version_id: string;
  unit_id: string;
  parent_id: string | null;
  business_key: string | null;
}

export type InstanceCache = LRUCache<string, KnownInstance>;

/** Makes a state read-only all the way down: a cached state is shared with the command's caller. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Bounded by entry count: states are a few kilobytes, so 2,000 entries stay within a few MB. */
export function createInstanceCache(max = 2_000): InstanceCache {
  return new LRUCache<string, KnownInstance>({ max });
}
