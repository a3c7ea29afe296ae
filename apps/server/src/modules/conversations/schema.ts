import type { MessageEntities } from '@aio/contracts';
import { sql, type SQL } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from '../../db/columns';
import { users } from '../auth/schema';
import { workspaces } from '../workspaces/schema';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * Where messages live. One table for all three kinds: team channels, direct
 * messages, and (later) support conversations with a contact, which add their
 * own columns (status, assignee, inbox) in their own migration.
 */
export const conversations = pgTable(
  'conversations',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'channel' | 'direct' | 'support'>().notNull(),
    name: text('name'),
    topic: text('topic').notNull().default(''),
    isPrivate: boolean('is_private').notNull().default(false),
    /** Direct messages: the sorted member ids joined, so the same group is found again. */
    directKey: text('direct_key'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    lastMessageSeq: bigint('last_message_seq', { mode: 'number' }),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('conversations_workspace_idx').on(t.workspaceId, t.kind),
    uniqueIndex('conversations_channel_name_idx').on(t.workspaceId, t.name).where(sql`kind = 'channel'`),
    uniqueIndex('conversations_direct_key_idx').on(t.workspaceId, t.directKey).where(sql`kind = 'direct'`),
  ],
);

/** Who is in a conversation, and how far they have read (read state lives here). */
export const conversationMembers = pgTable(
  'conversation_members',
  {
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<'owner' | 'member'>().notNull().default('member'),
    lastReadSeq: bigint('last_read_seq', { mode: 'number' }).notNull().default(0),
    joinedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.userId] }), index('conversation_members_user_idx').on(t.workspaceId, t.userId)],
);

export const messages = pgTable(
  'messages',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    /** The seq of the message.created event: orders messages and pages them. */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    clientId: text('client_id'),
    authorType: text('author_type').$type<'member' | 'contact' | 'agent' | 'system'>().notNull(),
    authorId: text('author_id'),
    body: text('body').notNull(),
    entities: jsonb('entities').$type<MessageEntities>().notNull().default({ mentions: [], links: [] }),
    threadRootId: text('thread_root_id'),
    alsoInChannel: boolean('also_in_channel').notNull().default(false),
    replyCount: integer('reply_count').notNull().default(0),
    lastReplyAt: timestamp('last_reply_at', { withTimezone: true }),
    threadParticipants: text('thread_participants').array().notNull().default(sql`'{}'::text[]`),
    hasLink: boolean('has_link').notNull().default(false),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    createdAt: createdAt(),
    /**
     * 'simple' keeps every language's words as they are. Ranks search hits;
     * matching goes through the trigram index on body (see search-queries.ts).
     */
    search: tsvector('search').generatedAlwaysAs((): SQL => sql`to_tsvector('simple', ${messages.body})`),
  },
  (t) => [
    uniqueIndex('messages_seq_idx').on(t.workspaceId, t.seq),
    index('messages_timeline_idx').on(t.conversationId, t.seq),
    index('messages_thread_idx').on(t.threadRootId, t.seq).where(sql`thread_root_id is not null`),
    uniqueIndex('messages_client_id_idx').on(t.conversationId, t.authorId, t.clientId).where(sql`client_id is not null`),
    index('messages_body_trgm_idx').using('gist', sql`${t.body} gist_trgm_ops(siglen=64)`),
  ],
);

export const messageEdits = pgTable(
  'message_edits',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    messageId: text('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id').notNull(),
    previousBody: text('previous_body').notNull(),
    editedBy: text('edited_by'),
    editedAt: createdAt(),
  },
  (t) => [index('message_edits_message_idx').on(t.messageId, t.id)],
);

export const messageReactions = pgTable(
  'message_reactions',
  {
    messageId: text('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id').notNull(),
    userId: text('user_id').notNull(),
    emoji: text('emoji').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.userId, t.emoji] })],
);

/** One row per person (or @channel / @here) a message mentions: mention counts read from here. */
export const messageMentions = pgTable(
  'message_mentions',
  {
    messageId: text('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    conversationId: text('conversation_id').notNull(),
    workspaceId: text('workspace_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    kind: text('kind').$type<'user' | 'channel' | 'here'>().notNull(),
    /** Null for @channel and @here, which mention every member. */
    userId: text('user_id'),
  },
  (t) => [index('message_mentions_conversation_idx').on(t.conversationId, t.seq)],
);

export const messagePins = pgTable(
  'message_pins',
  {
    conversationId: text('conversation_id').notNull(),
    messageId: text('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id').notNull(),
    pinnedBy: text('pinned_by'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.messageId] })],
);

export const messageBookmarks = pgTable(
  'message_bookmarks',
  {
    userId: text('user_id').notNull(),
    messageId: text('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.messageId] }), index('message_bookmarks_user_idx').on(t.workspaceId, t.userId)],
);

/** Explicit follow / unfollow of a thread; participants follow unless a row says otherwise. */
export const threadFollows = pgTable(
  'thread_follows',
  {
    threadRootId: text('thread_root_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    workspaceId: text('workspace_id').notNull(),
    following: boolean('following').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.threadRootId, t.userId] })],
);

/** A member's custom status in a workspace (text + emoji, optional expiry). */
export const memberStatuses = pgTable(
  'member_statuses',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    text: text('text').notNull().default(''),
    emoji: text('emoji').notNull().default(''),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] })],
);
