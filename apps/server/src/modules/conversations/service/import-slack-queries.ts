import { and, eq, inArray, like, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { conversationMembers, messageReactions, messages } from '../schema';

/**
 * The importer's own queries: bulk writes the interactive send path has no
 * use for. Imported messages carry client id "slack:<ts>", which is how a
 * second import recognises what is already there.
 */
export const SLACK_CLIENT_PREFIX = 'slack:';
/** Keeps `in (…)` lists well under the drivers' parameter limits. */
const CHUNK = 1000;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Slack ts → message id of everything imported into the conversation before. */
export async function listImportedTs(db: DbOrTx, conversationId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: messages.id, clientId: messages.clientId })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), like(messages.clientId, `${SLACK_CLIENT_PREFIX}%`)));
  return new Map(rows.map((r) => [r.clientId!.slice(SLACK_CLIENT_PREFIX.length), r.id]));
}

export type NewReaction = typeof messageReactions.$inferInsert;

export async function insertReactions(tx: DbOrTx, rows: NewReaction[]): Promise<number> {
  let inserted = 0;
  for (const part of chunks(rows)) {
    const done = await tx.insert(messageReactions).values(part).onConflictDoNothing().returning({ emoji: messageReactions.emoji });
    inserted += done.length;
  }
  return inserted;
}

/**
 * Recounts the threads of these roots from their replies: idempotent, so a
 * re-import that adds replies to an old thread leaves correct totals.
 * Participants are members, in the order they first replied.
 */
export async function refreshThreadStats(tx: DbOrTx, rootIds: string[]): Promise<void> {
  for (const part of chunks(rootIds)) {
    const ids = sql.join(part.map((id) => sql`${id}`), sql`, `);
    await tx.execute(sql`
      update messages r set reply_count = s.n, last_reply_at = s.last_at, thread_participants = s.participants
      from (
        select m.thread_root_id, count(*)::int as n, max(m.created_at) as last_at,
          array(select p.author_id from messages p
                where p.thread_root_id = m.thread_root_id and p.author_type = 'member' and p.author_id is not null
                group by p.author_id order by min(p.seq)) as participants
        from messages m where m.thread_root_id in (${ids}) group by m.thread_root_id
      ) s
      where r.id = s.thread_root_id`);
  }
}

/** Imported history is old news: members added by the import start with it read. */
export async function markReadUpTo(tx: DbOrTx, conversationId: string, userIds: string[], seq: number): Promise<void> {
  for (const part of chunks(userIds)) {
    await tx
      .update(conversationMembers)
      .set({ lastReadSeq: sql`greatest(${conversationMembers.lastReadSeq}, ${seq})` })
      .where(and(eq(conversationMembers.conversationId, conversationId), inArray(conversationMembers.userId, part)));
  }
}
