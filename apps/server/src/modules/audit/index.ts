export { recordAudit, type AuditInput } from './service';
export { personalAuditRoutes, workspaceAuditRoutes } from './routes';
export type { AuditEvents } from './events';
