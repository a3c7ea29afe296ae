import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { AppError } from '../errors';

/**
 * Registers @fastify/rate-limit without a global limit: routes opt in with
 * `config: { rateLimit: { max, timeWindow } }`. Counters live in Redis when
 * there is one, so every node counts against the same budget.
 */
export async function registerRateLimit(app: FastifyInstance, opts: { redis?: Redis; namespace: string }) {
  await app.register(rateLimit, {
    global: false,
    redis: opts.redis,
    nameSpace: `${opts.namespace}:rl:`,
    skipOnError: false,
    errorResponseBuilder: (_req, ctx) =>
      new AppError('RATE_LIMITED', `Too many requests; try again in ${Math.ceil(ctx.ttl / 1000)} s`, {
        details: { retryAfterSeconds: Math.ceil(ctx.ttl / 1000), limit: ctx.max },
      }),
  });
}
