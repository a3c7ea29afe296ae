import type { Tx } from '../../../db/client';
import type { WorkspaceCtx } from '../../../platform/context';
import { conflict, forbidden, notFound } from '../../../platform/errors';
import { type Caller, canParticipate, canSeeConversation } from '../policies';
import { type ConversationRow, findConversationForUpdate, findMembership } from '../repository/conversations';
import { findMessage, type MessageRow } from '../repository/messages';
import { type ConversationAccess, findAccess } from './runtime';

export interface Visible {
  access: ConversationAccess;
  caller: Caller;
}

export function callerOf(ctx: WorkspaceCtx, membership: Caller['membership']): Caller {
  return { role: ctx.role, userId: ctx.actor.userId, membership };
}

/**
 * The conversation if the caller may see it, from the short-lived cache. Not
 * there, another workspace's, or private to others: all the same 404.
 */
export async function requireVisible(ctx: WorkspaceCtx, conversationId: string, what = 'Conversation'): Promise<Visible> {
  const access = await findAccess(ctx, conversationId);
  if (!access || access.workspaceId !== ctx.workspaceId) throw notFound(what);
  const caller = callerOf(ctx, access.members.get(ctx.actor.userId) ?? null);
  if (!canSeeConversation(access, caller)) throw notFound(what);
  return { access, caller };
}

/** Archived conversations are read-only. */
export function requireNotArchived(facts: { archived: boolean }): void {
  if (facts.archived) throw conflict('This conversation is archived');
}

/** Posting, reacting, pinning: members of a live conversation. */
export function requireParticipant(visible: Visible): void {
  if (!canParticipate(visible.caller)) throw forbidden('Join the conversation first');
  requireNotArchived(visible.access);
}

export async function requireVisibleMessage(ctx: WorkspaceCtx, messageId: string): Promise<Visible & { message: MessageRow }> {
  const message = await findMessage(ctx.db, ctx.workspaceId, messageId);
  if (!message) throw notFound('Message');
  return { ...(await requireVisible(ctx, message.conversationId, 'Message')), message };
}

export const factsOf = (row: ConversationRow) => ({ kind: row.kind, isPrivate: row.isPrivate, archived: row.archivedAt !== null });

export interface Locked {
  row: ConversationRow;
  caller: Caller;
}

/**
 * Inside a transaction that changes the conversation: the row locked and the
 * caller's membership read fresh (the cache may lag behind another node).
 */
export async function lockVisible(tx: Tx, ctx: WorkspaceCtx, conversationId: string): Promise<Locked> {
  const row = await findConversationForUpdate(tx, ctx.workspaceId, conversationId);
  if (!row) throw notFound('Conversation');
  const membership = await findMembership(tx, conversationId, ctx.actor.userId);
  const caller = callerOf(ctx, membership?.role ?? null);
  if (!canSeeConversation(factsOf(row), caller)) throw notFound('Conversation');
  return { row, caller };
}
