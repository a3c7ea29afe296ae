import { AuditPage, AuditQuery, ErrorBody, WorkspaceParams } from '@aio/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { userCtx, workspaceCtx } from '../../platform/http/request-context';
import { listMySecurityLog, listWorkspaceAuditLog } from './service';

/** Expects the auth and membership hooks from the enclosing scopes (see app.ts). */
export const workspaceAuditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit-log',
    {
      schema: {
        tags: ['audit'],
        summary: "Page through the workspace's audit log (owners and admins)",
        params: WorkspaceParams,
        querystring: AuditQuery,
        response: { 200: AuditPage, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => listWorkspaceAuditLog(workspaceCtx(req), req.query),
  );
};

export const personalAuditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/me/security-log',
    {
      schema: {
        tags: ['account'],
        summary: 'Page through my own security actions (2FA, API keys)',
        querystring: AuditQuery,
        response: { 200: AuditPage, 401: ErrorBody },
      },
    },
    async (req) => listMySecurityLog(userCtx(req), req.query),
  );
};
