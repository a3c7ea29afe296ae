import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '@aio/contracts';
import { errorBody } from './error-handler';

const Check = z.enum(['ok', 'failed', 'absent']);

/** Liveness, readiness (database, Redis) and Prometheus metrics. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/healthz',
    { schema: { tags: ['operations'], summary: 'The process is up', response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'The database (and Redis, when configured) answer',
        response: { 200: z.object({ status: z.literal('ready'), checks: z.record(z.string(), Check) }), 503: ErrorBody },
      },
    },
    async (req, reply) => {
      const { database, redis } = req.server.deps;
      const checks: Record<string, z.infer<typeof Check>> = { database: 'ok', redis: redis ? 'ok' : 'absent' };
      await database.ping().catch(() => (checks.database = 'failed'));
      if (redis) await redis.ping().catch(() => (checks.redis = 'failed'));
      if (Object.values(checks).includes('failed')) {
        return reply.status(503).send(errorBody('UNAVAILABLE', 'Not ready', checks));
      }
      return { status: 'ready' as const, checks };
    },
  );

  app.get(
    '/metrics',
    { schema: { tags: ['operations'], summary: 'Prometheus metrics (text exposition format)', produces: ['text/plain'] } },
    async (req, reply) => {
      const { registry } = req.server.deps.metrics;
      return reply.type(registry.contentType).send(await registry.metrics());
    },
  );
};
