import type { Writable } from 'node:stream';
import type { ServerFrame } from '@aio/contracts';
import { describe, expect, it } from 'vitest';
import * as ws from 'ws';
import { encodeFrame } from './connection';

/** ws's own frame parser, as a client runs it: the judge of whether our wire bytes are WebSocket frames. */
const Receiver = (ws as unknown as { Receiver: new (options: { isServer: boolean }) => Writable }).Receiver;

function decode(wire: Buffer): { text: string; isBinary: boolean } {
  const receiver = new Receiver({ isServer: false });
  let decoded: { text: string; isBinary: boolean } | undefined;
  receiver.on('message', (data: Buffer, isBinary: boolean) => (decoded = { text: data.toString('utf8'), isBinary }));
  receiver.on('error', (err) => {
    throw err;
  });
  receiver.write(wire);
  if (!decoded) throw new Error('no message decoded');
  return decoded;
}

describe('encodeFrame', () => {
  // The three length encodings of RFC 6455 §5.2: 7 bits (2-byte header), 16 bits (4), 64 bits (10).
  it.each([
    ['under 126 bytes', 10, 2],
    ['up to 64 KiB', 700, 4],
    ['over 64 KiB', 25_000, 10],
  ])('frames a payload %s as one text frame a client reads back exactly', (_, repeats, headerLength) => {
    // Two- and four-byte UTF-8 characters: the length is counted in bytes, not characters.
    const frame: ServerFrame = { type: 'error', error: { code: 'X', message: 'é🙂'.repeat(repeats) } };
    const json = JSON.stringify(frame);
    const wire = encodeFrame(frame);
    expect(wire.length).toBe(headerLength + Buffer.byteLength(json));
    expect(decode(wire)).toEqual({ text: json, isBinary: false });
  });
});
