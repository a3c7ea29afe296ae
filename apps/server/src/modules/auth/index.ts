export { createBetterAuth, sessionCookieNames, type BetterAuth } from './better-auth';
export { disableAuthStoragesWhenIdle } from './idle-storages';
export { authenticateWith, resolveRequestAuth } from './authenticate';
export { findUserIdByEmail, findUserSummaries, type UserSummary } from './service';
export { accountRoutes, authProxyRoutes, meRoutes } from './routes';
export { createUserWithPassword } from './provisioning';
