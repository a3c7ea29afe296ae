import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SlackImportSummary } from '@aio/contracts';
import type { WorkspaceCtx } from '../../../platform/context';
import type { TestApp } from '../../../../test/app';
import type { Team } from '../test-support';
import { importSlackExport } from './import-slack';
import { openSlackExport } from './import-slack-source';

/** The real Slack export kept with the evaluation data (read-only). */
export const SAMPLE_SLACK_EXPORT = path.resolve(import.meta.dirname, '../../../../../../../shared/eval/exports/slack');

/** What a test acting as a workspace owner passes to the import service (the CLI builds the same). */
export function ownerCtx(t: TestApp, workspaceId: string, userId: string): WorkspaceCtx {
  return { ...t.app.deps, actor: { userId, ip: null, via: 'session' }, workspaceId, role: 'owner' };
}

/** Imports an export (folder or zip) into the team's workspace as its owner. */
export async function importAsOwner(t: TestApp, team: Team, location: string): Promise<SlackImportSummary> {
  const source = await openSlackExport(location);
  try {
    return await importSlackExport(ownerCtx(t, team.workspaceId, team.owner.userId), t.app.auth, source);
  } finally {
    await source.close();
  }
}

export type ExportFiles = Record<string, unknown>;

/** Writes a Slack export (file path → JSON, or raw text for broken files) into a fresh temp folder. */
export function writeSlackExport(files: ExportFiles): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aio-slack-'));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

const user = (id: string, name: string, email?: string) => ({ id, team_id: 'TTEAM', name: name.toLowerCase(), real_name: name, profile: { real_name: name, email } });

/**
 * A small export with what the sample lacks: threads (one broadcast reply),
 * mentions, a channel link, a private group, a DM, and one person whose
 * e-mail matches an existing account.
 */
export function generatedExport(existingEmail: string): ExportFiles {
  const members = ['U1', 'U2', 'U3'];
  return {
    'users.json': [user('U1', 'Ada Lovelace', existingEmail), user('U2', 'Grace'), user('U3', 'Linus'), { id: 'B9', name: 'deploybot', is_bot: true }],
    'channels.json': [{ id: 'C1', name: 'general', created: 1700000000, creator: 'U2', members, topic: { value: 'All &amp; everything' } }],
    'groups.json': [{ id: 'G1', name: 'secret-plans', created: 1700000000, creator: 'U2', members: ['U2', 'U3'] }],
    'dms.json': [{ id: 'D1', created: 1700000000, members: ['U2', 'U3'] }],
    'general/2023-11-15.json': [
      { type: 'message', user: 'U2', text: 'Deployment of <https://example.com/r|release 7> starts, <@U1> please watch <#C1|general>', ts: '1700000100.000100', thread_ts: '1700000100.000100', reactions: [{ name: 'eyes', users: ['U1', 'U3'] }] },
      { type: 'message', user: 'U1', text: 'on it &lt;3', ts: '1700000200.000200', thread_ts: '1700000100.000100' },
      { type: 'message', subtype: 'thread_broadcast', user: 'U3', text: 'rolled back, see thread', ts: '1700000300.000300', thread_ts: '1700000100.000100' },
      { type: 'message', user: 'U2', subtype: 'channel_join', text: '<@U2> has joined the channel', ts: '1700000050.000050' },
    ],
    'general/2023-11-16.json': [{ type: 'message', subtype: 'bot_message', bot_id: 'B9', username: 'deploybot', text: 'build 42 passed', ts: '1700090000.000001' }],
    'secret-plans/2023-11-15.json': [{ type: 'message', user: 'U3', text: 'the secret launch date', ts: '1700000400.000400' }],
    'D1/2023-11-15.json': [{ type: 'message', user: 'U2', text: 'psst, direct hello', ts: '1700000500.000500' }],
  };
}
