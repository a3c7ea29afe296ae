import { z } from 'zod';
import { Id, IsoDate, page } from './common';

export const AuditEntry = z.object({
  id: z.string(),
  workspaceId: Id.nullable(),
  action: z.string(),
  actor: z.object({ id: Id, name: z.string(), email: z.string() }).nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  createdAt: IsoDate,
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditPage = page(AuditEntry);
export type AuditPage = z.infer<typeof AuditPage>;

export const AuditQuery = z.object({
  cursor: z.string().regex(/^\d+$/, 'must be a cursor returned by the previous page').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  action: z.string().max(100).optional(),
});
