import { ErrorBody, Id, Presence, WorkspaceParams, WS_CLOSE } from '@aio/contracts';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { workspaceCtx } from '../../platform/http/request-context';
import { type BetterAuth, resolveRequestAuth } from '../auth/index';
import type { SocketIdentity } from './connection';
import type { RealtimeGateway } from './gateway';
import { listPresence } from './presence/service';

const UpgradeQuery = z.object({ workspaceId: Id.optional() });

/**
 * Who is connecting, or null to refuse. Browsers send the session cookie with
 * a WebSocket upgrade from any site (there is no CORS preflight for it), so a
 * cookie-authenticated upgrade must come from our own origin; an API key is
 * not an ambient credential and needs no such check.
 */
function upgradeIdentity(req: FastifyRequest, allowedOrigin: string): SocketIdentity | null {
  if (!req.auth) return null;
  if (req.auth.via === 'session' && req.headers.origin !== allowedOrigin) return null;
  return { userId: req.auth.userId, via: req.auth.via, ip: req.ip };
}

/** GET /api/v1/ws: the upgrade. Refusals are close codes, which a browser can read (an HTTP status it cannot). */
export const realtimeRoutes: FastifyPluginAsync<{ gateway: RealtimeGateway; auth: BetterAuth }> = async (app, opts) => {
  const allowedOrigin = new URL(app.deps.config.publicUrl).origin;
  app.get(
    '/ws',
    {
      websocket: true,
      onRequest: async (req) => {
        // A bad or expired API key is a refusal like no credentials at all, not an HTTP error on the upgrade.
        req.auth = await resolveRequestAuth(opts.auth, req).catch(() => null);
      },
    },
    (socket, req) => {
      const identity = upgradeIdentity(req, allowedOrigin);
      if (!identity) return socket.close(WS_CLOSE.UNAUTHENTICATED, req.auth ? 'cross-site upgrade refused' : 'sign in first');
      const query = UpgradeQuery.safeParse(req.query);
      if (!query.success) return socket.close(WS_CLOSE.PROTOCOL_ERROR, 'workspaceId is not an id');
      // The upgraded request's TCP socket is the one ws now speaks over.
      opts.gateway.accept(socket, req.socket, identity, query.data.workspaceId);
    },
  );
};

/** Under /workspaces/:workspaceId, behind the auth and membership hooks. */
export const presenceRoutes: FastifyPluginAsyncZod<{ gateway: RealtimeGateway }> = async (app, opts) => {
  app.get(
    '/presence',
    {
      schema: {
        tags: ['realtime'],
        summary: "Every member's presence (online, away, offline) and custom status",
        params: WorkspaceParams,
        response: { 200: z.object({ items: z.array(Presence) }), 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => ({ items: await listPresence(workspaceCtx(req), opts.gateway.presenceStore) }),
  );
};
