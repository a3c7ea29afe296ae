import { bigserial, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, encryptedText } from '../../db/columns';
import { workspaces } from '../workspaces/schema';

/**
 * Append-only. workspace_id is null for a user's own security actions (2FA,
 * API keys), which belong to no workspace. The id orders entries and is the
 * page cursor.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: text('workspace_id').references(() => workspaces.id, { onDelete: 'cascade' }),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    /** An IP address is personal data: sealed at rest. */
    ip: encryptedText('ip'),
    before: jsonb('before'),
    after: jsonb('after'),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_workspace_idx').on(t.workspaceId, t.id), index('audit_log_actor_idx').on(t.actorId, t.id)],
);
