import type { Db, DbOrTx } from '../../../db/client';
import type { Deps } from '../../../platform/context';
import type { MentionDirectory } from '../entities';
import { findUserSummaries } from '../../auth/index';
import { findConversationsByIds, listMembersOf } from '../repository/conversations';
import type { ConversationRow, MemberRole } from '../repository/conversations';
import { MessageWriter } from './message-writer';
import { createBatchLoader } from '../../../platform/batch-loader';
import { TtlCache } from '../../../platform/ttl-cache';

/** What a policy check needs to know about a conversation, cached for the send path. */
export interface ConversationAccess {
  id: string;
  workspaceId: string;
  kind: ConversationRow['kind'];
  isPrivate: boolean;
  archived: boolean;
  members: Map<string, MemberRole>;
}

export interface AuthorInfo {
  name: string;
  image: string | null;
}

/** Per app (per database): the caches of the send path, their batched loaders and the message writer. */
export interface ChatRuntime {
  access: TtlCache<string, ConversationAccess | null>;
  authors: TtlCache<string, AuthorInfo>;
  directories: TtlCache<string, MentionDirectory>;
  loadAccess: (conversationId: string) => Promise<ConversationAccess | null>;
  /** undefined: no such user (any more). */
  loadAuthor: (userId: string) => Promise<AuthorInfo | undefined>;
  writer: MessageWriter;
}

// Membership and archive changes also invalidate through the bus, from every node;
// the TTL only bounds how long a missed invalidation (Redis hiccup) can last.
const ACCESS_TTL_MS = 10_000;
// Renames are rare and a stale author name for a minute is harmless.
const AUTHOR_TTL_MS = 60_000;
// Joins and removals clear it through the bus; the TTL covers renames, and
// rebuilding it reads every member of the workspace.
const DIRECTORY_TTL_MS = 5 * 60_000;

const runtimes = new WeakMap<Db, ChatRuntime>();

async function loadAccessMany(db: DbOrTx, conversationIds: readonly string[]): Promise<Map<string, ConversationAccess>> {
  const rows = await findConversationsByIds(db, conversationIds);
  const members = await listMembersOf(db, rows.map((r) => r.id));
  const access = new Map<string, ConversationAccess>(
    rows.map((row) => [
      row.id,
      { id: row.id, workspaceId: row.workspaceId, kind: row.kind, isPrivate: row.isPrivate, archived: row.archivedAt !== null, members: new Map() },
    ]),
  );
  for (const m of members) access.get(m.conversationId)?.members.set(m.userId, m.role);
  return access;
}

/** Names and pictures of the users that exist among `userIds`. */
export async function queryAuthors(db: DbOrTx, userIds: readonly string[]): Promise<Map<string, AuthorInfo>> {
  const users = await findUserSummaries({ db: db as Db }, [...userIds]);
  return new Map([...users].map(([id, u]) => [id, { name: u.name, image: u.image ?? null }]));
}

/** What a policy check needs about a conversation (null: it does not exist), from the cache. */
export function findAccess(deps: Pick<Deps, 'db' | 'bus' | 'log' | 'metrics'>, conversationId: string): Promise<ConversationAccess | null> {
  const runtime = chatRuntime(deps);
  return runtime.access.get(conversationId, () => runtime.loadAccess(conversationId));
}

function subscribeInvalidations(deps: Pick<Deps, 'bus'>, runtime: ChatRuntime): void {
  const { bus } = deps;
  const forget = (conversationId: string) => runtime.access.delete(conversationId);
  bus.on('conversation.member_added', (e) => forget(e.conversationId));
  bus.on('conversation.member_removed', (e) => forget(e.conversationId));
  bus.on('conversation.updated', (e) => forget(e.conversation.id));
  const forgetDirectory = (e: { workspaceId: string }) => runtime.directories.delete(e.workspaceId);
  bus.on('member.joined', forgetDirectory);
  bus.on('member.removed', forgetDirectory);
}

export function chatRuntime(deps: Pick<Deps, 'db' | 'bus' | 'log' | 'metrics'>): ChatRuntime {
  let runtime = runtimes.get(deps.db);
  if (!runtime) {
    runtime = {
      access: new TtlCache(ACCESS_TTL_MS, { staleWhileRevalidate: true }),
      authors: new TtlCache(AUTHOR_TTL_MS, { staleWhileRevalidate: true }),
      directories: new TtlCache(DIRECTORY_TTL_MS, { maxEntries: 1000, staleWhileRevalidate: true }),
      loadAccess: createBatchLoader((ids) => loadAccessMany(deps.db, ids), () => null),
      loadAuthor: createBatchLoader<string, AuthorInfo | undefined>((ids) => queryAuthors(deps.db, ids), () => undefined),
      writer: new MessageWriter(deps),
    };
    runtimes.set(deps.db, runtime);
    subscribeInvalidations(deps, runtime);
  }
  return runtime;
}
