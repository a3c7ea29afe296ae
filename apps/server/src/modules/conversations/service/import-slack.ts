import type { SlackImportSummary } from '@aio/contracts';
import type { WorkspaceCtx } from '../../../platform/context';
import { forbidden } from '../../../platform/errors';
import { recordAudit } from '../../audit/index';
import type { BetterAuth } from '../../auth/index';
import { isWorkspaceAdmin } from '../policies';
import type { Tx } from '../../../db/client';
import type { ConversationEvents } from '../events';
import { type ConversationRow, findConversationById } from '../repository/conversations';
import { type ChatEvent, chatEvent, inChatTransaction } from './commit';
import { updatedEvent } from './conversations';
import { channelNameOf, resolveConversation, type ResolvedConversation } from './import-slack-conversation';
import { loadSlackExport, type SlackConversationPlan, type SlackExport } from './import-slack-format';
import { type HistoryCounts, importHistory } from './import-slack-history';
import type { SlackNames } from './import-slack-markup';
import type { PrepareContext } from './import-slack-messages';
import type { SlackExportSource } from './import-slack-source';
import { type ImportedUsers, importSlackUsers } from './import-slack-users';

export interface SlackImportProgress {
  /** Called once the export is read, with the number of messages it holds. */
  onStart?(totalMessages: number): void;
  /** Called as messages are processed (imported or skipped). */
  onProgress?(processed: number): void;
}

/** How messages name people, bots and channels: the same for every conversation but for broadcasts. */
function prepareContexts(exp: SlackExport, people: ImportedUsers): (plan: SlackConversationPlan) => PrepareContext {
  const channelNames = new Map(exp.conversations.map((c) => [c.channel.id, channelNameOf(c.channel.name, c.channel.id)]));
  const botName = (id: string) => exp.botNames.get(id) ?? people.bots.get(id);
  const names: SlackNames = {
    user: (id) => people.bySlackId.get(id) ?? (botName(id) ? { userId: null, name: botName(id)! } : undefined),
    channel: (id) => channelNames.get(id),
  };
  const userIdOf = (id: string) => people.bySlackId.get(id)?.userId;
  return (plan) => ({ names, userIdOf, botName, allowBroadcast: plan.kind === 'public' || plan.kind === 'private' });
}

/**
 * conversation.created for a new one, else conversation.updated (and
 * member_added when the import added people). Both carry the same snapshot
 * and audience, so the created event is built from the updated one.
 */
async function eventsFor(ctx: WorkspaceCtx, tx: Tx, resolved: ResolvedConversation, row: ConversationRow): Promise<ChatEvent[]> {
  const updated = await updatedEvent(ctx, tx, row);
  if (resolved.created) return [chatEvent('conversation.created', updated.payload as ConversationEvents['conversation.created'], { conversationId: updated.conversationId })];
  if (resolved.addedMemberIds.length === 0) return [updated];
  const added = { workspaceId: ctx.workspaceId, conversationId: row.id, userIds: resolved.addedMemberIds };
  return [updated, chatEvent('conversation.member_added', added, { conversationId: row.id })];
}

interface ConversationInput {
  source: SlackExportSource;
  plan: SlackConversationPlan;
  people: ImportedUsers;
  prepare: PrepareContext;
  progress: SlackImportProgress;
}

/** One conversation in one transaction: a failure leaves none of it behind. */
async function importConversation(ctx: WorkspaceCtx, input: ConversationInput): Promise<{ created: boolean; counts: HistoryCounts }> {
  return inChatTransaction(ctx, ctx.workspaceId, async (tx) => {
    const resolved = await resolveConversation(tx, ctx, input.plan, input.people);
    const target = { workspaceId: ctx.workspaceId, conversationId: resolved.row.id, addedMemberIds: resolved.addedMemberIds };
    const counts = await importHistory(tx, input.source, input.plan, target, input.prepare, (n) => input.progress.onProgress?.(n));
    const row = (await findConversationById(tx, resolved.row.id))!;
    return { result: { created: resolved.created, counts }, events: await eventsFor(ctx, tx, resolved, row) };
  });
}

function emptySummary(people: ImportedUsers): SlackImportSummary {
  return {
    users: { created: people.created, matched: people.matched },
    conversations: { created: 0, updated: 0, skipped: 0 },
    messages: 0,
    threads: 0,
    reactions: 0,
    skipped: {},
  };
}

function addCounts(summary: SlackImportSummary, counts: HistoryCounts): void {
  summary.messages += counts.messages;
  summary.threads += counts.threads;
  summary.reactions += counts.reactions;
  for (const [reason, n] of counts.skipped) summary.skipped[reason] = (summary.skipped[reason] ?? 0) + n;
}

/** A DM whose people are all unknown has nobody to belong to. */
const hasNobody = (plan: SlackConversationPlan, people: ImportedUsers) =>
  (plan.kind === 'direct' || plan.kind === 'group') && !plan.channel.members.some((m) => people.bySlackId.has(m));

/**
 * Imports a Slack workspace export into this workspace (owners and admins):
 * people, channels, private groups, DMs, messages with threads, mentions and
 * reactions. Safe to run again: what is already there is recognised and
 * skipped. History gets no per-message events; each conversation gets one
 * conversation.created / conversation.updated instead.
 */
export async function importSlackExport(ctx: WorkspaceCtx, auth: BetterAuth, source: SlackExportSource, progress: SlackImportProgress = {}): Promise<SlackImportSummary> {
  if (!isWorkspaceAdmin(ctx.role)) throw forbidden('Only owners and admins can import into a workspace');
  const exp = await loadSlackExport(source);
  progress.onStart?.(exp.totalMessages);
  const people = await importSlackUsers(ctx, auth, exp);
  const summary = emptySummary(people);
  const contextFor = prepareContexts(exp, people);
  for (const plan of exp.conversations) {
    if (hasNobody(plan, people)) {
      summary.conversations.skipped += 1;
      progress.onProgress?.(plan.messageCount);
      continue;
    }
    const { created, counts } = await importConversation(ctx, { source, plan, people, prepare: contextFor(plan), progress });
    summary.conversations[created ? 'created' : 'updated'] += 1;
    addCounts(summary, counts);
  }
  await recordAudit(ctx.db, ctx.actor, { workspaceId: ctx.workspaceId, action: 'workspace.imported', targetType: 'workspace', targetId: ctx.workspaceId, after: { source: 'slack', ...summary } });
  return summary;
}
