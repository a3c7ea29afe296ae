import { ConversationParams, MarkReadBody, MarkUnreadBody, MemberStatus, Message, ReadState, ReadStateTotals, StatusBody, WorkspaceParams } from '@aio/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { workspaceCtx } from '../../../platform/http/request-context';
import { listBookmarks } from '../service/messages';
import { clearStatus, getReadStates, markRead, markUnread, setStatus } from '../service/read-state';
import { errors, itemsOf, noContent, tags } from './shared';

/** What is the caller's own: read markers, bookmarks, custom status. */
export const personalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/conversations/:conversationId/read',
    { schema: { tags, summary: 'Mark read up to a message (default: the newest)', params: ConversationParams, body: MarkReadBody.optional(), response: { 200: ReadState, ...errors } } },
    async (req) => markRead(workspaceCtx(req), req.params.conversationId, req.body?.seq),
  );
  app.post(
    '/conversations/:conversationId/unread',
    { schema: { tags, summary: 'Mark unread from a message on', params: ConversationParams, body: MarkUnreadBody, response: { 200: ReadState, ...errors } } },
    async (req) => markUnread(workspaceCtx(req), req.params.conversationId, req.body.seq),
  );
  app.get('/read-state', { schema: { tags, summary: 'Unread and mention counts, in total and per conversation', params: WorkspaceParams, response: { 200: ReadStateTotals, ...errors } } }, async (req) =>
    getReadStates(workspaceCtx(req)),
  );
  app.get('/bookmarks', { schema: { tags, summary: 'My bookmarked messages, newest first', params: WorkspaceParams, response: { 200: itemsOf(Message), ...errors } } }, async (req) => ({
    items: await listBookmarks(workspaceCtx(req)),
  }));
  app.put('/status', { schema: { tags, summary: 'Set my custom status', params: WorkspaceParams, body: StatusBody, response: { 200: MemberStatus, ...errors } } }, async (req) =>
    setStatus(workspaceCtx(req), req.body),
  );
  app.delete('/status', { schema: { tags, summary: 'Clear my custom status', params: WorkspaceParams, response: { ...noContent, ...errors } } }, async (req, reply) => {
    await clearStatus(workspaceCtx(req));
    return reply.status(204).send(null);
  });
};
