import type { Conversation, ConversationMember, ReadState } from '@aio/contracts';
import type { DbOrTx } from '../../../db/client';
import type { WorkspaceCtx } from '../../../platform/context';
import { type ConversationMemberRow, type ConversationRow, countMembersOf, listMembersOf } from '../repository/conversations';
import { readStatesOf } from '../repository/read-state';
import { type ChatEvent, chatEvent } from './commit';
import { type MemberSummary, toConversation, toSnapshot } from './mappers';
import { chatRuntime } from './runtime';
import { loadAuthors } from './views';

export const EMPTY_READ_STATE: ReadState = { lastReadSeq: 0, unreadCount: 0, mentionCount: 0 };

export async function memberSummaries(ctx: WorkspaceCtx, rows: ConversationMemberRow[], tx?: DbOrTx): Promise<MemberSummary[]> {
  const authors = await loadAuthors(ctx, rows.map((r) => r.userId), tx);
  return rows.map((r) => ({ userId: r.userId, name: authors.get(r.userId)!.name, image: authors.get(r.userId)!.image }));
}

export async function toConversationMembers(ctx: WorkspaceCtx, rows: ConversationMemberRow[]): Promise<ConversationMember[]> {
  const summaries = await memberSummaries(ctx, rows);
  return summaries.map((s, i) => ({ ...s, role: rows[i]!.role, joinedAt: rows[i]!.joinedAt.toISOString() }));
}

/** Conversations as the caller sees them: member counts, direct-message members, their own read state. */
export async function viewConversations(ctx: WorkspaceCtx, rows: ConversationRow[], joined: Set<string>): Promise<Conversation[]> {
  const ids = rows.map((r) => r.id);
  const directIds = rows.filter((r) => r.kind === 'direct').map((r) => r.id);
  const [counts, directMembers, states] = await Promise.all([
    countMembersOf(ctx.db, ids),
    listMembersOf(ctx.db, directIds),
    readStatesOf(ctx.db, ctx.workspaceId, ctx.actor.userId, { conversationIds: ids.filter((id) => joined.has(id)), includeArchived: true }),
  ]);
  const summaries = await memberSummaries(ctx, directMembers);
  const membersOf = new Map<string, MemberSummary[]>();
  directMembers.forEach((m, i) => membersOf.set(m.conversationId, [...(membersOf.get(m.conversationId) ?? []), summaries[i]!]));
  const stateOf = new Map(states.map(({ conversationId, ...state }) => [conversationId, state]));
  return rows.map((row) =>
    toConversation(row, {
      memberCount: counts.get(row.id) ?? 0,
      members: row.kind === 'direct' ? (membersOf.get(row.id) ?? []) : undefined,
      isMember: joined.has(row.id),
      readState: joined.has(row.id) ? (stateOf.get(row.id) ?? EMPTY_READ_STATE) : null,
    }),
  );
}

export async function viewConversation(ctx: WorkspaceCtx, row: ConversationRow, isMember: boolean): Promise<Conversation> {
  const [view] = await viewConversations(ctx, [row], new Set(isMember ? [row.id] : []));
  return view!;
}

/**
 * `conversation.created` / `conversation.updated` with a snapshot: public
 * channels are announced to the whole workspace, private and direct ones to
 * their members only (listed in the snapshot). Reads through `tx` only.
 */
export async function snapshotEvent(
  ctx: WorkspaceCtx,
  tx: DbOrTx,
  name: 'conversation.created' | 'conversation.updated',
  row: ConversationRow,
): Promise<ChatEvent> {
  const members = await listMembersOf(tx, [row.id]);
  const summaries = row.kind === 'direct' ? await memberSummaries(ctx, members, tx) : undefined;
  const conversation = toSnapshot(row, members.map((m) => m.userId), summaries);
  const audience = row.kind === 'channel' && !row.isPrivate ? {} : { conversationId: row.id };
  return chatEvent(name, { workspaceId: row.workspaceId, conversation }, audience);
}

/** After a committed change: this node stops trusting its cached view at once (other nodes hear it over the bus). */
export function forgetConversation(ctx: WorkspaceCtx, conversationId: string): void {
  chatRuntime(ctx).access.delete(conversationId);
}
