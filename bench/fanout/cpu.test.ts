import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { cpuPerMessage, cpuRow, cpuSnapshot, cpuUsedSince, machineShareSince, machineSnapshot, mainThreadWait, parseSchedstat, waitDelta, waitRow } from './cpu';

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
    // Both threads were put on a core at least once; how long they waited for one depends on the machine.
    expect(cpu.waits.serverMain!.runs).toBeGreaterThan(0);
    expect(cpu.waits.serverBusiestOther!.runs).toBeGreaterThan(0);
    expect(cpu.waits.serverMain!.us).toBeGreaterThanOrEqual(0);
  });

  it('tells how long each busy thread waited for a core, in all and per run', () => {
    const before = mainThreadWait()!;
    // Sleeping gives up the core, so each wake-up puts the thread on one again (a spin may keep it there throughout).
    const cell = new Int32Array(new SharedArrayBuffer(4));
    for (let i = 0; i < 3; i++) Atomics.wait(cell, 0, 0, 2);
    const waited = waitDelta(before, mainThreadWait())!;
    expect(waited.runs).toBeGreaterThan(0);
    expect(waited.us).toBeGreaterThanOrEqual(0);
    const serverCpu = { totalUs: 0, mainUs: 0, busiestOtherUs: 0, restUs: 0, mainWait: { us: 12_400, runs: 40 }, busiestOtherWait: null };
    expect(waitRow('AIO Chat', cpuPerMessage(serverCpu, 0, 1, null, { us: 3_000, runs: 1_000 }))).toEqual({
      target: 'AIO Chat',
      'server main': '12 ms, 310 µs a run',
      'its busiest other thread': 'n/a',
      'client process main': '3 ms, 3 µs a run',
    });
    expect(waitDelta(null, waited)).toBeNull();
  });

  it('reads a thread’s run time, wait and runs from its schedstat line', () => {
    expect(parseSchedstat('123456789 5000000 42\n')).toEqual({ ranUs: 123_456.789, wait: { us: 5_000, runs: 42 } });
  });

  it('says n/a for the threads where /proc has no per-thread times', () => {
    const cpu = cpuPerMessage(cpuUsedSince({ processUs: 1_000, threads: {} }, { processUs: 2_000, threads: {} }), 500, 1);
    expect(cpuRow('bare ws', cpu)).toEqual({
      target: 'bare ws',
      'server main': 'n/a',
      'its busiest other thread': 'n/a',
      'its other threads': 'n/a',
      clients: 500,
      total: 1_500,
      'machine busy': 'n/a',
      'stolen by host': 'n/a',
    });
  });

  it('reads the machine’s busy and stolen shares of a phase from /proc/stat', () => {
    // user nice system idle iowait irq softirq steal guest guest_nice, in ticks, summed over the vCPUs.
    const before = machineSnapshot('cpu  1000 0 200 5000 10 0 40 60 0 0\ncpu0 500 0 100 2500 5 0 20 30 0 0\n');
    const after = machineSnapshot('cpu  1300 10 250 5100 10 0 50 80 0 0\ncpu0 650 5 125 2550 5 0 25 40 0 0\n');
    expect(before).toEqual({ busy: 1_240, idle: 5_010, steal: 60 });
    // 370 ticks busy, 20 stolen, 100 idle.
    const share = machineShareSince(before, after)!;
    expect(share.busyPct).toBeCloseTo((100 * 370) / 490, 6);
    expect(share.stolenPct).toBeCloseTo((100 * 20) / 490, 6);
    const cpu = cpuPerMessage({ totalUs: 100, mainUs: 50, busiestOtherUs: 30, restUs: 20, mainWait: null, busiestOtherWait: null }, 100, 1, share);
    expect(cpuRow('AIO Chat', cpu)).toMatchObject({ 'machine busy': '75.5%', 'stolen by host': '4.1%' });
  });

  it('knows nothing of the machine without /proc/stat, or over no time', () => {
    expect(machineSnapshot('')).toBeNull();
    const same = machineSnapshot('cpu  1 2 3 4 5 6 7 8 0 0\n');
    expect(machineShareSince(same, same)).toBeNull();
    expect(machineShareSince(null, same)).toBeNull();
  });
});
