import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  jobsProcessed: Counter<'job' | 'outcome'>;
  wsOpenSockets: Gauge;
  wsFramesDelivered: Counter;
  wsSlowConsumerDisconnects: Counter;
  messageStoreSeconds: Histogram;
  messageBatchWriteSeconds: Histogram;
  messageBatchSize: Histogram;
  wsEventFanoutSeconds: Histogram;
}

/** Seconds, from half a millisecond (a quiet write on PGlite) to seconds (a stalled database). */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.02, 0.035, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** One registry per app instance, so tests that build many apps do not collide. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  // prom-client's default GC buckets are 1, 10 and 100 ms: a 16 ms pause and a 90 ms one would read alike.
  collectDefaultMetrics({ register: registry, gcDurationBuckets: LATENCY_BUCKETS });
  return {
    registry,
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by method, route and status',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    jobsProcessed: new Counter({
      name: 'aio_jobs_processed_total',
      help: 'Background jobs processed, by job and outcome',
      labelNames: ['job', 'outcome'],
      registers: [registry],
    }),
    wsOpenSockets: new Gauge({ name: 'aio_ws_open_sockets', help: 'WebSocket connections open on this node', registers: [registry] }),
    wsFramesDelivered: new Counter({ name: 'aio_ws_frames_delivered_total', help: 'Frames sent to WebSocket clients', registers: [registry] }),
    wsSlowConsumerDisconnects: new Counter({
      name: 'aio_ws_slow_consumer_disconnects_total',
      help: 'WebSocket clients closed because their unsent buffer passed the limit',
      registers: [registry],
    }),
    // The message path, stage by stage: which one a slow delivery spent its time in.
    messageStoreSeconds: new Histogram({
      name: 'aio_message_store_seconds',
      help: 'From a send reaching the message writer to its message being stored: the wait for a batch and its write',
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    messageBatchWriteSeconds: new Histogram({
      name: 'aio_message_batch_write_seconds',
      help: 'One database write of a batch of messages, from the call to its result',
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    messageBatchSize: new Histogram({
      name: 'aio_message_batch_size',
      help: 'Messages per database write',
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 200],
      registers: [registry],
    }),
    wsEventFanoutSeconds: new Histogram({
      name: 'aio_ws_event_fanout_seconds',
      help: "Time to hand one event to this node's sockets of its audience",
      buckets: [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05],
      registers: [registry],
    }),
  };
}

export function registerHttpMetrics(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    metrics.httpDuration
      .labels(req.method, route, String(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
  });
}
