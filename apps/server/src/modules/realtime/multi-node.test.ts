import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../../../../e2e/server';
import { createPostgresTestDatabase, type TestDatabase } from '../../../test/db';
import { type HttpClient, signUpOverHttp } from '../../../test/http';
import { TestSocket } from '../../../test/ws';
import { expectSeamless, messageSeqs, sendMany } from './test-support';

const databaseUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/**
 * Two real server processes (`node --import tsx apps/server/src/main.ts`) on
 * one PostgreSQL database and one Redis: what a load balancer in front of
 * many nodes looks like. Runs in CI's second pass (DATABASE_URL + REDIS_URL).
 */
describe.runIf(databaseUrl && redisUrl)('realtime across two server processes', () => {
  let db: TestDatabase;
  let dataDir: string;
  let nodes: RunningServer[] = [];
  let owner: HttpClient;
  let onNode: [HttpClient, HttpClient];
  let base: string;
  let channelId: string;
  let apiKey: string;
  const sockets: TestSocket[] = [];
  const socketOn = (node: RunningServer) => {
    const socket = TestSocket.open(`${node.url.replace('http', 'ws')}/api/v1/ws`, { bearer: apiKey });
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    db = await createPostgresTestDatabase(databaseUrl!, 1);
    // One data dir for both: mail may be sent by either node's worker, and the test reads one outbox.
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'aio-nodes-'));
    const shared = {
      DATABASE_URL: db.url!,
      REDIS_PREFIX: `aio-nodes-${randomBytes(4).toString('hex')}`,
      APP_SECRET: randomBytes(32).toString('hex'),
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      DATA_DIR: dataDir,
    };
    const ports = [await freePort(), await freePort()];
    nodes = await Promise.all(ports.map((port) => startServer(port, shared)));
    owner = (await signUpOverHttp(nodes[0]!.url, dataDir, 'Olive')).client;
    apiKey = (await owner.post('/api/v1/me/api-keys', { name: 'nodes' })).body.key;
    onNode = [owner.withApiKey(apiKey, nodes[0]!.url), owner.withApiKey(apiKey, nodes[1]!.url)];
    const workspace = await onNode[0].post('/api/v1/workspaces', { name: 'Two nodes' });
    base = `/api/v1/workspaces/${workspace.body.id}`;
    channelId = (await onNode[0].post(`${base}/conversations`, { kind: 'channel', name: 'general' })).body.id;
  }, 120_000);

  afterAll(async () => {
    for (const s of sockets) s.ws.terminate();
    await Promise.all(nodes.map((n) => n.stop()));
    await db?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers a message sent through node 1 to a socket on node 2', async () => {
    const workspaceId = base.split('/').pop()!;
    const socket = socketOn(nodes[1]!);
    await socket.hello(workspaceId);
    const [seq] = await sendMany(onNode[0], base, channelId, 1, 1, 'hop');
    const event = await socket.waitFor('event', (e) => e.seq === seq);
    expect(event).toMatchObject({ name: 'message.created', data: { message: { body: 'hop 0', conversationId: channelId } } });
  });

  it('resumes a client that moves from node 1 to node 2 with no gap and no duplicate', async () => {
    const workspaceId = base.split('/').pop()!;
    const [first, watcher] = [socketOn(nodes[0]!), socketOn(nodes[1]!)];
    await Promise.all([first.hello(workspaceId), watcher.hello(workspaceId)]);
    const sending = sendMany(onNode[0], base, channelId, 300, 10, 'move');
    await first.until(() => messageSeqs(first).length >= 80, '80 messages', 30_000);
    first.ws.terminate();
    await first.closed;
    const lastSeq = first.events().at(-1)!.seq;
    // Come back only once the stream has moved on: the new node must replay what was missed.
    await watcher.waitFor('event', (e) => e.seq >= lastSeq + 20, { timeoutMs: 30_000 });

    const second = socketOn(nodes[1]!);
    const ready = await second.hello(workspaceId, lastSeq);
    const sent = await sending;
    await second.until(() => messageSeqs(second).includes(Math.max(...sent)), 'the last message', 30_000);
    expectSeamless(first, second, lastSeq, sent);
    expect(ready.replayed).toBeGreaterThan(0);
  }, 90_000);
});
