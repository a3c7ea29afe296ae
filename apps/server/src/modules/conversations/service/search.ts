import type { Member, SearchResults } from '@aio/contracts';
import { z } from 'zod';
import type { WorkspaceCtx } from '../../../platform/context';
import { badRequest } from '../../../platform/errors';
import { listMembers } from '../../workspaces/index';
import { canBrowseChannels } from '../policies';
import { findChannelByName, findDirectByKey } from '../repository/conversations';
import { findMessagesByIds } from '../repository/messages';
import { directKeyOf } from './import-slack-conversation';
import { countMatches, type SearchCriteria, type SearchPosition, searchPage } from './search-queries';
import { type ParsedSearch, parseSearchQuery, type SearchPlace, textTerms } from './search-query';
import { buildSnippet } from './search-snippet';
import { viewMessages } from './views';

/** `total` counts this far and no further. */
export const SEARCH_TOTAL_CAP = 1000;

const Position = z.tuple([z.string().regex(/^\d+(\.\d+)?$/), z.string().regex(/^-?\d+$/), z.number().int()]);

export function encodeCursor(p: SearchPosition): string {
  return Buffer.from(JSON.stringify([p.rank, p.createdUs, p.seq])).toString('base64url');
}

export function decodeCursor(cursor: string): SearchPosition {
  try {
    const [rank, createdUs, seq] = Position.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { rank, createdUs, seq };
  } catch {
    throw badRequest('cursor: not a cursor from a previous page of these results');
  }
}

/** Members a `from:` / `in:@` value names: display name or e-mail local part, any case; "me" is the caller. */
function peopleNamed(ctx: WorkspaceCtx, members: Member[], value: string): string[] {
  const v = value.toLowerCase();
  if (v === 'me') return [ctx.actor.userId];
  return members.filter((m) => m.name.toLowerCase() === v || m.email.split('@')[0]!.toLowerCase() === v).map((m) => m.userId);
}

async function placeIds(ctx: WorkspaceCtx, members: Member[], place: SearchPlace): Promise<string[]> {
  if (place.kind === 'channel') {
    const channel = await findChannelByName(ctx.db, ctx.workspaceId, place.name.toLowerCase());
    return channel ? [channel.id] : [];
  }
  const ids: string[] = [];
  for (const personId of peopleNamed(ctx, members, place.name)) {
    const direct = await findDirectByKey(ctx.db, ctx.workspaceId, directKeyOf([ctx.actor.userId, personId]));
    if (direct) ids.push(direct.id);
  }
  return ids;
}

/** Filters that name people and places, turned into ids; an id list may come out empty (nothing can match). */
async function criteriaOf(ctx: WorkspaceCtx, parsed: ParsedSearch): Promise<SearchCriteria> {
  const members = parsed.from.length || parsed.in.some((p) => p.kind === 'person') ? await listMembers(ctx) : [];
  const criteria: SearchCriteria = {
    workspaceId: ctx.workspaceId,
    userId: ctx.actor.userId,
    includePublic: canBrowseChannels(ctx.role),
    words: parsed.words,
    phrases: parsed.phrases,
    before: parsed.before,
    after: parsed.after,
    hasLink: parsed.hasLink,
    isThread: parsed.isThread,
  };
  if (parsed.from.length) criteria.authorIds = [...new Set(parsed.from.flatMap((v) => peopleNamed(ctx, members, v)))];
  if (parsed.in.length) criteria.conversationIds = [...new Set((await Promise.all(parsed.in.map((p) => placeIds(ctx, members, p)))).flat())];
  return criteria;
}

const nothingFound: SearchResults = { items: [], nextCursor: null, total: 0 };

/**
 * Full-text search over the messages the caller can read: their
 * conversations, and public channels unless they are a guest. Deleted
 * messages never match.
 */
export async function searchMessages(ctx: WorkspaceCtx, query: { q: string; cursor?: string; limit: number }): Promise<SearchResults> {
  const parsed = parseSearchQuery(query.q);
  const from = query.cursor ? decodeCursor(query.cursor) : undefined;
  const criteria = await criteriaOf(ctx, parsed);
  if (criteria.authorIds?.length === 0 || criteria.conversationIds?.length === 0) return nothingFound;
  const hits = await searchPage(ctx.db, criteria, from, query.limit + 1);
  // A first page that holds everything is its own count.
  const total = !from && hits.length <= query.limit ? hits.length : await countMatches(ctx.db, criteria, SEARCH_TOTAL_CAP);
  const rows = new Map((await findMessagesByIds(ctx.db, hits.slice(0, query.limit).map((h) => h.id))).map((r) => [r.id, r]));
  // A conversation deleted between the two reads takes its hits with it.
  const page = hits.slice(0, query.limit).filter((h) => rows.has(h.id));
  const messages = await viewMessages(ctx, ctx.actor.userId, page.map((h) => rows.get(h.id)!));
  const terms = textTerms(parsed);
  const items = page.map((hit, i) => ({
    message: messages[i]!,
    conversation: { id: messages[i]!.conversationId, kind: hit.conversationKind, name: hit.conversationName },
    snippet: buildSnippet(messages[i]!.body, terms),
    rank: Number(hit.rank),
  }));
  const last = hits.slice(0, query.limit).at(-1);
  return { items, nextCursor: hits.length > query.limit && last ? encodeCursor(last) : null, total };
}
