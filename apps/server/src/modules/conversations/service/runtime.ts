import type { Db, DbOrTx } from '../../../db/client';
import type { Deps } from '../../../platform/context';
import type { MentionDirectory } from '../entities';
import { findConversationById, listMembersOf } from '../repository/conversations';
import type { ConversationRow, MemberRole } from '../repository/conversations';
import { MessageWriter } from './message-writer';
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

/** Per app (per database): the caches of the send path and the message writer. */
export interface ChatRuntime {
  access: TtlCache<string, ConversationAccess | null>;
  authors: TtlCache<string, AuthorInfo>;
  directories: TtlCache<string, MentionDirectory>;
  writer: MessageWriter;
}

// Membership and archive changes also invalidate through the bus, from every node;
// the TTL only bounds how long a missed invalidation (Redis hiccup) can last.
const ACCESS_TTL_MS = 10_000;
// Renames are rare and a stale author name for a minute is harmless.
const AUTHOR_TTL_MS = 60_000;
const DIRECTORY_TTL_MS = 30_000;

const runtimes = new WeakMap<Db, ChatRuntime>();

export async function loadAccess(db: DbOrTx, conversationId: string): Promise<ConversationAccess | null> {
  const row = await findConversationById(db, conversationId);
  if (!row) return null;
  const members = await listMembersOf(db, [row.id]);
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    kind: row.kind,
    isPrivate: row.isPrivate,
    archived: row.archivedAt !== null,
    members: new Map(members.map((m) => [m.userId, m.role])),
  };
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

export function chatRuntime(deps: Pick<Deps, 'db' | 'bus' | 'log'>): ChatRuntime {
  let runtime = runtimes.get(deps.db);
  if (!runtime) {
    runtime = {
      access: new TtlCache(ACCESS_TTL_MS),
      authors: new TtlCache(AUTHOR_TTL_MS),
      directories: new TtlCache(DIRECTORY_TTL_MS, 1000),
      writer: new MessageWriter(deps),
    };
    runtimes.set(deps.db, runtime);
    subscribeInvalidations(deps, runtime);
  }
  return runtime;
}
