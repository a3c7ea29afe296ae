/**
 * A closed-loop HTTP load generator in a worker thread (its own core): keeps
 * `concurrency` POSTs in flight for `seconds`, each with a fresh clientId.
 */
import http from 'node:http';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

export interface LoadSpec {
  url: string;
  headers: Record<string, string>;
  concurrency: number;
  seconds: number;
  /** JSON body; the string "$ID" in it is replaced by a unique id per request. */
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
    const worker = new Worker(new URL(import.meta.url), { workerData: spec, execArgv: ['--import', 'tsx'] });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

function generate(spec: LoadSpec): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.concurrency });
  const target = new URL(spec.url);
  const result: LoadResult = { requests: 0, ok: 0, failed: 0, statuses: {}, latenciesMs: [], elapsedS: 0 };
  const start = performance.now();
  const deadline = start + spec.seconds * 1000;
  let id = 0;
  const one = (): Promise<void> =>
    new Promise((done) => {
      const body = spec.bodyTemplate.replace('$ID', `${process.pid}-${++id}`);
      const t0 = performance.now();
      const req = http.request(
        { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { ...spec.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on('end', () => {
            result.requests += 1;
            result.statuses[res.statusCode ?? 0] = (result.statuses[res.statusCode ?? 0] ?? 0) + 1;
            if (res.statusCode === 201) result.ok += 1;
            else result.failed += 1;
            result.latenciesMs.push(performance.now() - t0);
            done();
          });
        },
      );
      req.on('error', () => ((result.failed += 1), done()));
      req.end(body);
    });
  const loop = async () => {
    while (performance.now() < deadline) await one();
  };
  return Promise.all(Array.from({ length: spec.concurrency }, loop)).then(() => {
    result.elapsedS = (performance.now() - start) / 1000;
    agent.destroy();
    return result;
  });
}

if (!isMainThread) generate(workerData as LoadSpec).then((r) => parentPort!.postMessage(r));
