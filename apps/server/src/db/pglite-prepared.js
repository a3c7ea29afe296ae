// Named prepared statements on PGlite, over PostgreSQL's extended query
// protocol (https://www.postgresql.org/docs/current/protocol-message-formats.html).
// PGlite's query() sends Parse, Describe, Bind, Describe, Execute and Sync as
// six calls into WASM and parses and plans the statement every time; a
// statement prepared once per session runs as one Bind/Execute/Sync call.
// Plain JavaScript: it runs inside the PGlite thread (pglite-thread.js).

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Type ids whose text form is turned into a JavaScript number or boolean; everything else stays text. */
const NUMBER_TYPES = new Set([20, 21, 23, 26, 700, 701]);
const BOOL_TYPE = 16;

function concat(chunks) {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function int16(value) {
  const b = new Uint8Array(2);
  new DataView(b.buffer).setInt16(0, value);
  return b;
}

function int32(value) {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setInt32(0, value);
  return b;
}

const cstring = (value) => concat([encoder.encode(value), new Uint8Array(1)]);

/** One protocol message: its type byte, its length (itself included) and its body. */
function message(type, ...body) {
  const content = concat(body);
  return concat([new Uint8Array([type.charCodeAt(0)]), int32(content.length + 4), content]);
}

const SYNC = message('S');

function parseAndDescribe(name, sql) {
  return concat([message('P', cstring(name), cstring(sql), int16(0)), message('D', encoder.encode('S'), cstring(name)), SYNC]);
}

/** `params` are text, numbers, booleans, dates or null (client.ts types them so). */
function bindAndExecute(name, params) {
  const values = params.flatMap((value) => {
    if (value === null || value === undefined) return [int32(-1)];
    const text = encoder.encode(value instanceof Date ? value.toISOString() : String(value));
    return [int32(text.length), text];
  });
  // Parameters and result columns all in text format (no format codes = text).
  const bind = message('B', cstring(''), cstring(name), int16(0), int16(params.length), ...values, int16(0));
  return concat([bind, message('E', cstring(''), int32(0)), SYNC]);
}

/** ErrorResponse fields by their one-letter code, named as PGlite and pg name them. */
const ERROR_FIELD_NAMES = { S: 'severity', C: 'code', M: 'message', D: 'detail', H: 'hint', P: 'position', W: 'where', s: 'schema', t: 'table', c: 'column', d: 'dataType', n: 'constraint', R: 'routine' };

function readCString(bytes, at) {
  const end = bytes.indexOf(0, at);
  return [decoder.decode(bytes.subarray(at, end)), end + 1];
}

/** The backend's reply: data rows, the row description, or the first error. */
function readReply(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rows = [];
  let types;
  let error;
  for (let at = 0; at < bytes.length; ) {
    const type = String.fromCharCode(bytes[at]);
    const end = at + 1 + view.getInt32(at + 1);
    let p = at + 5;
    if (type === 'D') {
      const count = view.getInt16(p);
      p += 2;
      const row = new Array(count);
      for (let i = 0; i < count; i++) {
        const length = view.getInt32(p);
        p += 4;
        row[i] = length < 0 ? null : decoder.decode(bytes.subarray(p, p + length));
        if (length > 0) p += length;
      }
      rows.push(row);
    } else if (type === 'T') {
      const count = view.getInt16(p);
      p += 2;
      types = [];
      for (let i = 0; i < count; i++) {
        [, p] = readCString(bytes, p);
        types.push(view.getInt32(p + 6));
        p += 18;
      }
    } else if (type === 'E' && !error) {
      error = {};
      while (bytes[p] !== 0) {
        const code = String.fromCharCode(bytes[p]);
        const [value, next] = readCString(bytes, p + 1);
        if (ERROR_FIELD_NAMES[code]) error[ERROR_FIELD_NAMES[code]] = value;
        p = next;
      }
    }
    at = end;
  }
  return { rows, types, error };
}

function toValue(text, type) {
  if (text === null) return null;
  if (NUMBER_TYPES.has(type)) return Number(text);
  if (type === BOOL_TYPE) return text === 't';
  return text;
}

class PostgresError extends Error {
  constructor(fields) {
    super(fields.message ?? 'database error');
    Object.assign(this, fields);
  }
}

/**
 * Runs `sql` as the session's prepared statement `name` (prepared on first
 * use) and returns its rows as arrays: numbers and booleans for those types,
 * text for the rest. The caller must hold the session (no other query in
 * between), as the PGlite thread's callers do.
 */
export async function runPrepared(pg, prepared, name, sql, params) {
  let types = prepared.get(name);
  if (!types) {
    const reply = readReply(await pg.execProtocolRaw(parseAndDescribe(name, sql)));
    if (reply.error) throw new PostgresError(reply.error);
    types = reply.types ?? [];
    prepared.set(name, types);
  }
  const reply = readReply(await pg.execProtocolRaw(bindAndExecute(name, params)));
  if (reply.error) throw new PostgresError(reply.error);
  return reply.rows.map((row) => row.map((text, i) => toValue(text, types[i])));
}
