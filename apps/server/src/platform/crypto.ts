import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * AES-256-GCM envelope for data at rest. An envelope names the key that sealed
 * it, so keys can rotate: the current key seals, every known key opens.
 *
 *   v1.<keyId>.<iv base64url>.<ciphertext+tag base64url>
 */
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface KeyRing {
  readonly currentKeyId: string;
  encrypt(plaintext: string): string;
  decrypt(envelope: string): string;
  /** True when the envelope was sealed by a key other than the current one. */
  isStale(envelope: string): boolean;
}

export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

export function isEnvelope(value: string): boolean {
  return /^v1\.[0-9a-f]{8}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(value);
}

export function createKeyRing(current: Buffer, previous: Buffer[] = []): KeyRing {
  for (const k of [current, ...previous]) {
    if (k.length !== 32) throw new Error('encryption keys must be 32 bytes');
  }
  const keys = new Map<string, Buffer>();
  for (const k of [current, ...previous]) keys.set(keyIdOf(k), k);
  const currentKeyId = keyIdOf(current);

  return {
    currentKeyId,
    encrypt(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${VERSION}.${currentKeyId}.${iv.toString('base64url')}.${body.toString('base64url')}`;
    },
    decrypt(envelope) {
      const [version, keyId, ivPart, bodyPart] = envelope.split('.');
      if (version !== VERSION || !keyId || !ivPart || !bodyPart) throw new Error('not an encrypted envelope');
      const key = keys.get(keyId);
      if (!key) throw new Error(`no encryption key with id ${keyId} is configured`);
      const body = Buffer.from(bodyPart, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(ivPart, 'base64url'));
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    },
    isStale(envelope) {
      return envelope.split('.')[1] !== currentKeyId;
    },
  };
}

/*
 * Columns declared with `encryptedText` seal and open values as rows pass
 * through Drizzle, including rows written by better-auth's adapter. A column
 * codec cannot take arguments per query, so the ring is process-wide; the
 * server installs it at start-up, before the first query.
 */
let activeRing: KeyRing | undefined;

export function installKeyRing(ring: KeyRing): void {
  activeRing = ring;
}

export function activeKeyRing(): KeyRing {
  if (!activeRing) throw new Error('no encryption key ring installed');
  return activeRing;
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
