import {
  AddMembersBody,
  Conversation,
  ConversationListQuery,
  ConversationMember,
  ConversationParams,
  CreateConversationBody,
  Id,
  UpdateConversationBody,
  WorkspaceParams,
} from '@aio/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { workspaceCtx } from '../../../platform/http/request-context';
import { getConversation, listConversations, setArchived, updateConversation } from '../service/conversations';
import { createConversation } from '../service/create';
import { addMembers, joinConversation, leaveConversation, listConversationMembers, removeMember } from '../service/members';
import { errors, itemsOf, noContent, tags } from './shared';

const params = ConversationParams;
const MemberParams = ConversationParams.extend({ userId: Id });

/** Channels and direct conversations: create, list, read, rename. */
export const conversationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/conversations',
    {
      schema: {
        tags,
        summary: 'Create a channel, or open the direct conversation with these people (200 when it exists already)',
        params: WorkspaceParams,
        body: CreateConversationBody,
        response: { 200: Conversation, 201: Conversation, ...errors },
      },
    },
    async (req, reply) => {
      const { conversation, created } = await createConversation(workspaceCtx(req), req.body);
      return reply.status(created ? 201 : 200).send(conversation);
    },
  );
  app.get(
    '/conversations',
    { schema: { tags, summary: 'My conversations, or public channels to join', params: WorkspaceParams, querystring: ConversationListQuery, response: { 200: itemsOf(Conversation), ...errors } } },
    async (req) => ({ items: await listConversations(workspaceCtx(req), req.query) }),
  );
  app.get('/conversations/:conversationId', { schema: { tags, summary: 'One conversation', params, response: { 200: Conversation, ...errors } } }, async (req) =>
    getConversation(workspaceCtx(req), req.params.conversationId),
  );
  app.patch(
    '/conversations/:conversationId',
    { schema: { tags, summary: 'Change the topic (members) or name (channel owner, admins)', params, body: UpdateConversationBody, response: { 200: Conversation, ...errors } } },
    async (req) => updateConversation(workspaceCtx(req), req.params.conversationId, req.body),
  );
};

/** Who is in a conversation, and whether it is archived. */
export const membershipRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/conversations/:conversationId/join', { schema: { tags, summary: 'Join a public channel', params, response: { 200: Conversation, ...errors } } }, async (req) =>
    joinConversation(workspaceCtx(req), req.params.conversationId),
  );
  app.post('/conversations/:conversationId/leave', { schema: { tags, summary: 'Leave a channel', params, response: { ...noContent, ...errors } } }, async (req, reply) => {
    await leaveConversation(workspaceCtx(req), req.params.conversationId);
    return reply.status(204).send(null);
  });
  app.get(
    '/conversations/:conversationId/members',
    { schema: { tags, summary: 'Members of a conversation', params, response: { 200: itemsOf(ConversationMember), ...errors } } },
    async (req) => ({ items: await listConversationMembers(workspaceCtx(req), req.params.conversationId) }),
  );
  app.post(
    '/conversations/:conversationId/members',
    { schema: { tags, summary: 'Add workspace members to a channel', params, body: AddMembersBody, response: { 200: itemsOf(ConversationMember), ...errors } } },
    async (req) => ({ items: await addMembers(workspaceCtx(req), req.params.conversationId, req.body.userIds) }),
  );
  app.delete(
    '/conversations/:conversationId/members/:userId',
    { schema: { tags, summary: 'Remove someone from a channel (channel owner, admins)', params: MemberParams, response: { ...noContent, ...errors } } },
    async (req, reply) => {
      await removeMember(workspaceCtx(req), req.params.conversationId, req.params.userId);
      return reply.status(204).send(null);
    },
  );
  for (const [path, archived] of [['archive', true], ['unarchive', false]] as const) {
    app.post(
      `/conversations/:conversationId/${path}`,
      { schema: { tags, summary: `${archived ? 'Archive' : 'Unarchive'} a channel (channel owner, admins)`, params, response: { 200: Conversation, ...errors } } },
      async (req) => setArchived(workspaceCtx(req), req.params.conversationId, archived),
    );
  }
};
