import type { AssignableRole, Role } from '@aio/contracts';

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  operator: 'Operator',
  member: 'Member',
  guest: 'Guest',
};

export const ROLE_DESCRIPTIONS: Record<AssignableRole, string> = {
  admin: 'Manages members, invites and settings',
  operator: 'Handles customer conversations',
  member: 'Takes part in team chat',
  guest: 'Limited access to shared channels',
};

export const ASSIGNABLE_ROLES: AssignableRole[] = ['admin', 'operator', 'member', 'guest'];
