import { AsyncLocalStorage, executionAsyncId } from 'node:async_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { signUpVerified } from '../../../test/users';
import { disableStoragesWhenIdle } from './idle-storages';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * Whether promises are tracked by async hooks right now: with the hooks on,
 * every awaited continuation runs in an async resource of its own.
 */
async function promiseHooksOn(): Promise<boolean> {
  const ids = await Promise.all([0, 1].map(async () => (await null, executionAsyncId())));
  return ids[0] !== ids[1];
}

describe('disableStoragesWhenIdle', () => {
  it('keeps every storage while a run is under way and disables them when the last one settles', async () => {
    const endpoint = new AsyncLocalStorage<string>();
    const adapter = new AsyncLocalStorage<string>();
    disableStoragesWhenIdle([endpoint, adapter]);

    const gate = deferred();
    let leftBehind: Promise<string | undefined> | undefined;
    const long = endpoint.run('request A', async () => {
      await gate.promise;
      const leftOver = deferred();
      // Work the run starts and does not await: it reads the storage after the run has ended.
      leftBehind = leftOver.promise.then(() => endpoint.getStore());
      setTimeout(leftOver.resolve, 20);
      return endpoint.getStore();
    });
    // A shorter run, on the other storage, ends first: it must not take the store from the longer one.
    expect(await adapter.run('transaction', async () => (await null, adapter.getStore()))).toBe('transaction');
    expect(adapter.run('sync', () => adapter.getStore())).toBe('sync');
    expect(() =>
      endpoint.run('throws', () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    gate.resolve();
    expect(await long).toBe('request A');

    expect(await leftBehind).toBeUndefined();
    expect(await endpoint.run('request B', async () => (await null, endpoint.getStore()))).toBe('request B');
  });
});

describe("better-auth's storages", () => {
  let t: TestApp;
  beforeEach(async () => (t = await createTestApp()));
  afterEach(async () => t.close());

  it('leave promise hooks off once sign-up, verification and sign-in have finished', async () => {
    const { client } = await signUpVerified(t);
    const me = await client.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(await promiseHooksOn()).toBe(false);
  });
});
