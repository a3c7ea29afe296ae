// Named prepared statements on PGlite. PGlite's query() sends Parse,
// Describe, Bind, Describe, Execute and Sync as six calls into WASM and
// parses and plans the statement every time; a statement prepared once per
// session runs as one call of Bind, Describe, Execute and Sync. The messages
// are built and read with PGlite's own protocol serialiser and result parser,
// so rows and errors come back exactly as query() gives them.
// Plain JavaScript: it runs inside the PGlite thread (pglite-thread.js).
import { parse, protocol } from '@electric-sql/pglite';

const { serialize } = protocol;

function concat(chunks) {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** `params` are text, numbers, booleans, dates or null (client.ts types them so), all sent as text. */
const asText = (value) => (value === null || value === undefined ? null : value instanceof Date ? value.toISOString() : String(value));

/**
 * Rows, as arrays, of `sql` run as the session's prepared statement `name`
 * (prepared on first use; `prepared` holds the names this session has).
 * The caller must hold the session (no other query in between), as the
 * PGlite thread's callers do.
 */
export async function runPrepared(pg, prepared, name, sql, params) {
  if (!prepared.has(name)) {
    await pg.execProtocol(concat([serialize.parse({ name, text: sql }), serialize.sync()]));
    prepared.add(name);
  }
  const call = concat([
    serialize.bind({ statement: name, values: params.map(asText) }),
    // The portal's row description, so PGlite's parser knows each column's type.
    serialize.describe({ type: 'P' }),
    serialize.execute({}),
    serialize.sync(),
  ]);
  const { messages } = await pg.execProtocol(call);
  return parse.parseResults(messages, pg.parsers, { rowMode: 'array' })[0]?.rows ?? [];
}
