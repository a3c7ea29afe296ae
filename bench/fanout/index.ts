import { fork } from 'node:child_process';
import path from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { log, printSparklines, printTable, round } from '../lib/stats';
import type { ClientSpec, Command, Mode, PhaseResult, Reply } from './protocol';
import type { ServerCommand, ServerReply } from './server';
import type { StageRow } from './stages';
import { type CpuPerMessage, cpuPerMessage, cpuRow, machineShareSince, machineSnapshot, waitRow } from './cpu';
import { busiestNeighbours, type Neighbour, neighbourRows, neighbourSnapshot } from './neighbours';

interface Options {
  clients: number;
  channels: number;
  rate: number;
  seconds: number;
  stepSeconds: number;
  warmupSeconds: number;
}

/**
 * Ramp steps last 10 s: at a few hundred messages a second, 1% of a 5 s step
 * is a few dozen messages, so one 50 ms garbage-collection pause decided the
 * step's p99 by itself, for whichever target happened to pause in it.
 */
function parseOptions(args: string[]): Options {
  const get = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  return {
    clients: get('clients', 2000),
    channels: get('channels', 100),
    rate: get('rate', 500),
    seconds: get('seconds', 30),
    stepSeconds: get('step-seconds', 10),
    warmupSeconds: get('warmup-seconds', 5),
  };
}

type Call = (command: Command) => Promise<Reply & { ok: true }>;
type ServerCall = (command: ServerCommand) => Promise<ServerReply & { ok: true }>;

/** A child process speaking request/reply over IPC. */
function startProcess<C, R extends { ok: boolean; error?: string }>(file: string) {
  const execArgv = ['--expose-gc', '--import', 'tsx', ...(process.env.AIO_BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [])];
  const child = fork(path.join(import.meta.dirname, file), [], { execArgv, stdio: 'inherit' });
  const call = (command: C) =>
    new Promise<R & { ok: true }>((resolve, reject) => {
      child.once('message', (reply: R) => (reply.ok ? resolve(reply as R & { ok: true }) : reject(new Error(reply.error))));
      child.send(command as object);
    });
  return { call, pid: child.pid!, exited: new Promise((r) => child.once('exit', r)), kill: () => child.kill() };
}

// AIO_BENCH_RAMP=500,500,500 replaces the ramp's rates (to watch one rate over time).
const RAMP = process.env.AIO_BENCH_RAMP
  ? process.env.AIO_BENCH_RAMP.split(',').map(Number)
  : [500, 750, 1000, 1250, 1500, 1750, 2000, 2500, 3000, 3500, 4000, 4500, 5000, 6000, 7000, 8000, 10000, 12000];
const deliveredShare = (r: PhaseResult, digits = 2) => `${((100 * r.delivered) / r.expected).toFixed(digits)}%`;
const isGood = (r: PhaseResult) => r.p99 <= 50 && r.delivered >= r.expected * 0.999;

interface Measured {
  mode: Mode;
  phase1: PhaseResult;
  ramp: PhaseResult[];
  maxPerSecond: number;
  kbPerConnection: number;
  rssMb: number;
  /** The product's phase 1 stage by stage, from its own metrics. */
  stages?: StageRow[];
  /** What phase 1 cost in CPU per message sent, by process and thread. */
  cpu: CpuPerMessage;
  /** The busiest threads outside the benchmark over phase 1. */
  neighbours: Neighbour[];
}

/** `ownPids`: the benchmark's processes, left out of the neighbours. */
async function measure(mode: Mode, url: string, specs: ClientSpec[], opts: Options, call: Call, server: ServerCall, ownPids: number[]): Promise<Measured> {
  const before = await server({ cmd: 'memory' });
  await call({ cmd: 'connect', mode, url, clients: specs });
  await new Promise((r) => setTimeout(r, 2000));
  const after = await server({ cmd: 'memory' });
  // Heap + external after a full GC: what the server keeps per connection. RSS
  // deltas mostly show the allocator reusing pages freed after seeding.
  const kbPerConnection = (after.heap! - before.heap!) / 1024 / specs.length;
  log(`${mode}: ${specs.length} clients connected (${round(kbPerConnection, 1)} KB heap each); phase 1: ${opts.rate} msg/s for ${opts.seconds} s`);
  if (opts.warmupSeconds > 0) {
    // Both targets start cold; the send path's first second (JIT, first plans) is reported here, not in phase 1.
    const warm = (await call({ cmd: 'phase', rate: opts.rate, seconds: opts.warmupSeconds, drainMs: 1000 })).result!;
    log(`${mode}: warm-up, ${opts.rate} msg/s for ${opts.warmupSeconds} s → p50 ${warm.p50} p99 ${warm.p99} ms, first second's p99 ${warm.p99BySecond[0]} ms`);
  }
  const profile = process.env.AIO_BENCH_PROFILE;
  const profiling = profile === '1' || profile === 'alloc';
  if (profiling) await server({ cmd: 'profile', action: 'start', allocations: profile === 'alloc' });
  await server({ cmd: 'phase', action: 'mark' });
  const machineBefore = machineSnapshot();
  const neighboursBefore = neighbourSnapshot(ownPids);
  const phaseStart = performance.now();
  const phase1 = (await call({ cmd: 'phase', rate: opts.rate, seconds: opts.seconds, drainMs: 2000 })).result!;
  const machine = machineShareSince(machineBefore);
  const neighbours = busiestNeighbours(neighboursBefore, neighbourSnapshot(ownPids), (performance.now() - phaseStart) / 1000);
  const { cpu: serverCpu, stages } = await server({ cmd: 'phase', action: 'read' });
  const cpu = cpuPerMessage(serverCpu!, phase1.cpuUs, phase1.sent, machine, phase1.mainWait);
  if (profiling) await server({ cmd: 'profile', action: 'stop', file: `artifacts/${mode}-phase1.cpuprofile` });
  const rssMb = (await server({ cmd: 'memory' })).rss! / 1024 / 1024;
  const ramp: PhaseResult[] = [];
  for (const rate of RAMP) {
    const r = (await call({ cmd: 'phase', rate, seconds: opts.stepSeconds, drainMs: 1500 })).result!;
    ramp.push(r);
    log(`${mode}: ${rate} msg/s → p50 ${r.p50} p99 ${r.p99} ms, delivered ${deliveredShare(r)}, closed ${r.closed}`);
    if (!isGood(r) && !process.env.AIO_BENCH_RAMP) break;
  }
  await call({ cmd: 'disconnect' });
  const good = ramp.filter(isGood);
  return { mode, phase1, ramp, maxPerSecond: good.at(-1)?.rate ?? 0, kbPerConnection, rssMb, stages, cpu, neighbours };
}

const labelOf = (m: Measured) => (m.mode === 'product' ? 'AIO Chat' : 'bare ws');

/** A target's two columns of the ramp table at step i. */
function rampColumns(m: Measured, i: number) {
  const prefix = m.mode === 'product' ? 'AIO' : 'ws';
  const r = m.ramp[i];
  return { [`${prefix} p99`]: r?.p99 ?? '', [`${prefix} delivered`]: r ? deliveredShare(r) : '' };
}

function row(m: Measured) {
  const p = m.phase1;
  return {
    target: labelOf(m),
    'p50 ms': p.p50,
    'p95 ms': p.p95,
    'p99 ms': p.p99,
    delivered: deliveredShare(p, 3),
    'max msg/s': m.maxPerSecond,
    'deliveries/s': m.maxPerSecond * (p.expected / Math.max(1, p.sent)),
    'RSS MB': round(m.rssMb, 0),
    'heap KB/conn idle': round(m.kbPerConnection, 1),
  };
}

async function measureTarget(mode: Mode, opts: Options, clients: { call: Call; pid: number }): Promise<Measured & { dbLabel: string }> {
  // AIO_BENCH_PROFILE=1 writes a CPU profile of each target's phase 1 to artifacts/<mode>-phase1.cpuprofile;
  // AIO_BENCH_PROFILE=alloc also where it allocated, to artifacts/<mode>-phase1.heapprofile.
  const server = startProcess<ServerCommand, ServerReply>('server.ts');
  try {
    log(`${mode}: starting${mode === 'product' ? ` and seeding ${opts.clients} members over ${opts.channels} channels` : ''}…`);
    const started = await server.call({ cmd: 'start', mode, clients: opts.clients, channels: opts.channels });
    const ownPids = [process.pid, process.ppid, server.pid, clients.pid];
    const measured = await measure(mode, started.url!, started.specs!, opts, clients.call, server.call, ownPids);
    await server.call({ cmd: 'stop' });
    await server.exited;
    return { ...measured, dbLabel: started.dbLabel! };
  } finally {
    server.kill();
  }
}

export async function run(args: string[]): Promise<void> {
  const opts = parseOptions(args);
  const clients = startProcess<Command, Reply>('clients.ts');
  try {
    const ours = await measureTarget('product', opts, clients);
    // AIO_BENCH_PRODUCT_ONLY=1 skips the bare ws target (to iterate on the product; prints no ratio line).
    const baseline = process.env.AIO_BENCH_PRODUCT_ONLY ? undefined : await measureTarget('bare', opts, clients);
    const targets = baseline ? [ours, baseline] : [ours];

    printTable(`fan-out: ${opts.clients} clients, ${opts.channels} channels, phase 1 at ${opts.rate} msg/s for ${opts.seconds} s (${ours.dbLabel})`, targets.map(row));
    const steps = Math.max(...targets.map((t) => t.ramp.length));
    printTable('ramp (msg/s → p99 ms, delivered)', RAMP.slice(0, steps).map((rate, i) => Object.assign({ 'msg/s': rate }, ...targets.map((t) => rampColumns(t, i)))));
    printTable(`phase 1: CPU per message sent, in µs (a message is ${opts.clients / opts.channels} deliveries), and the machine over the phase`, targets.map((t) => cpuRow(labelOf(t), t.cpu)));
    printTable(`phase 1: time each busy thread was ready to run but waited for a core (${opts.seconds} s)`, targets.map((t) => waitRow(labelOf(t), t.cpu)));
    printTable(
      'phase 1: the busiest threads outside the benchmark\'s processes (the database server when there is one, kernel threads, other services)',
      targets.flatMap((t) => neighbourRows(labelOf(t), t.neighbours)),
    );
    if (ours.stages) printTable(`AIO Chat, phase 1 stage by stage (server side, from its /metrics histograms)`, ours.stages);
    printSparklines(
      `phase 1: p99 latency of the messages sent in each second, ${opts.seconds} s`,
      targets.map((t) => ({ label: labelOf(t), values: t.phase1.p99BySecond, unit: 'ms' })),
    );
    mkdirSync('artifacts', { recursive: true });
    writeFileSync('artifacts/fanout.json', JSON.stringify({ options: opts, db: ours.dbLabel, product: ours, bare: baseline ?? null }, null, 2));
    if (!baseline) return;
    const ratio = baseline.maxPerSecond ? ours.maxPerSecond / baseline.maxPerSecond : 0;
    process.stdout.write(
      `\nfanout: p99_ms=${ours.phase1.p99} max_per_s=${ours.maxPerSecond} ratio_vs_ws=${round(ratio, 3)} kb_per_conn=${round(ours.kbPerConnection, 1)}\n`,
    );
  } finally {
    clients.kill();
  }
}
