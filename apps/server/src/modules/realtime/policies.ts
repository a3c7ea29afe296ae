import { ROLES, type Role } from '@aio/contracts';

/**
 * Presence is workspace-wide, like the member list: every role, guests
 * included, sees who is around (they can message those people). Outsiders
 * never get here: the membership hook answers them with a 404.
 */
export const canViewPresence = (role: Role): boolean => ROLES.includes(role);
