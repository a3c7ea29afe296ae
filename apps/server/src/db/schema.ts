/*
 * Every table of every module, for Drizzle's migrations and the client's
 * relational typing. Modules import their own schema.ts, never this file's
 * other tables.
 */
export * from '../modules/auth/schema';
export * from '../modules/workspaces/schema';
export * from '../modules/audit/schema';
export * from '../platform/jobs/schema';
export * from '../platform/events/log-schema';
export * from '../modules/conversations/schema';
