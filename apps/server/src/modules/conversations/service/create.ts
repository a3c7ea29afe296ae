import { randomUUID } from 'node:crypto';
import type { Conversation, CreateConversationBody } from '@aio/contracts';
import type { WorkspaceCtx } from '../../../platform/context';
import { badRequest, conflict, forbidden } from '../../../platform/errors';
import { canCreateConversation } from '../policies';
import * as repo from '../repository/conversations';
import { inChatTransaction } from './commit';
import { snapshotEvent, viewConversation } from './conversation-views';
import { requireWorkspaceMembers } from './workspace-members';

/** People in one direct conversation, the caller included (a 1:1 is 2, a note to self is 1). */
const MAX_DIRECT_MEMBERS = 9;

export interface CreatedConversation {
  conversation: Conversation;
  /** False when an existing direct conversation with the same people was found again. */
  created: boolean;
}

async function createChannel(ctx: WorkspaceCtx, input: CreateConversationBody): Promise<CreatedConversation> {
  const isPrivate = input.isPrivate ?? false;
  const me = ctx.actor.userId;
  const others = [...new Set(input.memberIds ?? [])].filter((id) => id !== me);
  await requireWorkspaceMembers(ctx, others);
  const name = input.name!;
  try {
    const row = await inChatTransaction(ctx, ctx.workspaceId, async (tx) => {
      if (await repo.findChannelByName(tx, ctx.workspaceId, name)) throw conflict(`A channel named "${name}" already exists`);
      const row = await repo.insertConversation(tx, {
        id: randomUUID(),
        workspaceId: ctx.workspaceId,
        kind: 'channel',
        name,
        topic: input.topic ?? '',
        isPrivate,
        createdBy: me,
      });
      const members = [{ userId: me, role: 'owner' as const }, ...others.map((userId) => ({ userId, role: 'member' as const }))];
      await repo.insertMembers(tx, row.id, ctx.workspaceId, members);
      return { result: row, events: [await snapshotEvent(ctx, tx, 'conversation.created', row)] };
    });
    return { conversation: await viewConversation(ctx, row, true), created: true };
  } catch (err) {
    if (repo.isUniqueViolation(err)) throw conflict(`A channel named "${name}" already exists`);
    throw err;
  }
}

async function insertDirect(ctx: WorkspaceCtx, memberIds: string[], directKey: string, topic: string): Promise<repo.ConversationRow | null> {
  return inChatTransaction(ctx, ctx.workspaceId, async (tx) => {
    if (await repo.findDirectByKey(tx, ctx.workspaceId, directKey)) return { result: null, events: [] };
    const row = await repo.insertConversation(tx, {
      id: randomUUID(),
      workspaceId: ctx.workspaceId,
      kind: 'direct',
      topic,
      directKey,
      createdBy: ctx.actor.userId,
    });
    await repo.insertMembers(tx, row.id, ctx.workspaceId, memberIds.map((userId) => ({ userId, role: 'member' as const })));
    return { result: row, events: [await snapshotEvent(ctx, tx, 'conversation.created', row)] };
  });
}

/** The same set of people always gets the same direct conversation: found again, never duplicated. */
async function openDirect(ctx: WorkspaceCtx, input: CreateConversationBody): Promise<CreatedConversation> {
  const memberIds = [...new Set([ctx.actor.userId, ...(input.memberIds ?? [])])].sort();
  if (memberIds.length > MAX_DIRECT_MEMBERS) throw badRequest(`A direct conversation has at most ${MAX_DIRECT_MEMBERS} people`);
  await requireWorkspaceMembers(ctx, memberIds);
  const directKey = memberIds.join(',');
  const existing = await repo.findDirectByKey(ctx.db, ctx.workspaceId, directKey);
  if (existing) return { conversation: await viewConversation(ctx, existing, true), created: false };
  let row: repo.ConversationRow | null = null;
  try {
    row = await insertDirect(ctx, memberIds, directKey, input.topic ?? '');
  } catch (err) {
    if (!repo.isUniqueViolation(err)) throw err;
  }
  // A concurrent request for the same people may have created it first.
  const found = row ?? (await repo.findDirectByKey(ctx.db, ctx.workspaceId, directKey));
  if (!found) throw conflict('The direct conversation could not be opened; try again');
  return { conversation: await viewConversation(ctx, found, true), created: row !== null };
}

export async function createConversation(ctx: WorkspaceCtx, input: CreateConversationBody): Promise<CreatedConversation> {
  if (!canCreateConversation(ctx.role, input.kind, input.isPrivate ?? false)) throw forbidden('Guests cannot create public channels');
  return input.kind === 'channel' ? createChannel(ctx, input) : openDirect(ctx, input);
}
