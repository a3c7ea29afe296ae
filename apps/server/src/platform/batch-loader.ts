import DataLoader from 'dataloader';

/**
 * Loads by key, gathering the keys asked for during one turn of the event
 * loop into one bulk query: the first messages into a hundred channels after
 * a start (or a cache expiry) cost one query, not a hundred queued behind one
 * another. Caching is left to the caller's TtlCache, which knows when entries
 * go stale; keys the bulk query does not return resolve to `fallback`.
 */
export function createBatchLoader<K, V>(loadMany: (keys: readonly K[]) => Promise<Map<K, V>>, fallback: (key: K) => V): (key: K) => Promise<V> {
  const loader = new DataLoader<K, V>(
    async (keys) => {
      const found = await loadMany(keys);
      return keys.map((key) => (found.has(key) ? found.get(key)! : fallback(key)));
    },
    // setImmediate, not the default microtask: frames from many sockets are read in one poll phase.
    { cache: false, batchScheduleFn: (run) => setImmediate(run), maxBatchSize: 500 },
  );
  return (key) => loader.load(key);
}
