import { randomUUID } from 'node:crypto';
import type { Tx } from '../../../db/client';
import type { WorkspaceCtx } from '../../../platform/context';
import {
  type ConversationRow,
  findChannelByName,
  findDirectByKey,
  insertConversation,
  insertMembers,
  type MemberRole,
} from '../repository/conversations';
import type { SlackConversationPlan } from './import-slack-format';
import { unescapeSlack } from './import-slack-markup';
import { tsToDate } from './import-slack-messages';
import type { ImportedUsers } from './import-slack-users';

/** The most people a direct conversation holds (the caller and 8 others); bigger Slack group DMs become private channels. */
const MAX_DIRECT_MEMBERS = 9;
const TOPIC_MAX = 250;
const NAME_MAX = 80;

export interface ResolvedConversation {
  row: ConversationRow;
  created: boolean;
  /** Members the import added (they start with the history read). */
  addedMemberIds: string[];
  memberIds: string[];
}

/** Slack channel names are already lower-case words; older ones may not be, and ours must be. */
export function channelNameOf(name: string | null | undefined, slackId: string): string {
  const cleaned = (name ?? '')
    .toLowerCase()
    .replace(/[^\p{Ll}\p{Lo}\p{N}_-]+/gu, '-')
    .slice(0, NAME_MAX);
  return cleaned.replace(/^-+|-+$/g, '') || `slack-${slackId.toLowerCase()}`;
}

/** The member set of a direct conversation, as create.ts stores it: sorted ids, comma-joined. */
export function directKeyOf(memberIds: string[]): string {
  return [...new Set(memberIds)].sort().join(',');
}

function membersOf(plan: SlackConversationPlan, people: ImportedUsers): string[] {
  const ids = plan.channel.members.map((m) => people.bySlackId.get(m)?.userId).filter((id): id is string => !!id);
  return [...new Set(ids)];
}

function isDirect(plan: SlackConversationPlan, memberIds: string[]): boolean {
  return plan.kind === 'direct' || (plan.kind === 'group' && memberIds.length <= MAX_DIRECT_MEMBERS);
}

function topicOf(plan: SlackConversationPlan): string {
  const text = plan.channel.topic?.value || plan.channel.purpose?.value || '';
  return unescapeSlack(text).replace(/\u0000/g, '').toWellFormed().slice(0, TOPIC_MAX).toWellFormed();
}

async function findExisting(tx: Tx, ctx: WorkspaceCtx, direct: boolean, key: string): Promise<ConversationRow | undefined> {
  return direct ? findDirectByKey(tx, ctx.workspaceId, key) : findChannelByName(tx, ctx.workspaceId, key);
}

/**
 * The conversation a Slack channel, private group or DM goes into: found by
 * channel name or DM member set (so a re-import lands in the same place),
 * created otherwise. Members are added either way.
 */
export async function resolveConversation(tx: Tx, ctx: WorkspaceCtx, plan: SlackConversationPlan, people: ImportedUsers): Promise<ResolvedConversation> {
  const memberIds = membersOf(plan, people);
  const direct = isDirect(plan, memberIds);
  const key = direct ? directKeyOf(memberIds) : channelNameOf(plan.channel.name, plan.channel.id);
  let row = await findExisting(tx, ctx, direct, key);
  const created = !row;
  if (!row) {
    const creator = plan.channel.creator ? people.bySlackId.get(plan.channel.creator)?.userId : undefined;
    row = await insertConversation(tx, {
      id: randomUUID(),
      workspaceId: ctx.workspaceId,
      kind: direct ? 'direct' : 'channel',
      name: direct ? null : key,
      topic: direct ? '' : topicOf(plan),
      isPrivate: !direct && plan.kind !== 'public',
      directKey: direct ? key : null,
      createdBy: creator ?? ctx.actor.userId,
      archivedAt: plan.channel.is_archived ? new Date() : null,
      createdAt: plan.channel.created ? tsToDate(plan.channel.created) : new Date(),
    });
  }
  const ownerId = row.createdBy;
  const roles = memberIds.map((userId) => ({ userId, role: (userId === ownerId && !direct ? 'owner' : 'member') as MemberRole }));
  const addedMemberIds = await insertMembers(tx, row.id, ctx.workspaceId, roles);
  return { row, created, addedMemberIds, memberIds };
}
