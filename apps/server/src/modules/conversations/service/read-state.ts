import type { MemberStatus, ReadState } from '@aio/contracts';
import type { DbOrTx } from '../../../db/client';
import type { Ctx, WorkspaceCtx } from '../../../platform/context';
import { badRequest, forbidden, notFound } from '../../../platform/errors';
import { findConversation } from '../repository/conversations';
import * as repo from '../repository/read-state';
import { requireVisible } from './access';
import { chatEvent, inChatTransaction } from './commit';
import { EMPTY_READ_STATE } from './conversation-views';

async function stateOf(db: DbOrTx, ctx: WorkspaceCtx, conversationId: string): Promise<ReadState> {
  const [row] = await repo.readStatesOf(db, ctx.workspaceId, ctx.actor.userId, { conversationIds: [conversationId], includeArchived: true });
  if (!row) return EMPTY_READ_STATE;
  const { conversationId: _, ...state } = row;
  return state;
}

/**
 * Moves the caller's read marker and tells their other devices. `read` goes
 * up to `seq` (default: the newest message) and never back; `unread` marks
 * from `seq` on as unread.
 */
async function moveReadMarker(ctx: WorkspaceCtx, conversationId: string, move: { mode: 'read'; seq?: number } | { mode: 'unread'; seq: number }): Promise<ReadState> {
  const { caller } = await requireVisible(ctx, conversationId);
  if (caller.membership === null) throw forbidden('Join the conversation first');
  const userId = ctx.actor.userId;
  return inChatTransaction(ctx, ctx.workspaceId, async (tx) => {
    const conversation = await findConversation(tx, ctx.workspaceId, conversationId);
    if (!conversation) throw notFound('Conversation');
    const newest = conversation.lastMessageSeq ?? 0;
    const seq = move.mode === 'read' ? Math.min(move.seq ?? newest, newest) : Math.max(0, Math.min(move.seq - 1, newest));
    if (!(await repo.setLastRead(tx, conversationId, userId, seq, move.mode === 'read' ? 'forward' : 'exact'))) throw forbidden('Join the conversation first');
    const state = await stateOf(tx, ctx, conversationId);
    const payload = { workspaceId: ctx.workspaceId, conversationId, userId, ...state };
    return { result: state, events: [chatEvent('read_state.updated', payload, { userId })] };
  });
}

export const markRead = (ctx: WorkspaceCtx, conversationId: string, seq?: number) => moveReadMarker(ctx, conversationId, { mode: 'read', seq });
export const markUnread = (ctx: WorkspaceCtx, conversationId: string, seq: number) => moveReadMarker(ctx, conversationId, { mode: 'unread', seq });

/** Totals over the caller's live (not archived) conversations, and each one's state. */
export async function getReadStates(ctx: WorkspaceCtx) {
  const rows = await repo.readStatesOf(ctx.db, ctx.workspaceId, ctx.actor.userId, { includeArchived: false });
  return {
    unreadCount: rows.reduce((n, r) => n + r.unreadCount, 0),
    mentionCount: rows.reduce((n, r) => n + r.mentionCount, 0),
    conversations: rows,
  };
}

function toStatus(row: { userId: string; text: string; emoji: string; expiresAt: Date | null }): MemberStatus {
  return { userId: row.userId, text: row.text, emoji: row.emoji, expiresAt: row.expiresAt?.toISOString() ?? null };
}

/** The caller's custom status, announced to the whole workspace. */
export async function setStatus(ctx: WorkspaceCtx, input: { text: string; emoji: string; expiresAt: string | null }): Promise<MemberStatus> {
  const expiresAt = input.expiresAt === null ? null : new Date(input.expiresAt);
  if (expiresAt && Number.isNaN(expiresAt.getTime())) throw badRequest('expiresAt must be an ISO 8601 timestamp');
  return inChatTransaction(ctx, ctx.workspaceId, async (tx) => {
    const row = await repo.upsertStatus(tx, { workspaceId: ctx.workspaceId, userId: ctx.actor.userId, text: input.text, emoji: input.emoji, expiresAt });
    const status = toStatus(row);
    return { result: status, events: [chatEvent('status.changed', { workspaceId: ctx.workspaceId, ...status })] };
  });
}

export async function clearStatus(ctx: WorkspaceCtx): Promise<void> {
  const userId = ctx.actor.userId;
  await inChatTransaction(ctx, ctx.workspaceId, async (tx) => {
    const cleared = await repo.deleteStatus(tx, ctx.workspaceId, userId);
    const payload = { workspaceId: ctx.workspaceId, userId, text: '', emoji: '', expiresAt: null };
    return { result: undefined, events: cleared ? [chatEvent('status.changed', payload)] : [] };
  });
}

/** Statuses in effect, for presence (the realtime gateway). */
export async function listMemberStatuses(ctx: Pick<Ctx, 'db'>, workspaceId: string): Promise<MemberStatus[]> {
  return (await repo.listActiveStatuses(ctx.db, workspaceId)).map(toStatus);
}
