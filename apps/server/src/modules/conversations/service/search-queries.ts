import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../../db/client';

/**
 * The search query. Each word and phrase must occur in the body, ignoring
 * case (ILIKE, served by the GiST trigram index), so "deploy" and "ploym"
 * both find "deployment". A lexeme's prefix is a substring of the body, so
 * this finds what a prefix match on the `search` tsvector would, with one
 * index to keep up to date on every write instead of two; only a word that
 * punctuation splits into lexemes ("don't": don, t) must now appear as
 * written rather than in parts. Rank: cover density of the words as
 * prefixes (the tsvector) plus trigram word similarity, rounded so that
 * keyset pagination compares exact values; ties go to the newest message.
 */
export interface SearchCriteria {
  workspaceId: string;
  userId: string;
  /** Public channels the caller has not joined (everyone but guests). */
  includePublic: boolean;
  words: string[];
  phrases: string[];
  authorIds?: string[];
  conversationIds?: string[];
  before?: string;
  after?: string;
  hasLink: boolean;
  isThread: boolean;
}

/** Position after the last hit of a page. */
export interface SearchPosition {
  rank: string;
  createdUs: string;
  seq: number;
}

export interface SearchRow extends SearchPosition {
  id: string;
  conversationKind: 'channel' | 'direct' | 'support';
  conversationName: string | null;
}

const BACKSLASH = sql`chr(92)`;

/** `%text%` for ILIKE, with LIKE's own wildcards taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

/**
 * A prefix tsquery ("deploy" → 'deploy':*) from arbitrary text. The lexemes
 * come from PostgreSQL's own parser and are quoted for to_tsquery, so no
 * user input can produce a tsquery syntax error. No lexemes → NULL.
 */
function prefixTsQuery(text: string): SQL {
  return sql`(select to_tsquery('simple', string_agg('''' || replace(replace(lx, ${BACKSLASH}, ${BACKSLASH} || ${BACKSLASH}), '''', '''''') || ''':*', ' & '))
    from unnest(tsvector_to_array(to_tsvector('simple', ${text}))) as lx)`;
}

const inList = (values: string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);
const utcMidnight = (day: string, plusDays = 0) => sql`((${day}::date + ${plusDays}::int)::timestamp at time zone 'UTC')`;

function conditions(c: SearchCriteria): SQL[] {
  const member = sql`exists (select 1 from conversation_members cm where cm.conversation_id = c.id and cm.user_id = ${c.userId})`;
  const visible = c.includePublic ? sql`(${member} or (c.kind = 'channel' and not c.is_private))` : member;
  const out: SQL[] = [sql`m.workspace_id = ${c.workspaceId}`, sql`m.deleted_at is null`, visible];
  for (const term of [...c.words, ...c.phrases]) out.push(sql`m.body ilike ${containsPattern(term)}`);
  if (c.authorIds) out.push(sql`m.author_type = 'member' and m.author_id in (${inList(c.authorIds)})`);
  if (c.conversationIds) out.push(sql`m.conversation_id in (${inList(c.conversationIds)})`);
  if (c.before) out.push(sql`m.created_at < ${utcMidnight(c.before)}`);
  if (c.after) out.push(sql`m.created_at >= ${utcMidnight(c.after, 1)}`);
  if (c.hasLink) out.push(sql`m.has_link`);
  if (c.isThread) out.push(sql`(m.thread_root_id is not null or m.reply_count > 0)`);
  return out;
}

function rankOf(c: SearchCriteria): SQL {
  const terms = [...c.words, ...c.phrases].join(' ');
  if (terms === '') return sql`0::numeric`;
  return sql`round((coalesce(ts_rank_cd(m.search, ${prefixTsQuery(terms)}), 0) + word_similarity(${terms}, m.body))::numeric, 6)`;
}

const matching = (c: SearchCriteria) => sql`from messages m join conversations c on c.id = m.conversation_id where ${sql.join(conditions(c), sql` and `)}`;

/** One page of hits, best first, after `from` when given. */
export async function searchPage(db: DbOrTx, c: SearchCriteria, from: SearchPosition | undefined, limit: number): Promise<SearchRow[]> {
  const after = from ? sql`where (hits.rank, hits.created_us, hits.seq) < (${from.rank}::numeric, ${from.createdUs}::bigint, ${from.seq}::bigint)` : sql``;
  return queryRows<SearchRow>(
    db,
    sql`select hits.id, hits.rank::text as "rank", hits.created_us::text as "createdUs", hits.seq::float8 as "seq",
          hits.kind as "conversationKind", hits.name as "conversationName"
        from (select m.id, m.seq, c.kind, c.name, (extract(epoch from m.created_at) * 1000000)::bigint as created_us, ${rankOf(c)} as rank
              ${matching(c)}) hits
        ${after}
        order by hits.rank desc, hits.created_us desc, hits.seq desc
        limit ${limit}`,
  );
}

/** How many messages match, counting no further than `cap` (a count over everything would cost a full scan). */
export async function countMatches(db: DbOrTx, c: SearchCriteria, cap: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from (select 1 ${matching(c)} limit ${cap}) capped`);
  return Number(row?.n ?? 0);
}
