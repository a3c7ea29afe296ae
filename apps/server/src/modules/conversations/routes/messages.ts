import {
  ConversationParams,
  EditMessageBody,
  Message,
  MessageEdit,
  MessageParams,
  MessagesPage,
  MessagesQuery,
  Reaction,
  ReactionBody,
  SendMessageBody,
  ThreadPage,
} from '@aio/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { workspaceCtx } from '../../../platform/http/request-context';
import { setBookmarked, setFollowing, setPinned, toggleReaction } from '../service/annotations';
import { deleteMessage, editMessage } from '../service/edit';
import { getMessage, getThread, listMessageEdits, listMessages, listPins } from '../service/messages';
import { sendMessage } from '../service/send';
import { errors, itemsOf, noContent, tags } from './shared';

const params = MessageParams;

/** PUT sets, DELETE clears: pins, bookmarks and thread follows are switches on a message. */
const switches = [
  ['pin', 'Pin to the conversation (members)', setPinned],
  ['bookmark', 'Bookmark for myself', setBookmarked],
  ['follow', 'Follow its thread', setFollowing],
] as const;

/** Sending, reading, editing and deleting messages; threads. */
export const messageRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/conversations/:conversationId/messages',
    {
      schema: {
        tags,
        summary: 'Send a message (200 with the first message when its clientId was sent before)',
        params: ConversationParams,
        body: SendMessageBody,
        response: { 200: Message, 201: Message, ...errors },
      },
    },
    async (req, reply) => {
      const { message, duplicate } = await sendMessage(workspaceCtx(req), req.params.conversationId, req.body);
      return reply.status(duplicate ? 200 : 201).send(message);
    },
  );
  app.get(
    '/conversations/:conversationId/messages',
    { schema: { tags, summary: 'A page of the timeline, oldest first', params: ConversationParams, querystring: MessagesQuery, response: { 200: MessagesPage, ...errors } } },
    async (req) => listMessages(workspaceCtx(req), req.params.conversationId, req.query),
  );
  app.get('/messages/:messageId', { schema: { tags, summary: 'One message', params, response: { 200: Message, ...errors } } }, async (req) =>
    getMessage(workspaceCtx(req), req.params.messageId),
  );
  app.patch('/messages/:messageId', { schema: { tags, summary: 'Edit my message', params, body: EditMessageBody, response: { 200: Message, ...errors } } }, async (req) =>
    editMessage(workspaceCtx(req), req.params.messageId, req.body.body),
  );
  app.delete('/messages/:messageId', { schema: { tags, summary: 'Delete a message (author, admins)', params, response: { ...noContent, ...errors } } }, async (req, reply) => {
    await deleteMessage(workspaceCtx(req), req.params.messageId);
    return reply.status(204).send(null);
  });
  app.get('/messages/:messageId/edits', { schema: { tags, summary: 'Earlier versions, oldest first', params, response: { 200: itemsOf(MessageEdit), ...errors } } }, async (req) => ({
    items: await listMessageEdits(workspaceCtx(req), req.params.messageId),
  }));
  app.get(
    '/messages/:messageId/thread',
    { schema: { tags, summary: 'A thread: its root and a page of replies', params, querystring: MessagesQuery, response: { 200: ThreadPage, ...errors } } },
    async (req) => getThread(workspaceCtx(req), req.params.messageId, req.query),
  );
};

/** What people do to a message: react, pin (and list pins), bookmark, follow its thread. */
export const messageActionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/conversations/:conversationId/pins',
    { schema: { tags, summary: 'Pinned messages, newest pin first', params: ConversationParams, response: { 200: itemsOf(Message), ...errors } } },
    async (req) => ({ items: await listPins(workspaceCtx(req), req.params.conversationId) }),
  );
  app.post(
    '/messages/:messageId/reactions',
    { schema: { tags, summary: 'Add my reaction, or take it back', params, body: ReactionBody, response: { 200: z.object({ reactions: z.array(Reaction) }), ...errors } } },
    async (req) => ({ reactions: await toggleReaction(workspaceCtx(req), req.params.messageId, req.body.emoji) }),
  );
  for (const [path, summary, set] of switches) {
    const route = `/messages/:messageId/${path}`;
    app.put(route, { schema: { tags, summary, params, response: { ...noContent, ...errors } } }, async (req, reply) => {
      await set(workspaceCtx(req), req.params.messageId, true);
      return reply.status(204).send(null);
    });
    app.delete(route, { schema: { tags, summary: `Undo: ${summary.toLowerCase()}`, params, response: { ...noContent, ...errors } } }, async (req, reply) => {
      await set(workspaceCtx(req), req.params.messageId, false);
      return reply.status(204).send(null);
    });
  }
};
