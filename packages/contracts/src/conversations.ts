import { z } from 'zod';
import { Id, IsoDate, safeText } from './common';

export const CONVERSATION_KINDS = ['channel', 'direct', 'support'] as const;
export const ConversationKind = z.enum(CONVERSATION_KINDS);
export type ConversationKind = z.infer<typeof ConversationKind>;

/** Slack-style channel names: lower-case letters, digits, dashes and underscores, any script. */
export const ChannelName = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[\p{Ll}\p{Lo}\p{N}_-]+$/u, 'use lower-case letters, digits, "-" and "_" (no spaces)');

export const ConversationParams = z.object({ workspaceId: Id, conversationId: Id });
export const MessageParams = z.object({ workspaceId: Id, messageId: Id });

export const ReadState = z.object({
  /** Seq of the last message read; 0 when nothing was read. */
  lastReadSeq: z.number().int(),
  unreadCount: z.number().int(),
  mentionCount: z.number().int(),
});
export type ReadState = z.infer<typeof ReadState>;

export const ConversationMemberSummary = z.object({ userId: Id, name: z.string(), image: z.string().nullable() });

export const Conversation = z.object({
  id: Id,
  workspaceId: Id,
  kind: ConversationKind,
  /** Channel name; null for direct messages (show the members instead). */
  name: z.string().nullable(),
  topic: z.string(),
  isPrivate: z.boolean(),
  archivedAt: IsoDate.nullable(),
  createdBy: Id.nullable(),
  createdAt: IsoDate,
  lastMessageSeq: z.number().int().nullable(),
  lastMessageAt: IsoDate.nullable(),
  memberCount: z.number().int(),
  /** Whether the caller is a member (public channels can be seen without joining). */
  isMember: z.boolean(),
  /** Direct messages: who is in it (up to 9 people). */
  members: z.array(ConversationMemberSummary).optional(),
  readState: ReadState.nullable(),
});
export type Conversation = z.infer<typeof Conversation>;

export const CreateConversationBody = z
  .object({
    kind: z.enum(['channel', 'direct']),
    name: ChannelName.optional(),
    topic: safeText({ max: 250 }).optional(),
    isPrivate: z.boolean().optional(),
    /** Channel: members to add besides the creator. Direct: the other people (1 to 8). */
    memberIds: z.array(Id).max(500).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.kind === 'channel' && !b.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'a channel needs a name' });
    if (b.kind === 'direct') {
      if (!b.memberIds?.length || b.memberIds.length > 8) {
        ctx.addIssue({ code: 'custom', path: ['memberIds'], message: 'a direct conversation needs 1 to 8 other members' });
      }
      if (b.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'direct conversations have no name' });
    }
  });
export type CreateConversationBody = z.infer<typeof CreateConversationBody>;

export const UpdateConversationBody = z
  .object({ name: ChannelName.optional(), topic: safeText({ max: 250 }).optional() })
  .refine((b) => b.name !== undefined || b.topic !== undefined, 'nothing to change');

export const AddMembersBody = z.object({ userIds: z.array(Id).min(1).max(500) });
export const ConversationMember = ConversationMemberSummary.extend({ role: z.enum(['owner', 'member']), joinedAt: IsoDate });
export type ConversationMember = z.infer<typeof ConversationMember>;
export const ConversationListQuery = z.object({
  /** `joined` (default): mine; `browse`: public channels I could join. */
  filter: z.enum(['joined', 'browse']).default('joined'),
  // stringbool, not coerce.boolean: the query string "false" must mean false.
  includeArchived: z.stringbool().default(false),
});

export const MENTION_KINDS = ['user', 'channel', 'here'] as const;
export const MessageEntities = z.object({
  mentions: z.array(
    z.object({
      kind: z.enum(MENTION_KINDS),
      /** Set for kind=user. */
      userId: Id.optional(),
      /** UTF-16 offset and length of the mention text in the body. */
      offset: z.number().int(),
      length: z.number().int(),
    }),
  ),
  links: z.array(z.object({ url: z.string(), offset: z.number().int(), length: z.number().int() })),
});
export type MessageEntities = z.infer<typeof MessageEntities>;

export const AUTHOR_TYPES = ['member', 'contact', 'agent', 'system'] as const;
export const MessageAuthor = z.object({
  type: z.enum(AUTHOR_TYPES),
  id: Id.nullable(),
  name: z.string(),
  image: z.string().nullable(),
});

export const Reaction = z.object({ emoji: z.string(), count: z.number().int(), userIds: z.array(Id) });
export type Reaction = z.infer<typeof Reaction>;

export const ThreadSummary = z.object({
  replyCount: z.number().int(),
  lastReplyAt: IsoDate.nullable(),
  participantIds: z.array(Id),
  /** Whether the caller follows the thread (participants follow unless they opt out). */
  following: z.boolean(),
});

export const Message = z.object({
  id: Id,
  workspaceId: Id,
  conversationId: Id,
  /** Position in the workspace's event sequence: orders messages, and is the pagination cursor. */
  seq: z.number().int(),
  clientId: z.string().nullable(),
  author: MessageAuthor,
  /** Markdown source; empty for a deleted message. Render through a sanitiser. */
  body: z.string(),
  entities: MessageEntities,
  threadRootId: Id.nullable(),
  /** A thread reply also shown in the channel. */
  alsoInChannel: z.boolean(),
  thread: ThreadSummary.nullable(),
  reactions: z.array(Reaction),
  pinned: z.boolean(),
  bookmarked: z.boolean(),
  editedAt: IsoDate.nullable(),
  deletedAt: IsoDate.nullable(),
  createdAt: IsoDate,
});
export type Message = z.infer<typeof Message>;

export const MessageBody = safeText({ max: 40_000, min: 1 });

export const SendMessageBody = z.object({
  /** Chosen by the client; sending the same id again returns the first message instead of a second one. */
  clientId: z.string().min(1).max(64).regex(/^[\w.:-]+$/, 'letters, digits, "_", ".", ":" and "-" only'),
  body: MessageBody,
  threadRootId: Id.optional(),
  /** With threadRootId: show the reply in the channel too. */
  alsoSendToChannel: z.boolean().optional(),
});
export type SendMessageBody = z.infer<typeof SendMessageBody>;

export const EditMessageBody = z.object({ body: MessageBody });

export const MessagesQuery = z
  .object({
    before: z.coerce.number().int().min(0).optional(),
    after: z.coerce.number().int().min(0).optional(),
    around: z.coerce.number().int().min(0).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => [q.before, q.after, q.around].filter((v) => v !== undefined).length <= 1, 'use one of before, after, around');
export type MessagesQuery = z.infer<typeof MessagesQuery>;

export const MessagesPage = z.object({
  /** Oldest first. */
  items: z.array(Message),
  hasMoreBefore: z.boolean(),
  hasMoreAfter: z.boolean(),
});
export type MessagesPage = z.infer<typeof MessagesPage>;

/** A thread: its root and a page of replies (oldest first). */
export const ThreadPage = MessagesPage.extend({ root: Message });
export type ThreadPage = z.infer<typeof ThreadPage>;

export const MessageEdit = z.object({ body: z.string(), editedAt: IsoDate, editedBy: Id.nullable() });

export const ReactionBody = z.object({
  emoji: z
    .string()
    .min(1)
    .max(64)
    .refine((s) => /^:[a-z0-9_+-]{1,60}:$/.test(s) || /^\p{Extended_Pictographic}/u.test(s), 'an emoji, or a :short_name:'),
});

export const MarkReadBody = z.object({
  /** Read up to this seq; default: the newest message. */
  seq: z.number().int().min(0).optional(),
});

/** Marks the conversation unread from this message on: last read becomes seq - 1. */
export const MarkUnreadBody = z.object({ seq: z.number().int().min(1) });

export const ReadStateTotals = z.object({
  unreadCount: z.number().int(),
  mentionCount: z.number().int(),
  conversations: z.array(ReadState.extend({ conversationId: Id })),
});

export const StatusBody = z.object({
  text: safeText({ max: 100 }),
  emoji: z.string().max(64).default(''),
  /** When the status clears itself; null keeps it. */
  expiresAt: IsoDate.nullable().default(null),
});
export const MemberStatus = z.object({ userId: Id, text: z.string(), emoji: z.string(), expiresAt: IsoDate.nullable() });
export type MemberStatus = z.infer<typeof MemberStatus>;
export const PRESENCE_STATES = ['online', 'away', 'offline'] as const;
export const Presence = z.object({
  userId: Id,
  presence: z.enum(PRESENCE_STATES),
  statusText: z.string(),
  statusEmoji: z.string(),
  statusExpiresAt: IsoDate.nullable(),
});
export type Presence = z.infer<typeof Presence>;

export const SearchQuery = z.object({
  q: safeText({ max: 500, min: 1 }),
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const SearchHit = z.object({
  message: Message,
  conversation: z.object({ id: Id, kind: ConversationKind, name: z.string().nullable() }),
  /** The snippet, in parts; `highlight` parts matched the query. Render as text, never as HTML. */
  snippet: z.array(z.object({ text: z.string(), highlight: z.boolean() })),
  rank: z.number(),
});
export const SearchResults = z.object({ items: z.array(SearchHit), nextCursor: z.string().nullable(), total: z.number().int() });
export type SearchResults = z.infer<typeof SearchResults>;

export const EXPORT_FORMATS = ['json', 'html'] as const;
export const ExportQuery = z.object({ format: z.enum(EXPORT_FORMATS).default('json') });
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * The JSON export, version 1: the whole document, as written by
 * `GET …/export?format=json` and `aio export`. Conversations hold their
 * messages oldest first; a thread reply names its root in `threadRootId`.
 * Deleted messages keep their place with an empty body and no edits.
 * New fields may be added within a version; removing or changing one bumps it.
 */
export const ExportedMessage = z.object({
  id: Id,
  seq: z.number().int(),
  author: z.object({ type: z.enum(AUTHOR_TYPES), id: z.string().nullable(), name: z.string() }),
  body: z.string(),
  entities: MessageEntities,
  threadRootId: Id.nullable(),
  alsoInChannel: z.boolean(),
  reactions: z.array(z.object({ emoji: z.string(), userIds: z.array(Id) })),
  /** Earlier versions, oldest first. */
  edits: z.array(z.object({ body: z.string(), editedAt: IsoDate, editedBy: z.string().nullable() })),
  editedAt: IsoDate.nullable(),
  deletedAt: IsoDate.nullable(),
  createdAt: IsoDate,
});
export type ExportedMessage = z.infer<typeof ExportedMessage>;
export const ExportedConversation = z.object({
  id: Id,
  kind: ConversationKind,
  name: z.string().nullable(),
  topic: z.string(),
  isPrivate: z.boolean(),
  archivedAt: IsoDate.nullable(),
  createdAt: IsoDate,
  memberIds: z.array(Id),
  messages: z.array(ExportedMessage),
});
export type ExportedConversation = z.infer<typeof ExportedConversation>;
export const ExportedPerson = z.object({ id: Id, name: z.string(), email: z.string() });
export const ChatExport = z.object({
  format: z.literal('aio-chat-export'),
  version: z.literal(1),
  exportedAt: IsoDate,
  scope: z.enum(['workspace', 'conversation']),
  workspace: z.object({ id: Id, name: z.string() }),
  /** Everyone the conversations mention as member or author. */
  members: z.array(ExportedPerson),
  conversations: z.array(ExportedConversation),
});
export type ChatExport = z.infer<typeof ChatExport>;

/** What `aio import slack` did. Skipped messages are counted by reason. */
export const SlackImportSummary = z.object({
  users: z.object({ created: z.number().int(), matched: z.number().int() }),
  conversations: z.object({ created: z.number().int(), updated: z.number().int(), skipped: z.number().int() }),
  messages: z.number().int(),
  threads: z.number().int(),
  reactions: z.number().int(),
  skipped: z.record(z.string(), z.number().int()),
});
export type SlackImportSummary = z.infer<typeof SlackImportSummary>;

