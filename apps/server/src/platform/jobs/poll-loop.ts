import type { Logger } from 'pino';

export interface PollLoop {
  start(): void;
  /** Runs a tick now (or right after the one in progress) instead of at the next interval. */
  wake(): void;
  /** No further ticks; resolves when the one in progress has ended. */
  stop(): Promise<void>;
}

/**
 * Runs `tick` every `intervalMs`, never two at once. A wake during a tick
 * queues exactly one more tick, so a burst of enqueues costs one extra poll,
 * not one each.
 */
export function createPollLoop(tick: () => Promise<void>, intervalMs: number, log: Logger): PollLoop {
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | undefined;
  let again = false;

  function afterTick(): void {
    current = undefined;
    if (!running) return;
    if (again) {
      again = false;
      run();
    } else {
      timer = setTimeout(run, intervalMs);
    }
  }

  function run(): void {
    if (!running) return;
    if (current) {
      again = true;
      return;
    }
    clearTimeout(timer);
    // A failed poll (database briefly unreachable) is logged and tried again next interval.
    current = tick()
      .catch((err) => log.error({ err }, 'job queue poll failed'))
      .finally(afterTick);
  }

  return {
    start() {
      if (running) return;
      running = true;
      run();
    },
    wake: run,
    async stop() {
      running = false;
      clearTimeout(timer);
      await current;
    },
  };
}
