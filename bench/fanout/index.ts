import { fork } from 'node:child_process';
import path from 'node:path';
import { startProduct } from '../lib/product';
import { log, printTable, round } from '../lib/stats';
import { startBareServer } from './bare-server';
import type { ClientSpec, Command, Mode, PhaseResult, Reply } from './protocol';
import { seedFanout } from './seed';

interface Options {
  clients: number;
  channels: number;
  rate: number;
  seconds: number;
  stepSeconds: number;
}

function parseOptions(args: string[]): Options {
  const get = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  return { clients: get('clients', 2000), channels: get('channels', 100), rate: get('rate', 500), seconds: get('seconds', 30), stepSeconds: get('step-seconds', 5) };
}

type Call = (command: Command) => Promise<Reply & { ok: true }>;

function startClientProcess(): { call: Call; stop(): void } {
  const child = fork(path.join(import.meta.dirname, 'clients.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const call: Call = (command) =>
    new Promise((resolve, reject) => {
      child.once('message', (reply: Reply) => (reply.ok ? resolve(reply) : reject(new Error(reply.error))));
      child.send(command);
    });
  return { call, stop: () => child.kill() };
}

const RAMP = [500, 750, 1000, 1250, 1500, 1750, 2000, 2500, 3000, 3500, 4000, 4500, 5000, 6000, 7000, 8000, 10000, 12000];
const isGood = (r: PhaseResult) => r.p99 <= 50 && r.delivered >= r.expected * 0.999;

interface Measured {
  mode: Mode;
  phase1: PhaseResult;
  ramp: PhaseResult[];
  maxPerSecond: number;
  kbPerConnection: number;
  rssMb: number;
}

function rss(): number {
  globalThis.gc?.();
  return process.memoryUsage().rss;
}

async function measure(mode: Mode, url: string, specs: ClientSpec[], opts: Options, call: Call): Promise<Measured> {
  const before = rss();
  await call({ cmd: 'connect', mode, url, clients: specs });
  await new Promise((r) => setTimeout(r, 2000));
  const kbPerConnection = (rss() - before) / 1024 / specs.length;
  log(`${mode}: ${specs.length} clients connected; phase 1: ${opts.rate} msg/s for ${opts.seconds} s`);
  const phase1 = (await call({ cmd: 'phase', rate: opts.rate, seconds: opts.seconds, drainMs: 2000 })).result!;
  const rssMb = process.memoryUsage().rss / 1024 / 1024;
  const ramp: PhaseResult[] = [];
  for (const rate of RAMP) {
    const r = (await call({ cmd: 'phase', rate, seconds: opts.stepSeconds, drainMs: 1500 })).result!;
    ramp.push(r);
    log(`${mode}: ${rate} msg/s → p99 ${r.p99} ms, delivered ${((100 * r.delivered) / r.expected).toFixed(2)}%`);
    if (!isGood(r)) break;
  }
  await call({ cmd: 'disconnect' });
  const good = ramp.filter(isGood);
  return { mode, phase1, ramp, maxPerSecond: good.at(-1)?.rate ?? 0, kbPerConnection, rssMb };
}

function row(m: Measured) {
  const p = m.phase1;
  return {
    target: m.mode === 'product' ? 'AIO Chat' : 'bare ws',
    'p50 ms': p.p50,
    'p95 ms': p.p95,
    'p99 ms': p.p99,
    delivered: `${((100 * p.delivered) / p.expected).toFixed(3)}%`,
    'max msg/s': m.maxPerSecond,
    'deliveries/s': m.maxPerSecond * (p.expected / Math.max(1, p.sent)),
    'RSS MB': round(m.rssMb, 0),
    'KB/conn idle': round(m.kbPerConnection, 1),
  };
}

export async function run(args: string[]): Promise<void> {
  const opts = parseOptions(args);
  const clients = startClientProcess();
  try {
    const product = await startProduct();
    log(`seeding ${opts.clients} members over ${opts.channels} channels on ${product.dbLabel}…`);
    const specs = await seedFanout(product.app, product.url, opts.clients, opts.channels);
    const ours = await measure('product', product.url, specs, opts, clients.call);
    await product.stop();

    const bare = await startBareServer();
    const baseline = await measure('bare', bare.url, specs, opts, clients.call);
    await bare.close();

    printTable(`fan-out: ${opts.clients} clients, ${opts.channels} channels, phase 1 at ${opts.rate} msg/s for ${opts.seconds} s (${product.dbLabel})`, [row(ours), row(baseline)]);
    printTable('ramp (msg/s → p99 ms, delivered)', RAMP.slice(0, Math.max(ours.ramp.length, baseline.ramp.length)).map((rate, i) => ({
      'msg/s': rate,
      'AIO p99': ours.ramp[i]?.p99 ?? '',
      'AIO delivered': ours.ramp[i] ? `${((100 * ours.ramp[i]!.delivered) / ours.ramp[i]!.expected).toFixed(2)}%` : '',
      'ws p99': baseline.ramp[i]?.p99 ?? '',
      'ws delivered': baseline.ramp[i] ? `${((100 * baseline.ramp[i]!.delivered) / baseline.ramp[i]!.expected).toFixed(2)}%` : '',
    })));
    const ratio = baseline.maxPerSecond ? ours.maxPerSecond / baseline.maxPerSecond : 0;
    process.stdout.write(
      `\nfanout: p99_ms=${ours.phase1.p99} max_per_s=${ours.maxPerSecond} ratio_vs_ws=${round(ratio, 3)} kb_per_conn=${round(ours.kbPerConnection, 1)}\n`,
    );
  } finally {
    clients.stop();
  }
}
