import type { ExportFormat } from '@aio/contracts';
import type { WorkspaceCtx } from '../../../platform/context';
import { forbidden, notFound } from '../../../platform/errors';
import { recordAudit } from '../../audit/index';
import { findUserSummaries } from '../../auth/index';
import { listMembers, listMyWorkspaces } from '../../workspaces/index';
import { isWorkspaceAdmin } from '../policies';
import { listMembersOf } from '../repository/conversations';
import { requireVisible } from './access';
import { htmlChunks } from './export-html';
import { type ExportHead, jsonChunks } from './export-json';
import { countExportMessages, listExportConversations } from './export-queries';
import { walkConversations } from './export-walk';

/** A download: its name and type, and the document as it is produced. */
export interface ExportDocument {
  filename: string;
  contentType: string;
  /** Messages the document will hold, for a progress bar. */
  totalMessages: number;
  chunks: AsyncIterable<string>;
}

export interface ExportOptions {
  format: ExportFormat;
  /** Messages written so far (for the CLI's progress bar). */
  onMessages?: (count: number) => void;
}

const CONTENT_TYPES: Record<ExportFormat, string> = { json: 'application/json; charset=utf-8', html: 'text/html; charset=utf-8' };

/** `aio-chat-acme-support-2024-01-31.json`: ASCII only, so every browser and shell keeps it as is. */
export function exportFilename(label: string, format: ExportFormat, at = new Date()): string {
  const slug = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `aio-chat-${slug || 'export'}-${at.toISOString().slice(0, 10)}.${format}`;
}

async function workspaceName(ctx: WorkspaceCtx): Promise<string> {
  const mine = await listMyWorkspaces(ctx);
  const workspace = mine.find((w) => w.id === ctx.workspaceId);
  if (!workspace) throw notFound('Workspace');
  return workspace.name;
}

function headOf(ctx: WorkspaceCtx, scope: ExportHead['scope'], name: string, members: ExportHead['members']): ExportHead {
  return { format: 'aio-chat-export', version: 1, exportedAt: new Date().toISOString(), scope, workspace: { id: ctx.workspaceId, name }, members };
}

function documentOf(ctx: WorkspaceCtx, head: ExportHead, rows: Awaited<ReturnType<typeof listExportConversations>>, opts: ExportOptions, label: string, total: number): ExportDocument {
  const steps = walkConversations(ctx, rows, opts.onMessages ?? (() => undefined));
  return {
    filename: exportFilename(label, opts.format),
    contentType: CONTENT_TYPES[opts.format],
    totalMessages: total,
    chunks: opts.format === 'json' ? jsonChunks(head, steps) : htmlChunks(head, steps),
  };
}

/** One conversation, for anyone who can read it. Its members are listed with name and e-mail. */
export async function exportConversation(ctx: WorkspaceCtx, conversationId: string, opts: ExportOptions): Promise<ExportDocument> {
  await requireVisible(ctx, conversationId);
  const rows = await listExportConversations(ctx.db, ctx.workspaceId, conversationId);
  if (rows.length === 0) throw notFound('Conversation');
  const memberIds = (await listMembersOf(ctx.db, [conversationId])).map((m) => m.userId);
  const people = await findUserSummaries(ctx, memberIds);
  const members = [...people.values()].map((p) => ({ id: p.id, name: p.name, email: p.email }));
  const head = headOf(ctx, 'conversation', await workspaceName(ctx), members);
  const label = rows[0]!.name ?? 'direct-message';
  return documentOf(ctx, head, rows, opts, label, await countExportMessages(ctx.db, ctx.workspaceId, conversationId));
}

/** Every conversation of the workspace, private ones and direct messages included: owners and admins only, audited. */
export async function exportWorkspace(ctx: WorkspaceCtx, opts: ExportOptions): Promise<ExportDocument> {
  if (!isWorkspaceAdmin(ctx.role)) throw forbidden('Only owners and admins can export the workspace');
  const [name, members, rows, total] = await Promise.all([
    workspaceName(ctx),
    listMembers(ctx),
    listExportConversations(ctx.db, ctx.workspaceId),
    countExportMessages(ctx.db, ctx.workspaceId),
  ]);
  await recordAudit(ctx.db, ctx.actor, {
    workspaceId: ctx.workspaceId,
    action: 'workspace.exported',
    targetType: 'workspace',
    targetId: ctx.workspaceId,
    after: { format: opts.format, conversations: rows.length, messages: total },
  });
  const head = headOf(ctx, 'workspace', name, members.map((m) => ({ id: m.userId, name: m.name, email: m.email })));
  return documentOf(ctx, head, rows, opts, name, total);
}
