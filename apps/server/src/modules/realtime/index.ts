export { RealtimeGateway } from './gateway';
export { presenceRoutes, realtimeRoutes } from './routes';
export { registerRealtimeJobs, scheduleRealtimeJobs, type RealtimeJobs } from './jobs';
export type { RealtimeOptions } from './limits';
export type { RealtimeEvents } from './events';
