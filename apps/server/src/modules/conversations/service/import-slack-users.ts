import { Email } from '@aio/contracts';
import type { BetterAuth } from '../../auth/index';
import { addMember, findMembershipRole } from '../../workspaces/index';
import type { WorkspaceCtx } from '../../../platform/context';
import type { SlackExport, SlackUser } from './import-slack-format';

/**
 * Slack people → our users. The link is kept as an account row of provider
 * "slack-import" (accountId = team:user), so a second import of the same
 * export finds the same people even when the export has no e-mail addresses.
 * Such an account holds no password: nobody signs in with it.
 */
export const SLACK_IMPORT_PROVIDER = 'slack-import';

export interface ImportedPerson {
  userId: string;
  name: string;
}

export interface ImportedUsers {
  bySlackId: Map<string, ImportedPerson>;
  /** Slack ids of bot users (users.json `is_bot`), with their names. */
  bots: Map<string, string>;
  created: number;
  matched: number;
}

const NAME_MAX = 120;

export function displayNameOf(u: SlackUser): string {
  const name = [u.profile?.real_name, u.real_name, u.profile?.display_name, u.name].find((n) => n && n.trim() !== '') ?? u.id;
  return name.trim().slice(0, NAME_MAX);
}

/** People without an e-mail in the export get a reserved, undeliverable address (RFC 2606 `.invalid`). */
function emailOf(u: SlackUser, teamId: string): string {
  const given = Email.safeParse(u.profile?.email ?? '');
  return given.success ? given.data : `${u.id}.${teamId}@slack-import.invalid`.toLowerCase();
}

async function findOrCreateUser(auth: BetterAuth, u: SlackUser, teamId: string): Promise<{ userId: string; created: boolean }> {
  const adapter = (await auth.$context).internalAdapter;
  const accountKey = { providerId: SLACK_IMPORT_PROVIDER, accountId: `${teamId}:${u.id}` };
  const linked = await adapter.findAccountOwnerByKey(accountKey);
  if (linked?.kind === 'owned') return { userId: linked.user.id, created: false };
  const email = emailOf(u, teamId);
  const existing = await adapter.findUserByEmail(email);
  const user = existing?.user ?? (await adapter.createUser({ email, name: displayNameOf(u), emailVerified: false, image: null }, { method: 'admin' }));
  await adapter.linkAccount({ userId: user.id, ...accountKey });
  return { userId: user.id, created: !existing };
}

/**
 * Finds or creates every person of the export and makes the active ones
 * members of the workspace (role member). Deactivated Slack accounts become
 * users, so their messages keep an author, but not members.
 */
export async function importSlackUsers(ctx: WorkspaceCtx, auth: BetterAuth, exp: SlackExport): Promise<ImportedUsers> {
  const out: ImportedUsers = { bySlackId: new Map(), bots: new Map(), created: 0, matched: 0 };
  for (const u of exp.users) {
    if (u.is_bot || u.id === 'USLACKBOT') {
      out.bots.set(u.id, displayNameOf(u));
      continue;
    }
    const { userId, created } = await findOrCreateUser(auth, u, u.team_id ?? exp.teamId);
    if (created) out.created += 1;
    else out.matched += 1;
    out.bySlackId.set(u.id, { userId, name: displayNameOf(u) });
    if (!u.deleted && !(await findMembershipRole(ctx, ctx.workspaceId, userId))) await addMember(ctx, userId, 'member');
  }
  return out;
}
