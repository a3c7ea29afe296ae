import type { Message } from '@aio/contracts';

/** Whether a message calls for this user's attention: @them, @channel or @here. */
export function mentionsUser(message: Message, userId: string): boolean {
  return message.entities.mentions.some((m) => (m.kind === 'user' ? m.userId === userId : true));
}
