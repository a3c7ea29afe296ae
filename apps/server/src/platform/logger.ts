import type { FastifyBaseLogger } from 'fastify';
import type { LoggerOptions } from 'pino';

/** The logger every part gets: Fastify's request loggers and pino children alike. */
export type Logger = FastifyBaseLogger;

/** Never log credentials, cookies or message bodies. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-api-key"]',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
        '*.secret',
      ],
      censor: '[redacted]',
    },
  };
}
