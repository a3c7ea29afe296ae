import { randomToken } from '../../platform/crypto';
import type { WorkspaceCtx } from '../../platform/context';
import { type BetterAuth, createUserWithPassword } from '../auth/index';
import { addMember } from '../workspaces/index';
import { toggleReaction } from './service/annotations';
import { createConversation } from './service/create';
import { sendMessage } from './service/send';

const TEAMMATES = [
  { email: 'grace@acme-support.example', name: 'Grace' },
  { email: 'linus@acme-support.example', name: 'Linus' },
];

/**
 * Team chat for the demo workspace: two teammates (who never sign in; their
 * passwords are thrown away), #general with a short conversation, a thread
 * and a reaction, and #random. Everything goes through the service functions,
 * so the demo also fills the event log and read state like real use.
 */
export async function seedTeamChatDemo(owner: WorkspaceCtx, auth: BetterAuth): Promise<void> {
  const [grace, linus] = await Promise.all(TEAMMATES.map((t) => createUserWithPassword(auth, { ...t, password: randomToken(16) })));
  for (const user of [grace!, linus!]) await addMember(owner, user.id, 'member');
  const as = (userId: string, role: WorkspaceCtx['role'] = 'member'): WorkspaceCtx => ({ ...owner, actor: { ...owner.actor, userId }, role });
  const [g, l] = [as(grace!.id), as(linus!.id)];
  const memberIds = [grace!.id, linus!.id];
  const general = (await createConversation(owner, { kind: 'channel', name: 'general', topic: 'Company-wide announcements and chat', memberIds })).conversation;
  const random = (await createConversation(owner, { kind: 'channel', name: 'random', topic: 'Off-topic, links and 🎉', memberIds })).conversation;
  let n = 0;
  const say = async (ctx: WorkspaceCtx, conversationId: string, body: string, threadRootId?: string) =>
    (await sendMessage(ctx, conversationId, { clientId: `demo-${++n}`, body, threadRootId })).message;

  await say(owner, general.id, 'Welcome to **Acme Support**, everyone! This is where the team talks; customers reach us through the inbox.');
  const release = await say(g, general.id, 'The new help-centre articles are live: https://example.com/help — feedback welcome @channel');
  await say(l, general.id, 'Looks great. I fixed two broken links in the billing FAQ.', release.id);
  await say(owner, general.id, 'Thanks both! @Grace can you add the refund policy next?', release.id);
  await say(g, general.id, 'On it, draft by Friday.', release.id);
  await toggleReaction(l, release.id, '🎉');
  await toggleReaction(owner, release.id, '🎉');
  await say(l, random.id, 'Coffee machine on the 2nd floor is fixed ☕');
  await say(g, random.id, 'Best news this week.');
}
