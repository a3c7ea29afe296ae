import type { FastifyPluginAsync } from 'fastify';
import { removeFromAllConversations } from '../service/members';
import { chatRuntime } from '../service/runtime';
import { conversationRoutes, membershipRoutes } from './conversations';
import { messageActionRoutes, messageRoutes } from './messages';
import { personalRoutes } from './personal';

/**
 * Team chat under /workspaces/:workspaceId. Registering it also starts the
 * module's listeners on this node: cache invalidation, and leaving every
 * conversation of a workspace one is removed from.
 */
export const teamChatRoutes: FastifyPluginAsync = async (app) => {
  const { deps } = app;
  const runtime = chatRuntime(deps);
  deps.bus.on('member.removed', (e) =>
    removeFromAllConversations(deps, e.workspaceId, e.userId).catch((err) => deps.log.error({ err, workspaceId: e.workspaceId }, 'leaving conversations failed')),
  );
  // Sends already accepted are written before the database closes: preClose, because
  // the app's own onClose (which closes the database) runs before a plugin's onClose.
  app.addHook('preClose', async () => runtime.writer.drain());
  await app.register(conversationRoutes);
  await app.register(membershipRoutes);
  await app.register(messageRoutes);
  await app.register(messageActionRoutes);
  await app.register(personalRoutes);
};
