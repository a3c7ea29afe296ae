import { Worker } from 'node:worker_threads';

/** A closed-loop HTTP load generator in a worker thread, so it runs on its own core. */
export interface LoadSpec {
  url: string;
  headers: Record<string, string>;
  concurrency: number;
  seconds: number;
  /** JSON body; every "$ID" in it is replaced by a unique id per request. */
  bodyTemplate: string;
}

export interface LoadResult {
  requests: number;
  ok: number;
  failed: number;
  statuses: Record<string, number>;
  latenciesMs: number[];
  elapsedS: number;
}

export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./http-load-worker.mjs', import.meta.url), { workerData: spec });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}
