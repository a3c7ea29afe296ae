import type { Deps } from '../../platform/context';
import type { RequestAuth } from '../../platform/http/request-context';
import { TtlCache, perApp } from '../../platform/ttl-cache';

/**
 * Who a session cookie or API key belongs to, cached for a short while so a
 * request does not pay two queries before it starts. Revocations clear the
 * cache at once on this node and, through the bus, on every other node; the
 * TTL only bounds how long a revocation the bus missed can linger.
 */
const TTL_MS = 30_000;

export interface CachedAuth {
  auth: RequestAuth;
  expiresAt: number;
}

export interface AuthCache {
  sessions: TtlCache<string, CachedAuth | null>;
  apiKeys: TtlCache<string, CachedAuth | null>;
}

export interface AuthCacheEvents {
  /** Sessions (or API keys) were revoked somewhere: forget what this node remembers. */
  'auth.credentials_revoked': { kind: 'sessions' | 'api_keys' };
}

const registry = new WeakMap<object, AuthCache>();

export function authCache(deps: Pick<Deps, 'db' | 'bus'>): AuthCache {
  return perApp(registry, deps.db, () => {
    const cache: AuthCache = { sessions: new TtlCache(TTL_MS), apiKeys: new TtlCache(TTL_MS) };
    deps.bus.on('auth.credentials_revoked', (e) => (e.kind === 'sessions' ? cache.sessions.clear() : cache.apiKeys.clear()));
    return cache;
  });
}

/** Clears this node's cache now, then tells the other nodes. */
export async function credentialsRevoked(deps: Pick<Deps, 'db' | 'bus'>, kind: 'sessions' | 'api_keys'): Promise<void> {
  const cache = authCache(deps);
  (kind === 'sessions' ? cache.sessions : cache.apiKeys).clear();
  await deps.bus.emit('auth.credentials_revoked', { kind });
}

/** A cached answer, unless the credential it describes has expired since. */
export async function cachedAuth(
  cache: TtlCache<string, CachedAuth | null>,
  key: string,
  load: () => Promise<CachedAuth | null>,
): Promise<RequestAuth | null> {
  let hit = await cache.get(key, load);
  if (hit && hit.expiresAt <= Date.now()) {
    cache.delete(key);
    hit = await cache.get(key, load);
  }
  return hit?.auth ?? null;
}
