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
  // The three length encodings of RFC 6455 §5.2: 7 bits, 16 bits, 64 bits.
  it.each([
    ['under 126 bytes', 10],
    ['up to 64 KiB', 2_000],
    ['over 64 KiB', 70_000],
  ])('frames a payload %s as one text frame a client reads back exactly', (_, bodyLength) => {
    const frame = { type: 'error', error: { code: 'X', message: 'é🙂'.repeat(Math.ceil(bodyLength / 6)).slice(0, bodyLength) } } as ServerFrame;
    const wire = encodeFrame(frame);
    const json = JSON.stringify(frame);
    expect(wire.length - Buffer.byteLength(json)).toBe(Buffer.byteLength(json) < 126 ? 2 : Buffer.byteLength(json) < 65_536 ? 4 : 10);
    expect(decode(wire)).toEqual({ text: json, isBinary: false });
  });
});
