/**
 * One fan-out target (the product or the bare ws server) in its own process,
 * so its memory and CPU are its own. Driven by the orchestrator over IPC.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { Registry } from 'prom-client';
import { startProduct } from '../lib/product';
import { startBareServer } from './bare-server';
import { type CpuSnapshot, cpuSnapshot, cpuUsedSince, type ServerCpu } from './cpu';
import type { ClientSpec, Mode } from './protocol';
import { seedFanout } from './seed';
import { type StageRow, snapshotStages, type StagesSnapshot, stageRows } from './stages';

export type ServerCommand =
  | { cmd: 'start'; mode: Mode; clients: number; channels: number }
  | { cmd: 'memory' }
  | { cmd: 'profile'; action: 'start' | 'stop'; file?: string; allocations?: boolean }
  | { cmd: 'phase'; action: 'mark' | 'read' }
  | { cmd: 'stop' };
export type ServerReply =
  | { ok: true; url?: string; specs?: ClientSpec[]; dbLabel?: string; rss?: number; heap?: number; stages?: StageRow[]; cpu?: ServerCpu }
  | { ok: false; error: string };

let stop: (() => Promise<void>) | undefined;
/** The product's metrics registry (the bare server has none). */
let registry: Registry | undefined;
let mark: { stages?: StagesSnapshot; cpu: CpuSnapshot } | undefined;

async function start(mode: Mode, clients: number, channels: number): Promise<ServerReply> {
  if (mode === 'bare') {
    const bare = await startBareServer();
    stop = bare.close;
    const specs = Array.from({ length: clients }, (_, i) => ({ room: i % channels }));
    return { ok: true, url: bare.url, specs, dbLabel: 'none' };
  }
  const product = await startProduct();
  stop = product.stop;
  registry = product.app.deps.metrics.registry;
  const specs = await seedFanout(product.app, product.url, clients, channels);
  return { ok: true, url: product.url, specs, dbLabel: product.dbLabel };
}

function memory(): ServerReply {
  globalThis.gc?.();
  const m = process.memoryUsage();
  return { ok: true, rss: m.rss, heap: m.heapUsed + m.external };
}

let inspector: Session | undefined;
let samplingAllocations = false;

/**
 * CPU profile of a phase only (AIO_BENCH_PROFILE=1), without the seeding
 * before it; with `allocations`, also a sampling profile of every allocation
 * of the phase, collected or not (what makes the garbage collector run).
 */
async function profile(action: 'start' | 'stop', file = 'phase.cpuprofile', allocations = false): Promise<ServerReply> {
  if (action === 'start') {
    inspector = new Session();
    inspector.connect();
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.start');
    samplingAllocations = allocations;
    // The two include… flags keep samples of objects already collected; the protocol types predate them.
    const everything = { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true };
    if (allocations) await inspector.post('HeapProfiler.startSampling', everything as { samplingInterval: number });
  } else if (inspector) {
    if (samplingAllocations) {
      const { profile: heap } = await inspector.post('HeapProfiler.stopSampling');
      writeFileSync(file.replace(/\.cpuprofile$/, '.heapprofile'), JSON.stringify(heap));
    }
    const { profile: result } = await inspector.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(result));
    inspector.disconnect();
  }
  return { ok: true };
}

/**
 * What a phase cost between a mark and a read: the CPU of every target, by
 * thread, and the product's message path stage by stage.
 */
async function phase(action: 'mark' | 'read'): Promise<ServerReply> {
  // The CPU window closes around the phase alone: reading the metrics registry
  // is the benchmark's own work, so it happens before a mark and after a read.
  const readStages = () => (registry ? snapshotStages(registry) : undefined);
  if (action === 'mark') {
    const stages = await readStages();
    mark = { stages, cpu: cpuSnapshot() };
    return { ok: true };
  }
  if (!mark) return { ok: false, error: 'phase read without a mark' };
  const cpu = cpuUsedSince(mark.cpu);
  const stages = await readStages();
  return { ok: true, cpu, stages: mark.stages && stages ? stageRows(mark.stages, stages) : undefined };
}

async function handle(command: ServerCommand): Promise<ServerReply> {
  switch (command.cmd) {
    case 'start':
      return start(command.mode, command.clients, command.channels);
    case 'memory':
      return memory();
    case 'profile':
      return profile(command.action, command.file, command.allocations);
    case 'phase':
      return phase(command.action);
    case 'stop':
      await stop?.();
      setImmediate(() => process.exit(0));
      return { ok: true };
  }
}

process.on('message', (command: ServerCommand) => {
  handle(command)
    .then((reply) => process.send!(reply))
    .catch((err: Error) => process.send!({ ok: false, error: err.stack ?? err.message } satisfies ServerReply));
});
