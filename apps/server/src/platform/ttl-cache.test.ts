import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBatchLoader } from './batch-loader';
import { TtlCache } from './ttl-cache';

/** A loader that counts its calls and answers `value-<n>` for the n-th call. */
function counting() {
  let calls = 0;
  const load = vi.fn(async () => `value-${++calls}`);
  return { load };
}

const settle = () => new Promise((r) => setImmediate(r));

/** A stale-while-revalidate cache whose entry for 'k' (`value-1`) is past even its longest TTL. */
async function expiredEntry() {
  vi.useFakeTimers({ toFake: ['Date'] });
  const cache = new TtlCache<string, string>(1000, { staleWhileRevalidate: true });
  const { load } = counting();
  await cache.get('k', load);
  vi.advanceTimersByTime(1201);
  return { cache, load };
}

describe('TtlCache', () => {
  afterEach(() => vi.useRealTimers());

  it('shares one load between concurrent misses and reloads after the TTL', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const cache = new TtlCache<string, string>(1000);
    const { load } = counting();
    expect(await Promise.all([cache.get('k', load), cache.get('k', load)])).toEqual(['value-1', 'value-1']);
    // Entries live 80-120% of the TTL, so ones loaded together do not expire together.
    vi.advanceTimersByTime(799);
    expect(await cache.get('k', load)).toBe('value-1');
    vi.advanceTimersByTime(402);
    expect(await cache.get('k', load)).toBe('value-2');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('answers from a stale entry while one reload runs, then from the reloaded one', async () => {
    const { cache, load } = await expiredEntry();
    expect(await Promise.all([cache.get('k', load), cache.get('k', load)])).toEqual(['value-1', 'value-1']);
    await settle();
    expect(await cache.get('k', load)).toBe('value-2');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not bring back an entry deleted while its reload ran', async () => {
    const { cache, load } = await expiredEntry();
    await cache.get('k', load);
    cache.delete('k');
    await settle();
    expect(await cache.get('k', load)).toBe('value-3');
  });

  it('forgets a failed load, and a stale entry whose reload failed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const cache = new TtlCache<string, string>(1000, { staleWhileRevalidate: true });
    await expect(cache.get('k', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('k', async () => 'fresh')).toBe('fresh');
    vi.advanceTimersByTime(1201);
    expect(await cache.get('k', async () => Promise.reject(new Error('down')))).toBe('fresh');
    await settle();
    expect(await cache.get('k', async () => 'again')).toBe('again');
  });
});

describe('createBatchLoader', () => {
  it('answers the keys asked for in one turn of the event loop with one bulk load', async () => {
    const loadMany = vi.fn(async (keys: readonly string[]) => new Map(keys.filter((k) => k !== 'gone').map((k) => [k, k.toUpperCase()])));
    const load = createBatchLoader(loadMany, () => null);
    const first = load('a');
    // The batch goes out on setImmediate; an immediate queued after it runs after it (a timer may not).
    await new Promise((r) => setImmediate(r));
    const rest = await Promise.all([load('b'), load('gone'), load('b')]);
    expect([await first, ...rest]).toEqual(['A', 'B', null, 'B']);
    expect(loadMany.mock.calls.map(([keys]) => [...keys])).toEqual([['a'], ['b', 'gone', 'b']]);
  });
});
