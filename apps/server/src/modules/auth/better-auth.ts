import { randomUUID } from 'node:crypto';
import { apiKey } from '@better-auth/api-key';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { twoFactor } from 'better-auth/plugins';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { activeKeyRing } from '../../platform/crypto';
import type { JobQueue } from '../../platform/jobs/types';
import { sendMail } from '../../platform/mail/jobs';
import { accounts, apiKeys, sessions, twoFactors, users, verifications } from './schema';
import { resetPasswordMail, verificationMail } from './mails';

export const SESSION_COOKIE_PREFIX = 'aio';
export const API_KEY_PREFIX = 'aio_';

export function sessionCookieNames(config: Config): string[] {
  const base = `${SESSION_COOKIE_PREFIX}.session_token`;
  return config.publicUrl.startsWith('https:') ? [`__Secure-${base}`, base] : [base];
}

/**
 * better-auth owns passwords, sessions, e-mail verification, TOTP and API keys.
 * Its own rate limiter and CSRF check are off: the HTTP layer applies one
 * policy to every route (Redis-backed limits, Origin or double-submit token).
 */
export function createBetterAuth(opts: { config: Config; db: Db; jobs: JobQueue; log: Logger }) {
  const { config, db, jobs, log } = opts;
  return betterAuth({
    appName: 'AIO Chat',
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret: config.appSecret,
    trustedOrigins: [new URL(config.publicUrl).origin],
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: users, session: sessions, account: accounts, verification: verifications, twoFactor: twoFactors, apikey: apiKeys },
    }),
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: async ({ user, url }) => void (await sendMail(jobs, resetPasswordMail(user, url))),
    },
    emailVerification: {
      sendOnSignUp: true,
      sendOnSignIn: true,
      autoSignInAfterVerification: true,
      expiresIn: 60 * 60 * 24,
      sendVerificationEmail: async ({ user, url }) => void (await sendMail(jobs, verificationMail(user, url))),
    },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    plugins: [
      twoFactor({
        issuer: 'AIO Chat',
        backupCodeOptions: {
          storeBackupCodes: {
            encrypt: async (codes) => activeKeyRing().encrypt(codes),
            decrypt: async (sealed) => activeKeyRing().decrypt(sealed),
          },
        },
      }),
      apiKey({
        defaultPrefix: API_KEY_PREFIX,
        enableSessionForAPIKeys: false,
        requireName: true,
        keyExpiration: { minExpiresIn: 1, maxExpiresIn: 365 },
        rateLimit: { enabled: true, timeWindow: 60_000, maxRequests: 6000 },
      }),
    ],
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: SESSION_COOKIE_PREFIX,
      useSecureCookies: config.publicUrl.startsWith('https:'),
      disableCSRFCheck: true,
      database: { generateId: () => randomUUID() },
      ipAddress: { ipAddressHeaders: ['x-aio-client-ip'] },
    },
    telemetry: { enabled: false },
    logger: {
      level: config.logLevel === 'debug' || config.logLevel === 'trace' ? 'debug' : 'warn',
      log: (level, message, ...args) => log[level === 'debug' ? 'debug' : level]({ args }, message),
    },
  });
}

export type BetterAuth = ReturnType<typeof createBetterAuth>;
