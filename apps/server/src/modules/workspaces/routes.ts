import {
  CreateInviteBody,
  CreateWorkspaceBody,
  CreatedInvite,
  ErrorBody,
  Invite,
  InviteParams,
  InvitePreview,
  InviteTokenParams,
  Member,
  MemberParams,
  TransferOwnershipBody,
  UpdateMemberBody,
  UpdateWorkspaceBody,
  Workspace,
  WorkspaceParams,
} from '@aio/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { systemCtx } from '../../platform/context';
import { userCtx, workspaceCtx } from '../../platform/http/request-context';
import { acceptInvite, createInvite, listInvites, previewInvite, revokeInvite } from './service/invites';
import { changeMemberRole, leaveWorkspace, listMembers, removeMember, transferOwnership } from './service/members';
import { createWorkspace, deleteWorkspace, getWorkspace, listMyWorkspaces, updateWorkspaceSettings } from './service/workspaces';

const tags = ['workspaces'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const noContent = { 204: z.null() };

/** Anyone holding the link may see what it invites to; rate limited against token guessing. */
export const publicInviteRoutes: FastifyPluginAsyncZod<{ perMinute: number }> = async (app, opts) => {
  app.get(
    '/invites/:token',
    {
      schema: { tags, summary: 'What an invite link invites to', params: InviteTokenParams, response: { 200: InvitePreview, 404: ErrorBody } },
      config: { rateLimit: { max: opts.perMinute, timeWindow: 60_000 } },
    },
    async (req) => previewInvite(systemCtx(req.server.deps, req.log), req.params.token),
  );
};

/** Routes of a signed-in user outside any one workspace. */
export const workspaceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/workspaces', { schema: { tags, summary: 'My workspaces', response: { 200: z.object({ items: z.array(Workspace) }) } } }, async (req) => ({
    items: await listMyWorkspaces(userCtx(req)),
  }));
  app.post(
    '/workspaces',
    { schema: { tags, summary: 'Create a workspace; the caller becomes its owner', body: CreateWorkspaceBody, response: { 201: Workspace, ...errors } } },
    async (req, reply) => reply.status(201).send(await createWorkspace(userCtx(req), req.body)),
  );
  app.post(
    '/invites/:token/accept',
    { schema: { tags, summary: 'Accept an invite sent to my e-mail address', params: InviteTokenParams, response: { 200: Workspace, 410: ErrorBody, ...errors } } },
    async (req) => acceptInvite(userCtx(req), req.params.token),
  );
};

/** Routes under /workspaces/:workspaceId, behind the membership hook. */
export const workspaceScopedRoutes: FastifyPluginAsyncZod = async (app) => {
  const params = WorkspaceParams;
  app.get('', { schema: { tags, summary: 'One of my workspaces', params, response: { 200: Workspace, ...errors } } }, async (req) =>
    getWorkspace(workspaceCtx(req)),
  );
  app.patch(
    '',
    { schema: { tags, summary: 'Rename or change settings (owners, admins)', params, body: UpdateWorkspaceBody, response: { 200: Workspace, ...errors } } },
    async (req) => updateWorkspaceSettings(workspaceCtx(req), req.body),
  );
  app.delete('', { schema: { tags, summary: 'Delete the workspace (owner)', params, response: { ...noContent, ...errors } } }, async (req, reply) => {
    await deleteWorkspace(workspaceCtx(req));
    return reply.status(204).send(null);
  });
  app.get('/members', { schema: { tags, summary: 'Members and their roles', params, response: { 200: z.object({ items: z.array(Member) }), ...errors } } }, async (req) => ({
    items: await listMembers(workspaceCtx(req)),
  }));
  app.patch(
    '/members/:userId',
    { schema: { tags, summary: "Change a member's role (owners, admins)", params: MemberParams, body: UpdateMemberBody, response: { 200: Member, ...errors } } },
    async (req) => changeMemberRole(workspaceCtx(req), req.params.userId, req.body.role),
  );
  app.delete(
    '/members/:userId',
    { schema: { tags, summary: 'Remove a member (owners, admins)', params: MemberParams, response: { ...noContent, ...errors } } },
    async (req, reply) => {
      await removeMember(workspaceCtx(req), req.params.userId);
      return reply.status(204).send(null);
    },
  );
  app.post('/leave', { schema: { tags, summary: 'Leave the workspace', params, response: { ...noContent, ...errors } } }, async (req, reply) => {
    await leaveWorkspace(workspaceCtx(req));
    return reply.status(204).send(null);
  });
  app.post(
    '/transfer-ownership',
    { schema: { tags, summary: 'Make another member the owner (owner)', params, body: TransferOwnershipBody, response: { ...noContent, ...errors } } },
    async (req, reply) => {
      await transferOwnership(workspaceCtx(req), req.body.userId);
      return reply.status(204).send(null);
    },
  );
  app.get('/invites', { schema: { tags, summary: 'Invites (owners, admins)', params, response: { 200: z.object({ items: z.array(Invite) }), ...errors } } }, async (req) => ({
    items: await listInvites(workspaceCtx(req)),
  }));
  app.post(
    '/invites',
    { schema: { tags, summary: 'Invite someone by e-mail (owners, admins)', params, body: CreateInviteBody, response: { 201: CreatedInvite, 409: ErrorBody, ...errors } } },
    async (req, reply) => reply.status(201).send(await createInvite(workspaceCtx(req), req.body)),
  );
  app.delete(
    '/invites/:inviteId',
    { schema: { tags, summary: 'Revoke a pending invite (owners, admins)', params: InviteParams, response: { ...noContent, 409: ErrorBody, ...errors } } },
    async (req, reply) => {
      await revokeInvite(workspaceCtx(req), req.params.inviteId);
      return reply.status(204).send(null);
    },
  );
};
