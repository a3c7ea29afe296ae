import { bigint, index, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt } from '../../db/columns';
import { workspaces } from '../../modules/workspaces/schema';

/**
 * Durable events, numbered per workspace. Written in the same transaction as
 * the change they describe, so a client that reconnects with its last seq can
 * be sent exactly what it missed, from the database rather than memory.
 *
 * Audience: `conversationId` set → that conversation's members; `userId` set →
 * that user only; neither → every member of the workspace.
 */
export const workspaceEvents = pgTable(
  'workspace_events',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    name: text('name').notNull(),
    conversationId: text('conversation_id'),
    userId: text('user_id'),
    payload: jsonb('payload').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.seq] }), index('workspace_events_created_idx').on(t.createdAt)],
);

/**
 * The last seq handed out per workspace. Taking seqs locks the row until the
 * transaction commits, so seqs become visible in order: a reader that has
 * seen seq n has seen every seq below it.
 */
export const workspaceSequences = pgTable('workspace_sequences', {
  workspaceId: text('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
});
