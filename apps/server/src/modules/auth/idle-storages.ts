import type { AsyncLocalStorage } from 'node:async_hooks';
import {
  getCurrentAuthContextAsyncLocalStorage,
  getCurrentDBAdapterAsyncLocalStorage,
  getRequestStateAsyncLocalStorage,
} from '@better-auth/core/context';
import { isThenable } from '../../platform/thenable';

/**
 * Keeps `storages` enabled only while one of their `run` calls is under way.
 *
 * On Node 20 an enabled AsyncLocalStorage turns on promise hooks for the
 * whole process, and they stay on after its last `run` returns: from then on
 * every promise anywhere pays for them (a million `await`s took 1,000–1,550 ms
 * instead of 56–105 ms, and an HTTP send took about 9% more main-thread CPU;
 * docs/benchmarks.md).
 * Here each storage's `run` is counted until the promise its callback returns
 * settles; when none is left, every storage is disabled, which turns the hooks
 * off. The next `run` enables its storage again (Node's own `run` does that).
 *
 * Work that a finished run left behind without awaiting it reads `undefined`
 * from a disabled storage, exactly as code outside any run does.
 */
export function disableStoragesWhenIdle(storages: readonly AsyncLocalStorage<unknown>[]): void {
  for (const storage of storages) {
    if (counted.has(storage)) continue;
    counted.add(storage);
    const run = storage.run.bind(storage) as (store: unknown, callback: (...args: unknown[]) => unknown, ...args: unknown[]) => unknown;
    storage.run = ((store: unknown, callback: (...args: unknown[]) => unknown, ...args: unknown[]) => {
      running += 1;
      let result: unknown;
      try {
        result = run(store, callback, ...args);
      } catch (err) {
        finished();
        throw err;
      }
      if (isThenable(result)) result.then(finished, finished);
      else finished();
      return result;
    }) as typeof storage.run;
  }
}

/**
 * One count for every storage handed in, whichever call handed it: a run on
 * any of them keeps them all, so none is disabled under a run of another.
 */
const counted = new Set<AsyncLocalStorage<unknown>>();
let running = 0;

function finished(): void {
  running -= 1;
  if (running === 0) for (const storage of counted) storage.disable();
}

/**
 * better-auth's three storages (the endpoint, its request state and its
 * database adapter or transaction) are process-wide singletons: patching them
 * once covers every app and every way into better-auth, from the HTTP handler
 * to `internalAdapter` calls.
 */
export function disableAuthStoragesWhenIdle(): Promise<void> {
  authStorages ??= countAuthStorages();
  return authStorages;
}

/** Once per process: every app built after the first finds the storages counted already. */
let authStorages: Promise<void> | undefined;

async function countAuthStorages(): Promise<void> {
  // From Node 24 a storage lives in the async context frame and costs no hooks.
  if (Number(process.versions.node.split('.')[0]) >= 24) return;
  const storages = await Promise.all([
    getCurrentAuthContextAsyncLocalStorage(),
    getRequestStateAsyncLocalStorage(),
    getCurrentDBAdapterAsyncLocalStorage(),
  ]);
  disableStoragesWhenIdle(storages as AsyncLocalStorage<unknown>[]);
}
