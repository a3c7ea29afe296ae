import type { Role } from '@aio/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps, UserCtx, WorkspaceCtx } from '../context';
import { AppError } from '../errors';

export interface RequestAuth {
  userId: string;
  via: 'session' | 'api_key';
  sessionId: string | null;
}

export interface RequestMembership {
  workspaceId: string;
  role: Role;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps;
  }
  interface FastifyRequest {
    /** Filled by the auth module's authenticate hook. */
    auth: RequestAuth | null;
    /** Filled by the workspaces module's membership hook on /workspaces/:workspaceId routes. */
    membership: RequestMembership | null;
  }
}

export function registerRequestContext(app: FastifyInstance, deps: Deps): void {
  app.decorate('deps', deps);
  app.decorateRequest('auth', null);
  app.decorateRequest('membership', null);
}

export function userCtx(req: FastifyRequest): UserCtx {
  if (!req.auth) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  const deps = req.server.deps;
  return { ...deps, log: req.log, actor: { userId: req.auth.userId, ip: req.ip, via: req.auth.via } };
}

export function workspaceCtx(req: FastifyRequest): WorkspaceCtx {
  if (!req.membership) throw new Error('workspaceCtx used on a route without the membership hook');
  return { ...userCtx(req), workspaceId: req.membership.workspaceId, role: req.membership.role };
}
