import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The runtime contract: every environment variable the product reads, parsed in
 * one place. Nothing else in the server reads process.env.
 */

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));

function urlWithProtocols(protocols: string[], example: string) {
  return optionalString.refine(
    (v) => {
      if (v === undefined) return true;
      try {
        const u = new URL(v);
        return protocols.includes(u.protocol) && u.hostname !== '';
      } catch {
        return false;
      }
    },
    { message: `must be a URL like ${example}` },
  );
}

/** A 32-byte key, given as 64 hex characters or as base64 (44 characters). */
const key32 = (name: string) =>
  optionalString.transform((v, ctx) => {
    if (v === undefined) return undefined;
    const buf = /^[0-9a-fA-F]{64}$/.test(v) ? Buffer.from(v, 'hex') : Buffer.from(v, 'base64');
    if (buf.length !== 32 || (!/^[0-9a-fA-F]{64}$/.test(v) && buf.toString('base64') !== v)) {
      ctx.addIssue({
        code: 'custom',
        message: `${name} must be 32 bytes: 64 hex characters or 44 base64 characters`,
      });
      return z.NEVER;
    }
    return buf;
  });

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce
    .number({ message: 'must be a port number' })
    .int('must be a whole number')
    .min(0)
    .max(65535)
    .default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: urlWithProtocols(['postgres:', 'postgresql:'], 'postgres://user@host:5432/db'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  REDIS_URL: urlWithProtocols(['redis:', 'rediss:'], 'redis://127.0.0.1:6379'),
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9:_-]{1,40}$/, 'letters, digits, ":", "_" and "-" only')
    .default('aio'),
  APP_SECRET: optionalString.refine((v) => v === undefined || v.length >= 32, {
    message: 'must be at least 32 characters',
  }),
  ENCRYPTION_KEY: key32('ENCRYPTION_KEY'),
  ENCRYPTION_KEYS_PREVIOUS: optionalString.transform((v, ctx) => {
    if (v === undefined) return [] as Buffer[];
    return v.split(',').map((part) => {
      const buf = /^[0-9a-fA-F]{64}$/.test(part) ? Buffer.from(part, 'hex') : Buffer.from(part, 'base64');
      if (buf.length !== 32) ctx.addIssue({ code: 'custom', message: 'each key must be 32 bytes (hex or base64)' });
      return buf;
    });
  }),
  PUBLIC_URL: urlWithProtocols(['http:', 'https:'], 'https://chat.example.com'),
  SMTP_URL: urlWithProtocols(['smtp:', 'smtps:'], 'smtp://user:pass@mail.example.com:587'),
  MAIL_FROM: z.string().default('AIO Chat <no-reply@aio.localhost>'),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: urlWithProtocols(['http:', 'https:'], 'https://api.openai.com/v1'),
  ANTHROPIC_API_KEY: optionalString,
  AI_MODEL: optionalString,
  EMBEDDING_MODEL: optionalString,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  RATE_LIMIT_AUTH_PER_MIN: z.coerce.number().int().min(1).max(100000).default(10),
  RATE_LIMIT_PUBLIC_PER_MIN: z.coerce.number().int().min(1).max(1000000).default(120),
  HEAP_GROWTH_PERCENT: z.coerce.number().int().min(0).max(1000).default(100),
  DEMO_SEED: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  nodeEnv: Env['NODE_ENV'];
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  redisUrl: string | undefined;
  redisPrefix: string;
  appSecret: string;
  encryptionKey: Buffer;
  encryptionKeysPrevious: Buffer[];
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  ai: {
    openaiApiKey: string | undefined;
    openaiBaseUrl: string | undefined;
    anthropicApiKey: string | undefined;
    model: string | undefined;
    embeddingModel: string | undefined;
  };
  logLevel: Env['LOG_LEVEL'];
  trustProxy: boolean;
  rateLimits: { authPerMinute: number; publicPerMinute: number };
  /** How far the JavaScript heap may grow past what the last full collection kept (platform/heap-growth.ts); 0: V8's own choice. */
  heapGrowthPercent: number;
  demoSeed: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function formatIssue(issue: z.core.$ZodIssue): string {
  const variable = issue.path.join('.') || 'environment';
  return `${variable}: ${issue.message}`;
}

/** Secrets generated for the embedded mode live beside the data, readable by the owner only. */
function loadOrCreateEmbeddedSecrets(dataDir: string): { appSecret: string; encryptionKey: string } {
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  mkdirSync(dataDir, { recursive: true });
  const secrets = {
    appSecret: randomBytes(32).toString('base64url'),
    encryptionKey: randomBytes(32).toString('base64'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return secrets;
}

/**
 * Parses the environment. Throws ConfigError with one line naming the bad
 * variable. In embedded mode (no DATABASE_URL) missing secrets are generated
 * and persisted in DATA_DIR; with PostgreSQL they must be given, because other
 * nodes sharing the database need the same ones.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(`Invalid configuration: ${parsed.error.issues.map(formatIssue).join('; ')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  let appSecret = e.APP_SECRET;
  let encryptionKey = e.ENCRYPTION_KEY;
  if (!appSecret || !encryptionKey) {
    if (e.DATABASE_URL) {
      const missing = [!appSecret && 'APP_SECRET', !encryptionKey && 'ENCRYPTION_KEY'].filter(Boolean);
      throw new ConfigError(
        `Invalid configuration: ${missing.join(', ')} must be set when DATABASE_URL is set (generate one with: openssl rand -base64 32)`,
      );
    }
    const generated = loadOrCreateEmbeddedSecrets(dataDir);
    appSecret ??= generated.appSecret;
    encryptionKey ??= Buffer.from(generated.encryptionKey, 'base64');
  }
  const port = e.PORT;
  return Object.freeze({
    nodeEnv: e.NODE_ENV,
    port,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    appSecret,
    encryptionKey,
    encryptionKeysPrevious: e.ENCRYPTION_KEYS_PREVIOUS,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    ai: {
      openaiApiKey: e.OPENAI_API_KEY,
      openaiBaseUrl: e.OPENAI_BASE_URL,
      anthropicApiKey: e.ANTHROPIC_API_KEY,
      model: e.AI_MODEL,
      embeddingModel: e.EMBEDDING_MODEL,
    },
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    rateLimits: { authPerMinute: e.RATE_LIMIT_AUTH_PER_MIN, publicPerMinute: e.RATE_LIMIT_PUBLIC_PER_MIN },
    heapGrowthPercent: e.HEAP_GROWTH_PERCENT,
    demoSeed: e.DEMO_SEED,
  });
}
