import { type ClientFrame, type MemberStatus, SendMessageBody } from '@aio/contracts';
import type { Deps, WorkspaceCtx } from '../../platform/context';
import type { Logger } from '../../platform/logger';
import { AppError } from '../../platform/errors';
import { listConversationIdsOfUser, listMemberStatuses, prepareToSend, sendMessage } from '../conversations/index';
import type { Connection } from './connection';

/*
 * The gateway's doors into team chat, all through modules/conversations/index.ts:
 * memberships for routing, statuses for presence, and sends over the socket.
 */

/** Member ids of a conversation (null: it is gone), for a new public channel's first members. */
export { findConversationMemberIds } from '../conversations/index';

/**
 * The context of a service call made for a socket's user, as a request would
 * build it. Kept on the connection while its workspace and role stay the
 * same: a socket sends many times, and making it anew per send was a tenth
 * of the send path's own time and allocation.
 */
export function workspaceCtxOf(deps: Deps, connection: Connection): WorkspaceCtx {
  const cached = connection.serviceCtx;
  if (cached && cached.workspaceId === connection.workspaceId && cached.role === connection.role) return cached;
  const { userId, via, ip } = connection.identity;
  let log: Logger | undefined;
  const ctx: WorkspaceCtx = {
    ...deps,
    // Made on first use: most calls (every send) never log, and a pino child serialises its bindings up front.
    get log() {
      return (log ??= deps.log.child({ workspaceId: connection.workspaceId, userId }));
    },
    actor: { userId, via, ip },
    workspaceId: connection.workspaceId,
    role: connection.role,
  };
  connection.serviceCtx = ctx;
  return ctx;
}

/** The conversations the caller is a member of: the routing index starts from these. */
export function listMyConversationIds(ctx: WorkspaceCtx): Promise<string[]> {
  return listConversationIdsOfUser(ctx, ctx.workspaceId, ctx.actor.userId);
}

/** Warms the send path for a member who just connected; a failure only costs their first send a lookup. */
export function prepareSocketSends(deps: Deps, connection: Connection, conversationIds: Iterable<string>): void {
  const ctx = workspaceCtxOf(deps, connection);
  prepareToSend(ctx, [...conversationIds]).catch((err) => ctx.log.warn({ err }, 'could not prepare the send path'));
}

/** Custom statuses in effect of some members, by user id. */
export async function readMemberStatuses(deps: Pick<Deps, 'db'>, workspaceId: string, userIds: string[]): Promise<Map<string, MemberStatus>> {
  const wanted = new Set(userIds);
  const statuses = await listMemberStatuses(deps, workspaceId);
  return new Map(statuses.filter((s) => wanted.has(s.userId)).map((s) => [s.userId, s]));
}

/**
 * A `send` frame: the same service call as POST …/messages, answered with an
 * `ack` (or an `error`) carrying the client's requestId.
 */
export async function sendOverSocket(deps: Deps, connection: Connection, frame: Extract<ClientFrame, { type: 'send' }>): Promise<void> {
  const { requestId } = frame;
  const input = SendMessageBody.safeParse({
    clientId: frame.clientId,
    body: frame.body,
    threadRootId: frame.threadRootId,
    alsoSendToChannel: frame.alsoSendToChannel,
  });
  if (!input.success) {
    const message = input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    connection.send({ type: 'error', requestId, error: { code: 'VALIDATION_FAILED', message } });
    return;
  }
  const ctx = workspaceCtxOf(deps, connection);
  try {
    const { message, duplicate } = await sendMessage(ctx, frame.conversationId, input.data);
    connection.send({ type: 'ack', requestId, messageId: message.id, seq: message.seq, createdAt: message.createdAt, duplicate });
  } catch (err) {
    if (err instanceof AppError) {
      connection.send({ type: 'error', requestId, error: { code: err.code, message: err.message } });
      return;
    }
    ctx.log.error({ err }, 'send over websocket failed');
    connection.send({ type: 'error', requestId, error: { code: 'INTERNAL', message: 'Something went wrong' } });
  }
}
