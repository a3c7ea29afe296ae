import type { Role } from '@aio/contracts';

export const canReadAuditLog = (role: Role) => role === 'owner' || role === 'admin';
