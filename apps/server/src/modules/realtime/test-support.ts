import type { Message } from '@aio/contracts';
import { expect } from 'vitest';
import type { TestResponse } from '../../../test/client';
import type { TestSocket } from '../../../test/ws';

/** Anything that can POST as a signed-in caller: an in-process TestClient or an HttpClient to another process. */
export interface Poster {
  post(path: string, body: unknown): Promise<TestResponse>;
}

/** Sends `count` messages, `parallel` at a time, and returns their seqs. */
export async function sendMany(client: Poster, base: string, conversationId: string, count: number, parallel: number, tag: string): Promise<number[]> {
  const seqs: number[] = [];
  for (let start = 0; start < count; start += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - start) }, (_, i) =>
      client.post(`${base}/conversations/${conversationId}/messages`, { clientId: `${tag}-${start + i}`, body: `${tag} ${start + i}` }),
    );
    for (const res of await Promise.all(batch)) {
      expect(res.status, res.text).toBe(201);
      seqs.push((res.body as Message).seq);
    }
  }
  return seqs;
}

export const messageSeqs = (socket: TestSocket) => socket.events('message.created').map((e) => e.seq);

/**
 * What a client saw across a drop and a resume: every message sent exactly
 * once, and after `lastSeq` every seq in order with none missing.
 */
export function expectSeamless(before: TestSocket, after: TestSocket, lastSeq: number, sent: number[]): void {
  const received = [...messageSeqs(before), ...messageSeqs(after)];
  expect(received.length).toBe(sent.length);
  expect(received).toEqual([...sent].sort((x, y) => x - y));
  const resumed = after.events().map((e) => e.seq);
  expect(resumed).toEqual(Array.from({ length: resumed.length }, (_, i) => lastSeq + 1 + i));
}
