import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import pino from 'pino';
import type { Config } from './config';
import { type Database, openDatabase } from './db/client';
import { personalAuditRoutes, workspaceAuditRoutes } from './modules/audit/index';
import { teamChatRoutes } from './modules/conversations/index';
import { exportRoutes } from './modules/conversations/routes/export';
import { searchRoutes } from './modules/conversations/routes/search';
import {
  accountRoutes,
  authenticateWith,
  authProxyRoutes,
  createBetterAuth,
  disableAuthStoragesWhenIdle,
  meRoutes,
  sessionCookieNames,
  type BetterAuth,
} from './modules/auth/index';
import { publicInviteRoutes, requireMembership, workspaceRoutes, workspaceScopedRoutes } from './modules/workspaces/index';
import { presenceRoutes, RealtimeGateway, type RealtimeOptions, realtimeRoutes, registerRealtimeJobs, scheduleRealtimeJobs } from './modules/realtime/index';
import type { Deps } from './platform/context';
import { createKeyRing, installKeyRing } from './platform/crypto';
import { createEventBus } from './platform/events/index';
import { registerAccessLog } from './platform/http/access-log';
import { registerCsrf } from './platform/http/csrf';
import { registerErrorHandler } from './platform/http/error-handler';
import { healthRoutes } from './platform/http/health';
import { registerOpenApi } from './platform/http/openapi';
import { registerRateLimit } from './platform/http/rate-limit';
import { registerRequestContext } from './platform/http/request-context';
import { registerSecurityHeaders } from './platform/http/security-headers';
import { findWebDist, registerWebApp } from './platform/http/static-web';
import { createJobQueue } from './platform/jobs/index';
import { loggerOptions } from './platform/logger';
import { createOutboxMailer, createSmtpMailer } from './platform/mail/mailer';
import { registerMailWorker } from './platform/mail/jobs';
import { createMetrics, registerHttpMetrics } from './platform/metrics';
import { connectRedis } from './platform/redis';

export interface BuildAppOptions {
  config: Config;
  /** An open, migrated database; the app owns and closes it. */
  database?: Database;
  /** Serve the built web app (default: when apps/web/dist exists). */
  webDist?: string | null;
  /** Take jobs from the queue (default true; the CLI only enqueues). */
  runJobs?: boolean;
  /** Shorter WebSocket timings and limits (tests). */
  realtime?: Partial<RealtimeOptions>;
}

declare module 'fastify' {
  interface FastifyInstance {
    auth: BetterAuth;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Assembles the server from its parts. Does not listen, migrate or seed: main.ts does. */
export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const { config } = opts;
  const log = pino(loggerOptions(config.logLevel));
  const app = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    // The access log (platform/http/access-log.ts) writes one line per request instead.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => void reply.header('x-request-id', req.id));

  installKeyRing(createKeyRing(config.encryptionKey, config.encryptionKeysPrevious));
  const database = opts.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize }));
  const redis = config.redisUrl ? connectRedis(config.redisUrl, log, 'main') : undefined;
  const metrics = createMetrics();
  const bus = await createEventBus({ redisUrl: config.redisUrl, prefix: config.redisPrefix, log });
  const jobs = createJobQueue({ db: database.db, redisUrl: config.redisUrl, prefix: config.redisPrefix, log, metrics });
  const deps: Deps = { config, database, db: database.db, bus, jobs, metrics, log, redis };
  const mailer = config.smtpUrl ? createSmtpMailer(config.smtpUrl, config.mailFrom) : createOutboxMailer(config.dataDir, config.mailFrom, log);
  registerMailWorker(jobs, mailer);
  registerRealtimeJobs(jobs, database.db);
  const realtime = new RealtimeGateway(deps, opts.realtime);
  const auth = createBetterAuth({ config, db: database.db, jobs, log });
  await disableAuthStoragesWhenIdle();
  app.decorate('auth', auth);

  registerRequestContext(app, deps);
  await app.register(cookie);
  registerErrorHandler(app);
  await registerSecurityHeaders(app, config.publicUrl);
  registerCsrf(app, { publicUrl: config.publicUrl, sessionCookieNames: sessionCookieNames(config), secureCookies: config.publicUrl.startsWith('https:') });
  await registerRateLimit(app, { redis, namespace: config.redisPrefix });
  await registerOpenApi(app, config.publicUrl);
  registerHttpMetrics(app, metrics);
  registerAccessLog(app);
  // No per-message compression: its zlib state costs hundreds of KB per socket.
  await app.register(websocket, { options: { maxPayload: 64 * 1024, perMessageDeflate: false } });

  await app.register(healthRoutes);
  await app.register(authProxyRoutes, { auth, perMinute: config.rateLimits.authPerMinute });
  await app.register(
    async (v1) => {
      await v1.register(accountRoutes, { auth });
      await v1.register(publicInviteRoutes, { perMinute: config.rateLimits.publicPerMinute });
      await v1.register(realtimeRoutes, { gateway: realtime, auth });
      await v1.register(async (authed) => {
        authed.addHook('onRequest', authenticateWith(auth));
        await authed.register(meRoutes, { auth });
        await authed.register(personalAuditRoutes);
        await authed.register(workspaceRoutes);
        await authed.register(
          async (scoped) => {
            scoped.addHook('onRequest', requireMembership);
            await scoped.register(workspaceScopedRoutes);
            await scoped.register(teamChatRoutes);
            await scoped.register(searchRoutes);
            await scoped.register(exportRoutes);
            await scoped.register(workspaceAuditRoutes);
            await scoped.register(presenceRoutes, { gateway: realtime });
          },
          { prefix: '/workspaces/:workspaceId' },
        );
      });
    },
    { prefix: '/api/v1' },
  );
  await registerWebApp(app, opts.webDist === undefined ? findWebDist() : (opts.webDist ?? undefined));

  if (opts.runJobs !== false) app.addHook('onReady', async () => jobs.start());
  if (opts.runJobs !== false) app.addHook('onReady', () => scheduleRealtimeJobs(jobs));
  app.addHook('onClose', async () => {
    await realtime.close();
    await jobs.stop();
    await bus.close();
    mailer.close();
    await redis?.quit().catch(() => undefined);
    await database.close();
  });
  return app;
}
