import type { Message } from '@aio/contracts';
import type { DbOrTx } from '../../../db/client';
import type { Ctx } from '../../../platform/context';
import * as annotations from '../repository/annotations';
import type { MessageRow } from '../repository/messages';
import { groupReactions, isFollowing, toMessage } from './mappers';
import { type AuthorInfo, chatRuntime, queryAuthors } from './runtime';

type ViewCtx = Pick<Ctx, 'db' | 'bus' | 'log' | 'metrics'>;

const DELETED_USER: AuthorInfo = { name: '(deleted user)', image: null };
const NON_MEMBER_AUTHORS: Record<Exclude<MessageRow['authorType'], 'member'>, AuthorInfo> = {
  contact: { name: 'Contact', image: null },
  agent: { name: 'AI agent', image: null },
  system: { name: 'System', image: null },
};

/** Authors missing from the cache, through the runtime's batched loader (misses of concurrent calls share a query). */
async function loadMissingAuthors(ctx: ViewCtx, userIds: string[]): Promise<Map<string, AuthorInfo>> {
  const { loadAuthor } = chatRuntime(ctx);
  const found = await Promise.all(userIds.map(async (id) => [id, await loadAuthor(id)] as const));
  return new Map(found.filter((f): f is readonly [string, AuthorInfo] => f[1] !== undefined));
}

/**
 * Names and pictures of members, from the cache; one query for all that are
 * missing. Inside a transaction pass `tx`: the cache is skipped, because
 * waiting there on a load queued outside it would deadlock PGlite's one session.
 */
export async function loadAuthors(ctx: ViewCtx, userIds: string[], tx?: DbOrTx): Promise<Map<string, AuthorInfo>> {
  if (tx) {
    const found = await queryAuthors(tx, userIds);
    return new Map(userIds.map((id) => [id, found.get(id) ?? DELETED_USER]));
  }
  return chatRuntime(ctx).authors.getMany(userIds, (missing) => loadMissingAuthors(ctx, missing), () => DELETED_USER);
}

export function authorOf(row: Pick<MessageRow, 'authorType' | 'authorId'>, authors: Map<string, AuthorInfo>): AuthorInfo {
  if (row.authorType !== 'member') return NON_MEMBER_AUTHORS[row.authorType];
  return (row.authorId && authors.get(row.authorId)) || DELETED_USER;
}

/** Messages as one user sees them: their bookmarks and thread follows, everyone's reactions and pins. */
export async function viewMessages(ctx: ViewCtx, viewerId: string, rows: MessageRow[]): Promise<Message[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const rootIds = rows.filter((r) => r.threadRootId === null && r.replyCount > 0).map((r) => r.id);
  const authorIds = rows.filter((r) => r.authorType === 'member' && r.authorId).map((r) => r.authorId!);
  const [reactionRows, pinned, bookmarked, follows, authors] = await Promise.all([
    annotations.listReactions(ctx.db, ids),
    annotations.listPinnedAmong(ctx.db, ids),
    annotations.listBookmarkedAmong(ctx.db, viewerId, ids),
    annotations.listFollowChoices(ctx.db, viewerId, rootIds),
    loadAuthors(ctx, authorIds),
  ]);
  const reactions = groupReactions(reactionRows);
  return rows.map((r) =>
    toMessage(r, {
      author: authorOf(r, authors),
      reactions: reactions.get(r.id) ?? [],
      pinned: pinned.has(r.id),
      bookmarked: bookmarked.has(r.id),
      following: isFollowing(r, viewerId, follows.get(r.id)),
    }),
  );
}

export async function viewMessage(ctx: ViewCtx, viewerId: string, row: MessageRow): Promise<Message> {
  const [message] = await viewMessages(ctx, viewerId, [row]);
  return message!;
}

/**
 * A message as everyone sees it, for events: everyone's reactions and pins,
 * nobody's bookmark or follow. Reads through `tx` only.
 */
export async function viewForEveryone(ctx: ViewCtx, tx: DbOrTx, row: MessageRow): Promise<Message> {
  // One after another: queries of one transaction must not overlap.
  const reactionRows = await annotations.listReactions(tx, [row.id]);
  const pinned = await annotations.listPinnedAmong(tx, [row.id]);
  const authors = await loadAuthors(ctx, row.authorId ? [row.authorId] : [], tx);
  return toMessage(row, {
    author: authorOf(row, authors),
    reactions: groupReactions(reactionRows).get(row.id) ?? [],
    pinned: pinned.has(row.id),
    bookmarked: false,
    following: false,
  });
}
