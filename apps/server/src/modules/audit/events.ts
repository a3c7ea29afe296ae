export interface AuditEvents {
  'audit.recorded': { workspaceId: string | null; entryId: number; action: string };
}
