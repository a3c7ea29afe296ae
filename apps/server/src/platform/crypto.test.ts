import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeyRing, isEnvelope } from './crypto';

describe('envelope encryption', () => {
  it('round-trips text, with a fresh IV each time', () => {
    const ring = createKeyRing(randomBytes(32));
    const a = ring.encrypt('JBSWY3DPEHPK3PXP ✓');
    const b = ring.encrypt('JBSWY3DPEHPK3PXP ✓');
    expect(a).not.toBe(b);
    expect(isEnvelope(a)).toBe(true);
    expect(ring.decrypt(a)).toBe('JBSWY3DPEHPK3PXP ✓');
  });

  it('opens envelopes sealed by a previous key after rotation, and says they are stale', () => {
    const oldKey = randomBytes(32);
    const sealed = createKeyRing(oldKey).encrypt('secret');
    const rotated = createKeyRing(randomBytes(32), [oldKey]);
    expect(rotated.decrypt(sealed)).toBe('secret');
    expect(rotated.isStale(sealed)).toBe(true);
    expect(rotated.isStale(rotated.encrypt('secret'))).toBe(false);
    expect(() => createKeyRing(randomBytes(32)).decrypt(sealed)).toThrow(/no encryption key with id/);
  });

  it('refuses tampered ciphertext', () => {
    const ring = createKeyRing(randomBytes(32));
    const sealed = ring.encrypt('amount=10');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    expect(() => ring.decrypt([...parts.slice(0, 3), body.toString('base64url')].join('.'))).toThrow();
  });
});
