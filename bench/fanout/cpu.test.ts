import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { cpuPerMessage, cpuRow, cpuSnapshot, cpuUsedSince } from './cpu';

/**
 * Burns `ms` of the process's CPU, not of wall time: on a loaded machine a
 * thread spinning for 60 ms of wall time may get only half of it on a core.
 * The process's other threads are idle meanwhile, so it is this thread's.
 */
const spin = (ms: number) => {
  const start = process.cpuUsage();
  const used = () => {
    const { user, system } = process.cpuUsage(start);
    return user + system;
  };
  while (used() < ms * 1000);
};

describe('fan-out CPU per message', () => {
  it('splits the process into its main thread, its busiest other thread and the rest, per message sent', async () => {
    const before = cpuSnapshot();
    spin(60);
    // A thread of its own, as PGlite's is, still running when the phase is read: its time is not the main thread's.
    const code = `const { parentPort } = require('node:worker_threads');
      (${spin.toString()})(120);
      parentPort.postMessage('spun'); parentPort.once('message', () => process.exit(0));`;
    const worker = new Worker(code, { eval: true });
    await new Promise((resolve) => worker.once('message', resolve));
    const after = cpuSnapshot();
    worker.postMessage('exit');
    await new Promise((resolve) => worker.once('exit', resolve));
    const cpu = cpuPerMessage(cpuUsedSince(before, after), 30_000, 10);
    const { server } = cpu;

    expect(server.mainUs).toBeGreaterThanOrEqual(5_000);
    expect(server.busiestOtherUs).toBeGreaterThanOrEqual(10_000);
    // The process total (getrusage) and the threads' times (schedstat) are two clocks: close, not equal.
    expect(server.totalUs).toBeGreaterThanOrEqual(0.9 * (server.mainUs! + server.busiestOtherUs!));
    expect(server.restUs).toBeGreaterThanOrEqual(0);
    expect(cpu.clientsUs).toBe(3_000);
    expect(cpuRow('AIO Chat', cpu).total).toBe(Math.round(server.totalUs + 3_000));
  });

  it('says n/a for the threads where /proc has no per-thread times', () => {
    const cpu = cpuPerMessage(cpuUsedSince({ processUs: 1_000, threadsUs: {} }, { processUs: 2_000, threadsUs: {} }), 500, 1);
    expect(cpuRow('bare ws', cpu)).toEqual({ target: 'bare ws', 'server main': 'n/a', 'its busiest other thread': 'n/a', 'its other threads': 'n/a', clients: 500, total: 1_500 });
  });
});
