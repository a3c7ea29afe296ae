import type { FastifyRequest } from 'fastify';
import { notFound } from '../../platform/errors';
import { findMember } from './repository';

/**
 * onRequest hook for /workspaces/:workspaceId/*: the caller must be a member.
 * A workspace the caller does not belong to is reported exactly like a missing
 * one (404), so ids of other tenants cannot be probed.
 */
export async function requireMembership(req: FastifyRequest): Promise<void> {
  const { workspaceId } = req.params as { workspaceId?: string };
  if (!req.auth || !workspaceId) throw notFound('Workspace');
  const member = await findMember(req.server.deps.db, workspaceId, req.auth.userId);
  if (!member) throw notFound('Workspace');
  req.membership = { workspaceId, role: member.role };
  req.log = req.log.child({ workspaceId, userId: req.auth.userId });
}
