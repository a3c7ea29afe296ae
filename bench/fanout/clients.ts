/**
 * The fan-out benchmark's clients, in their own process so they do not share
 * a core with the server: thousands of WebSockets, a paced sender, and
 * latency from send to each delivery (same process, same clock).
 */
import WebSocket from 'ws';
import { percentiles, round } from '../lib/stats';
import { mainThreadWait, waitDelta } from './cpu';
import type { ClientSpec, Command, Mode, PhaseResult, Reply } from './protocol';

interface Client {
  ws: WebSocket;
  spec: ClientSpec;
}

let mode: Mode = 'bare';
let clients: Client[] = [];
let rooms: Client[][] = [];
let phaseId = 0;

/**
 * One phase's latencies, with the second of the phase each message was sent
 * in (the chart of latency over time), in typed arrays sized for the phase
 * up front: JavaScript arrays of hundreds of thousands of numbers, grown by
 * push, were promoted to the old generation and made this process stop for
 * full garbage collections in the middle of what it measures.
 */
class LatencySamples {
  private ms: Float64Array;
  private second: Uint16Array;
  count = 0;

  constructor(capacity: number) {
    this.ms = new Float64Array(Math.max(1024, capacity));
    this.second = new Uint16Array(this.ms.length);
  }

  add(ms: number, second: number): void {
    if (this.count === this.ms.length) this.grow();
    this.ms[this.count] = ms;
    this.second[this.count] = second;
    this.count += 1;
  }

  all(): Float64Array {
    return this.ms.subarray(0, this.count);
  }

  bySecond(): number[][] {
    const seconds: number[][] = [];
    for (let i = 0; i < this.count; i++) (seconds[this.second[i]!] ??= []).push(this.ms[i]!);
    return seconds;
  }

  private grow(): void {
    const ms = new Float64Array(this.ms.length * 2);
    ms.set(this.ms);
    const second = new Uint16Array(ms.length);
    second.set(this.second);
    this.ms = ms;
    this.second = second;
  }
}

let samples = new LatencySamples(0);
let phaseStartUs = 0;
let closed = 0;

const nowUs = () => (performance.timeOrigin + performance.now()) * 1000;

/**
 * Body: "bench <phase> <sentAtMicros>" — enough to attribute and time each
 * delivery. Found in the frame's bytes rather than by JSON.parse or even a
 * string: with tens of thousands of frames a second, the client process must
 * not be the bottleneck of what it measures, nor pause for garbage it makes.
 */
const CREATED = Buffer.from('"message.created"');
const BENCH_BODY = Buffer.from('"body":"bench ');
const DIGIT_0 = 48;
const SPACE = 32;

/** Where the last number read ended (a variable, not a returned pair: nothing allocated per frame). */
let numberEnd = 0;
/** The decimal number at `at` in the frame. */
function readNumber(frame: Buffer, at: number): number {
  let value = 0;
  let i = at;
  for (; frame[i]! >= DIGIT_0 && frame[i]! < DIGIT_0 + 10; i++) value = value * 10 + frame[i]! - DIGIT_0;
  numberEnd = i;
  return value;
}

function onFrame(raw: WebSocket.RawData) {
  const frame = raw as Buffer;
  if (frame.indexOf(CREATED) < 0) return;
  const body = frame.indexOf(BENCH_BODY);
  if (body < 0) return;
  const phase = readNumber(frame, body + BENCH_BODY.length);
  if (phase !== phaseId || frame[numberEnd] !== SPACE) return;
  const sentAt = readNumber(frame, numberEnd + 1);
  samples.add((nowUs() - sentAt) / 1000, Math.max(0, Math.floor((sentAt - phaseStartUs) / 1e6)));
}

function open(url: string, spec: ClientSpec): Promise<Client> {
  return new Promise((resolve, reject) => {
    const target = mode === 'product' ? `${url.replace(/^http/, 'ws')}/api/v1/ws?workspaceId=${spec.workspaceId}` : `${url.replace(/^http/, 'ws')}/?room=${spec.room}`;
    const ws = new WebSocket(target, { headers: spec.token ? { authorization: `Bearer ${spec.token}` } : {}, perMessageDeflate: false });
    const client = { ws, spec };
    ws.once('error', reject);
    ws.on('close', () => (closed += 1));
    if (mode === 'bare') return ws.once('open', () => (ws.on('message', onFrame), resolve(client)));
    ws.once('open', () => ws.send(JSON.stringify({ type: 'hello', workspaceId: spec.workspaceId })));
    ws.once('message', (raw) => {
      const frame = JSON.parse(raw.toString());
      if (frame.type !== 'ready') return reject(new Error(`expected ready, got ${raw.toString().slice(0, 200)}`));
      ws.on('message', onFrame);
      resolve(client);
    });
  });
}

/**
 * Product clients send a heartbeat every 30 s, as the web app does (without
 * one for 60 s a member reads as away): one shared timer, staggered so a
 * thirtieth of the clients beat each second.
 */
const HEARTBEAT_MS = 30_000;
let beat = 0;
let heartbeats: NodeJS.Timeout | undefined;
function startHeartbeats() {
  heartbeats ??= setInterval(() => {
    if (mode !== 'product' || clients.length === 0) return;
    const slice = Math.ceil(clients.length / (HEARTBEAT_MS / 1000));
    for (let i = 0; i < slice; i++) clients[(beat + i) % clients.length]!.ws.send('{"type":"heartbeat","state":"active"}');
    beat = (beat + slice) % clients.length;
  }, 1000);
}

async function connect(url: string, specs: ClientSpec[]): Promise<number> {
  startHeartbeats();
  for (let i = 0; i < specs.length; i += 100) {
    clients.push(...(await Promise.all(specs.slice(i, i + 100).map((s) => open(url, s)))));
  }
  rooms = [];
  for (const c of clients) (rooms[c.spec.room] ??= []).push(c);
  return clients.length;
}

let counter = 0;
function sendOne(room: Client[], phase: number): void {
  const sender = room[counter % room.length]!;
  counter += 1;
  const body = `bench ${phase} ${Math.round(nowUs())}`;
  const frame =
    mode === 'product'
      ? { type: 'send', requestId: String(counter), conversationId: sender.spec.conversationId, clientId: `b${phase}-${counter}`, body }
      : { room: sender.spec.room, body };
  sender.ws.send(JSON.stringify(frame));
}

async function runPhase(rate: number, seconds: number, drainMs: number): Promise<PhaseResult> {
  phaseId += 1;
  const roomSize = clients.length / Math.max(1, rooms.length);
  samples = new LatencySamples(Math.ceil(rate * seconds * roomSize * 1.05));
  const closedBefore = closed;
  let sent = 0;
  let expected = 0;
  const start = performance.now();
  const cpuBefore = process.cpuUsage();
  const waitBefore = mainThreadWait();
  phaseStartUs = nowUs();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const elapsed = (performance.now() - start) / 1000;
      const due = Math.min(rate * seconds, Math.floor(rate * elapsed));
      while (sent < due) {
        const room = rooms[sent % rooms.length]!;
        sendOne(room, phaseId);
        expected += room.length;
        sent += 1;
      }
      if (elapsed >= seconds) clearInterval(timer), resolve();
    }, 2);
  });
  await new Promise((r) => setTimeout(r, drainMs));
  const cpu = process.cpuUsage(cpuBefore);
  const mainWait = waitDelta(waitBefore, mainThreadWait());
  const [p50, p95, p99, max] = percentiles(samples.all(), [50, 95, 99, 100]);
  const p99BySecond = Array.from(samples.bySecond(), (s) => round(percentiles(s ?? [], [99])[0]!));
  return { rate, sent, expected, delivered: samples.count, p50: round(p50!), p95: round(p95!), p99: round(p99!), max: round(max!), p99BySecond, sendErrors: 0, closed: closed - closedBefore, cpuUs: cpu.user + cpu.system, mainWait };
}

async function handle(command: Command): Promise<Reply> {
  switch (command.cmd) {
    case 'connect':
      mode = command.mode;
      return { ok: true, connected: await connect(command.url, command.clients) };
    case 'phase':
      return { ok: true, result: await runPhase(command.rate, command.seconds, command.drainMs) };
    case 'disconnect':
      for (const c of clients) c.ws.terminate();
      clients = [];
      rooms = [];
      return { ok: true };
  }
}

process.on('message', (command: Command) => {
  handle(command)
    .then((reply) => process.send!(reply))
    .catch((err: Error) => process.send!({ ok: false, error: err.message } satisfies Reply));
});
