// The load generator's worker thread. Plain JavaScript: worker threads do not
// inherit tsx's loader. Keeps `concurrency` POSTs in flight for `seconds`, each
// with a fresh id in its body.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const spec = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: spec.concurrency });
const target = new URL(spec.url);
const result = { requests: 0, ok: 0, failed: 0, statuses: {}, latenciesMs: [], elapsedS: 0 };
const start = performance.now();
const deadline = start + spec.seconds * 1000;
let id = 0;

function one() {
  return new Promise((done) => {
    const body = spec.bodyTemplate.replaceAll('$ID', `${process.pid}-${++id}`);
    const t0 = performance.now();
    const headers = { ...spec.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    const req = http.request({ agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers }, (res) => {
      res.resume();
      res.on('end', () => {
        result.requests += 1;
        result.statuses[res.statusCode] = (result.statuses[res.statusCode] ?? 0) + 1;
        if (res.statusCode === 201) result.ok += 1;
        else result.failed += 1;
        result.latenciesMs.push(performance.now() - t0);
        done();
      });
    });
    req.on('error', () => {
      result.failed += 1;
      done();
    });
    req.end(body);
  });
}

async function lane() {
  while (performance.now() < deadline) await one();
}

await Promise.all(Array.from({ length: spec.concurrency }, lane));
result.elapsedS = (performance.now() - start) / 1000;
agent.destroy();
parentPort.postMessage(result);
