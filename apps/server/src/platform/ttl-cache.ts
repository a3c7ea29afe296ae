interface Entry<V> {
  value: Promise<V>;
  expiresAt: number;
  /** The value has arrived (a failed load is removed, never kept). */
  settled: boolean;
  /** A background reload of this entry is under way. */
  refreshing: boolean;
}

export interface TtlCacheOptions {
  maxEntries?: number;
  /**
   * Past its TTL, an entry is still answered from while one reload runs in
   * the background. For caches whose changes are cleared explicitly (bus
   * invalidations), where the TTL only bounds a missed invalidation: expiry
   * then never makes callers wait, and keys that expire together under load
   * do not all go to the database at once.
   */
  staleWhileRevalidate?: boolean;
}

/**
 * A small read-through cache with a time to live. It stores the loading
 * promise, so concurrent misses share one query; `delete` during a load drops
 * that load's result instead of caching what may already be stale.
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  private readonly maxEntries: number;
  private readonly staleWhileRevalidate: boolean;

  constructor(
    private readonly ttlMs: number,
    { maxEntries = 10_000, staleWhileRevalidate = false }: TtlCacheOptions = {},
  ) {
    this.maxEntries = maxEntries;
    this.staleWhileRevalidate = staleWhileRevalidate;
  }

  get(key: K, load: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > now) return hit.value;
    if (hit?.settled && this.staleWhileRevalidate) {
      if (!hit.refreshing) this.refresh(key, hit, load);
      return hit.value;
    }
    return this.store(key, load(), now).value;
  }

  private store(key: K, value: Promise<V>, now: number): Entry<V> {
    // Each entry lives ±20% around the TTL: entries loaded together (everyone
    // connecting after a restart) must not all expire, and reload, together.
    const ttl = this.ttlMs * (0.8 + Math.random() * 0.4);
    const entry: Entry<V> = { value, expiresAt: now + ttl, settled: false, refreshing: false };
    this.entries.set(key, entry);
    value.then(
      () => (entry.settled = true),
      () => this.entries.get(key) === entry && this.entries.delete(key),
    );
    // Oldest insertion first out: enough to bound memory; hot keys come straight back.
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as K);
    return entry;
  }

  /** Replaces a stale entry once its reload succeeds, unless it was deleted or replaced meanwhile. */
  private refresh(key: K, stale: Entry<V>, load: () => Promise<V>): void {
    stale.refreshing = true;
    const reload = load();
    reload.then(
      (value) => this.entries.get(key) === stale && this.store(key, Promise.resolve(value), Date.now()),
      // The stale value goes too: the next caller loads afresh and sees the error itself.
      () => this.entries.get(key) === stale && this.entries.delete(key),
    );
  }

  /** Fills entries from one bulk load for the keys not cached yet. */
  async getMany(keys: K[], loadMissing: (missing: K[]) => Promise<Map<K, V>>, fallback: (key: K) => V): Promise<Map<K, V>> {
    const now = Date.now();
    const missing = [...new Set(keys)].filter((k) => !((this.entries.get(k)?.expiresAt ?? 0) > now));
    if (missing.length > 0) {
      const loading = loadMissing(missing);
      for (const key of missing) this.get(key, async () => (await loading).get(key) ?? fallback(key));
    }
    const out = new Map<K, V>();
    for (const key of new Set(keys)) out.set(key, await this.get(key, async () => fallback(key)));
    return out;
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * One instance of something per running app, keyed by its database handle:
 * tests and in-process peers build several apps in one process, and each
 * needs its own caches bound to its own bus.
 */
export function perApp<T>(registry: WeakMap<object, T>, key: object, create: () => T): T {
  let value = registry.get(key);
  if (value === undefined) {
    value = create();
    registry.set(key, value);
  }
  return value;
}
