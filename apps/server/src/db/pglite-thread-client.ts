import { Worker } from 'node:worker_threads';

export interface ThreadQueryResult<T = Record<string, unknown>> {
  rows: T[];
  fields: Array<{ name: string; dataTypeID: number }>;
  affectedRows?: number;
}

interface QueryOptions {
  rowMode?: 'array' | 'object';
  parsers?: Record<number, (value: string) => unknown>;
}

/** What a prepared statement takes: every driver sends these as text. JSON and arrays go serialised. */
export type PreparedParam = string | number | boolean | Date | null;

interface Reply {
  id: number;
  result?: unknown;
  error?: { message: string } & Record<string, unknown>;
}

/** What a transaction callback gets: the same calls, inside the open transaction. */
export interface ThreadTransaction {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<ThreadQueryResult<T>>;
  exec(sql: string): Promise<ThreadQueryResult[]>;
  rollback(): Promise<void>;
  readonly closed: boolean;
}

/**
 * Embedded PostgreSQL (PGlite) on a worker thread, with the subset of PGlite's
 * client API that Drizzle uses (query, exec, transaction, close). PGlite runs
 * WASM synchronously: in the main thread every query would stall HTTP and
 * WebSocket fan-out for its whole duration; here it runs on the other core.
 *
 * One PGlite is one Postgres session, so calls are serialised here: a
 * transaction holds the line until it commits, and no other caller's query
 * can land inside it.
 */
export class PgliteThread {
  readonly waitReady: Promise<void>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(err: Error): void }>();
  private nextId = 0;
  private line: Promise<unknown> = Promise.resolve();
  private isClosed = false;

  constructor(opts: { dataDir?: string; templateFile?: string }) {
    this.worker = new Worker(new URL('./pglite-thread.js', import.meta.url), { workerData: opts });
    this.worker.on('message', (reply: Reply) => this.settle(reply));
    this.worker.on('error', (err) => this.failAll(err));
    this.worker.on('exit', () => this.failAll(new Error('the database thread exited')));
    this.waitReady = this.call({ op: 'ready' }).then(() => undefined);
  }

  get closed(): boolean {
    return this.isClosed;
  }

  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<ThreadQueryResult<T>> {
    return this.exclusive(() => this.rawQuery<T>(sql, params, options));
  }

  /**
   * Rows (as arrays) of `sql` run as this session's prepared statement `name`:
   * prepared on first use, then one Bind/Execute on the thread per call.
   * Values are parsed as query() parses them.
   */
  queryPrepared(name: string, sql: string, params: PreparedParam[]): Promise<unknown[][]> {
    return this.exclusive(() => this.call({ op: 'prepared', name, sql, params }) as Promise<unknown[][]>);
  }

  exec(sql: string): Promise<ThreadQueryResult[]> {
    return this.exclusive(() => this.call({ op: 'exec', sql }) as Promise<ThreadQueryResult[]>);
  }

  transaction<T>(work: (tx: ThreadTransaction) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      await this.call({ op: 'exec', sql: 'BEGIN' });
      let done = false;
      const tx: ThreadTransaction = {
        query: (sql, params, options) => this.rawQuery(sql, params, options),
        exec: (sql) => this.call({ op: 'exec', sql }) as Promise<ThreadQueryResult[]>,
        rollback: async () => {
          done = true;
          await this.call({ op: 'exec', sql: 'ROLLBACK' });
        },
        get closed() {
          return done;
        },
      };
      try {
        const result = await work(tx);
        if (!done) await this.call({ op: 'exec', sql: 'COMMIT' });
        return result;
      } catch (err) {
        if (!done) await this.call({ op: 'exec', sql: 'ROLLBACK' }).catch(() => undefined);
        throw err;
      } finally {
        done = true;
      }
    });
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    await this.exclusive(() => this.call({ op: 'close' })).catch(() => undefined);
    await this.worker.terminate();
  }

  private rawQuery<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<ThreadQueryResult<T>> {
    // Drizzle's parsers only keep dates and intervals as text; the thread rebuilds them from the type ids.
    const rawTypes = options?.parsers ? Object.keys(options.parsers).map(Number) : undefined;
    return this.call({ op: 'query', sql, params, rowMode: options?.rowMode, rawTypes }) as Promise<ThreadQueryResult<T>>;
  }

  /** Runs `fn` after every earlier caller finished: the session is used by one caller at a time. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.line.then(fn, fn);
    this.line = run.catch(() => undefined);
    return run;
  }

  private call(message: Record<string, unknown>): Promise<unknown> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  private settle(reply: Reply): void {
    const waiter = this.pending.get(reply.id);
    if (!waiter) return;
    this.pending.delete(reply.id);
    if (reply.error) waiter.reject(Object.assign(new Error(reply.error.message), reply.error));
    else waiter.resolve(reply.result);
  }

  private failAll(err: Error): void {
    for (const waiter of this.pending.values()) waiter.reject(err);
    this.pending.clear();
  }
}
