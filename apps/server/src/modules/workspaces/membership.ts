import type { Role } from '@aio/contracts';
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/context';
import type { EventMap } from '../../platform/events/types';
import { notFound } from '../../platform/errors';
import { TtlCache, perApp } from '../../platform/ttl-cache';
import { findMember } from './repository';

/**
 * Roles are read on every workspace request, so they are cached briefly per
 * node. Changes clear the entry on this node at once (the service calls
 * forgetMembership) and on other nodes through the bus events they emit.
 */
const TTL_MS = 30_000;
const registry = new WeakMap<object, TtlCache<string, Role | null>>();
const keyOf = (workspaceId: string, userId: string) => `${workspaceId}:${userId}`;

function roles(deps: Pick<Deps, 'db' | 'bus'>): TtlCache<string, Role | null> {
  return perApp(registry, deps.db, () => {
    const cache = new TtlCache<string, Role | null>(TTL_MS, { staleWhileRevalidate: true });
    const forget = (e: { workspaceId: string; userId: string }) => cache.delete(keyOf(e.workspaceId, e.userId));
    deps.bus.on('member.joined', forget);
    deps.bus.on('member.role_changed', forget);
    deps.bus.on('member.removed', forget);
    deps.bus.on('workspace.deleted', () => cache.clear());
    return cache;
  });
}

export function forgetMembership(deps: Pick<Deps, 'db' | 'bus'>, workspaceId: string, userId?: string): void {
  if (userId) roles(deps).delete(keyOf(workspaceId, userId));
  else roles(deps).clear();
}

export function findCachedRole(deps: Pick<Deps, 'db' | 'bus'>, workspaceId: string, userId: string): Promise<Role | null> {
  return roles(deps).get(keyOf(workspaceId, userId), async () => (await findMember(deps.db, workspaceId, userId))?.role ?? null);
}

/**
 * onRequest hook for /workspaces/:workspaceId/*: the caller must be a member.
 * A workspace the caller does not belong to is reported exactly like a missing
 * one (404), so ids of other tenants cannot be probed.
 */
export async function requireMembership(req: FastifyRequest): Promise<void> {
  const { workspaceId } = req.params as { workspaceId?: string };
  if (!req.auth || !workspaceId) throw notFound('Workspace');
  const role = await findCachedRole(req.server.deps, workspaceId, req.auth.userId);
  if (!role) throw notFound('Workspace');
  req.membership = { workspaceId, role };
  req.log = req.log.child({ workspaceId, userId: req.auth.userId });
}

type MembershipEvent = 'member.joined' | 'member.role_changed' | 'member.removed';

/** Forgets this node's cached role first (the bus may bring our own event back later), then tells every node. */
export async function announceMembership<N extends MembershipEvent>(deps: Pick<Deps, 'db' | 'bus'>, name: N, payload: EventMap[N]): Promise<void> {
  forgetMembership(deps, payload.workspaceId, payload.userId);
  await deps.bus.emit(name, payload);
}
