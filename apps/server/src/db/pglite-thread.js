// PGlite on its own thread (see pglite-thread-client.ts). Plain JavaScript so
// it loads as it is in a worker under tsx, vitest and the built server alike.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pgliteOptions } from './pglite-options.js';
import { runPrepared } from './pglite-prepared.js';

const { dataDir, templateFile } = workerData;
const pg = new PGlite(pgliteOptions(dataDir, templateFile ? new Blob([readFileSync(templateFile)]) : undefined));

const identity = (value) => value;
const ERROR_FIELDS = ['code', 'detail', 'hint', 'position', 'severity', 'schema', 'table', 'column', 'dataType', 'constraint', 'routine', 'where'];

/** Parsers are functions and cannot cross threads; the client sends the types it wants left as text. */
function queryOptions(message) {
  if (!message.rowMode && !message.rawTypes) return undefined;
  const parsers = message.rawTypes ? Object.fromEntries(message.rawTypes.map((type) => [type, identity])) : undefined;
  return { rowMode: message.rowMode, parsers };
}

/** The names of the statements this session has prepared. */
const prepared = new Set();

const plain = (result) => ({ rows: result.rows, fields: result.fields, affectedRows: result.affectedRows });

async function run(message) {
  switch (message.op) {
    case 'ready':
      await pg.waitReady;
      return null;
    case 'query':
      return plain(await pg.query(message.sql, message.params ?? [], queryOptions(message)));
    case 'prepared':
      return runPrepared(pg, prepared, message.name, message.sql, message.params ?? []);
    case 'exec':
      return (await pg.exec(message.sql)).map(plain);
    case 'close':
      await pg.close();
      return null;
    default:
      throw new Error(`unknown operation ${message.op}`);
  }
}

parentPort.on('message', async (message) => {
  try {
    parentPort.postMessage({ id: message.id, result: await run(message) });
  } catch (err) {
    const error = { message: err instanceof Error ? err.message : String(err) };
    for (const field of ERROR_FIELDS) if (err?.[field] !== undefined) error[field] = err[field];
    parentPort.postMessage({ id: message.id, error });
  }
});
