interface Entry<V> {
  value: Promise<V>;
  expiresAt: number;
}

/**
 * A small read-through cache with a time to live. It stores the loading
 * promise, so concurrent misses share one query; `delete` during a load drops
 * that load's result instead of caching what may already be stale.
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: K, load: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > now) return hit.value;
    const entry: Entry<V> = { value: load(), expiresAt: now + this.ttlMs };
    this.entries.set(key, entry);
    entry.value.catch(() => this.entries.get(key) === entry && this.entries.delete(key));
    // Oldest insertion first out: enough to bound memory; hot keys come straight back.
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as K);
    return entry.value;
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
