import type { ExportedConversation, ExportedMessage } from '@aio/contracts';
import type { WorkspaceCtx } from '../../../platform/context';
import { listReactions } from '../repository/annotations';
import { type ConversationRow, listMembersOf } from '../repository/conversations';
import type { MessageRow } from '../repository/messages';
import { type EditRow, listEditsOf, listRepliesOf, pageRootMessages } from './export-queries';
import { groupReactions } from './mappers';
import type { AuthorInfo } from './runtime';
import { authorOf, loadAuthors } from './views';

/**
 * Walks conversations for an export, a page of top-level messages at a time
 * with the replies of their threads, so memory stays bounded by one page
 * (plus its threads) however big the workspace is.
 */
export const EXPORT_PAGE = 500;

export type ExportedConversationHead = Omit<ExportedConversation, 'messages'>;

/** A top-level message and its thread replies, oldest first. */
export type MessageGroup = [ExportedMessage, ...ExportedMessage[]];

export type ExportStep =
  | { type: 'conversation'; conversation: ExportedConversationHead }
  | { type: 'messages'; groups: MessageGroup[] }
  | { type: 'end' };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Bots imported from Slack keep their name in author_id (system authors are not users). */
function authorNameOf(row: MessageRow, authors: Map<string, AuthorInfo>): string {
  if (row.authorType === 'system' && row.authorId) return row.authorId;
  return authorOf(row, authors).name;
}

function editsByMessage(rows: EditRow[]): Map<string, ExportedMessage['edits']> {
  const out = new Map<string, ExportedMessage['edits']>();
  for (const e of rows) {
    const list = out.get(e.messageId) ?? [];
    list.push({ body: e.previousBody, editedAt: e.editedAt.toISOString(), editedBy: e.editedBy });
    out.set(e.messageId, list);
  }
  return out;
}

async function hydrate(ctx: WorkspaceCtx, rows: MessageRow[]): Promise<Map<string, ExportedMessage>> {
  const ids = rows.map((r) => r.id);
  const [reactionRows, editRows, authors] = await Promise.all([
    listReactions(ctx.db, ids),
    listEditsOf(ctx.db, ids),
    loadAuthors(ctx, rows.filter((r) => r.authorType === 'member' && r.authorId).map((r) => r.authorId!)),
  ]);
  const reactions = groupReactions(reactionRows);
  const edits = editsByMessage(editRows);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        seq: r.seq,
        author: { type: r.authorType, id: r.authorId, name: authorNameOf(r, authors) },
        body: r.body,
        entities: r.entities,
        threadRootId: r.threadRootId,
        alsoInChannel: r.alsoInChannel,
        reactions: (reactions.get(r.id) ?? []).map(({ emoji, userIds }) => ({ emoji, userIds })),
        edits: edits.get(r.id) ?? [],
        editedAt: iso(r.editedAt),
        deletedAt: iso(r.deletedAt),
        createdAt: r.createdAt.toISOString(),
      },
    ]),
  );
}

async function groupsOf(ctx: WorkspaceCtx, roots: MessageRow[]): Promise<MessageGroup[]> {
  const replies = await listRepliesOf(ctx.db, roots.filter((r) => r.replyCount > 0).map((r) => r.id));
  const exported = await hydrate(ctx, [...roots, ...replies]);
  const repliesOf = new Map<string, ExportedMessage[]>();
  for (const reply of replies) {
    const list = repliesOf.get(reply.threadRootId!) ?? [];
    list.push(exported.get(reply.id)!);
    repliesOf.set(reply.threadRootId!, list);
  }
  return roots.map((root) => [exported.get(root.id)!, ...(repliesOf.get(root.id) ?? [])]);
}

function headOf(row: ConversationRow, memberIds: string[]): ExportedConversationHead {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    topic: row.topic,
    isPrivate: row.isPrivate,
    archivedAt: iso(row.archivedAt),
    createdAt: row.createdAt.toISOString(),
    memberIds,
  };
}

export async function* walkConversations(ctx: WorkspaceCtx, rows: ConversationRow[], onMessages: (n: number) => void): AsyncGenerator<ExportStep> {
  for (const row of rows) {
    const members = await listMembersOf(ctx.db, [row.id]);
    yield { type: 'conversation', conversation: headOf(row, members.map((m) => m.userId)) };
    for (let after = 0; ; ) {
      const roots = await pageRootMessages(ctx.db, row.id, after, EXPORT_PAGE);
      if (roots.length === 0) break;
      const groups = await groupsOf(ctx, roots);
      onMessages(groups.reduce((n, g) => n + g.length, 0));
      yield { type: 'messages', groups };
      if (roots.length < EXPORT_PAGE) break;
      after = roots.at(-1)!.seq;
    }
    yield { type: 'end' };
  }
}
