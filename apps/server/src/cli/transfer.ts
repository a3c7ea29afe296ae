import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Command, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { EXPORT_FORMATS, type ExportFormat, type SlackImportSummary } from '@aio/contracts';
import type { FastifyInstance } from 'fastify';
import { findUserIdByEmail } from '../modules/auth/index';
import { exportWorkspace } from '../modules/conversations/service/export';
import { importSlackExport } from '../modules/conversations/service/import-slack';
import { openSlackExport } from '../modules/conversations/service/import-slack-source';
import { findMembershipRole, listMembers } from '../modules/workspaces/index';
import type { WorkspaceCtx } from '../platform/context';
import { AppError } from '../platform/errors';
import { withRuntime } from './runtime';

/**
 * `aio export` and `aio import slack`: the workspace's history out and in,
 * with a progress bar on stderr (also when stderr is not a terminal, one
 * line at a time) and the outcome on stdout.
 */
const out = (line: string) => process.stdout.write(`${line}\n`);

function progressBar(what: string): SingleBar {
  return new SingleBar({
    stream: process.stderr,
    format: `${what} [{bar}] {percentage}% | {value}/{total} messages | {duration_formatted}`,
    barCompleteChar: '#',
    barIncompleteChar: '-',
    hideCursor: true,
    noTTYOutput: true,
    notTTYSchedule: 1000,
  });
}

/**
 * The CLI acts as a person, so what it does is audited under a name: the
 * member given with --as (an owner or admin), else the workspace's owner.
 */
async function operatorCtx(app: FastifyInstance, workspaceId: string, asEmail?: string): Promise<WorkspaceCtx> {
  const deps = app.deps;
  let userId: string | undefined;
  if (asEmail) {
    userId = await findUserIdByEmail(deps, asEmail);
    if (!userId) throw new AppError('NOT_FOUND', `no user with e-mail ${asEmail}`);
  } else {
    // Listing members needs only the workspace id; the actor is filled in once the owner is known.
    const lookup: WorkspaceCtx = { ...deps, actor: { userId: '', ip: null, via: 'system' }, workspaceId, role: 'guest' };
    userId = (await listMembers(lookup)).find((m) => m.role === 'owner')?.userId;
  }
  const role = userId ? await findMembershipRole(deps, workspaceId, userId) : undefined;
  if (!userId || !role) throw new AppError('NOT_FOUND', asEmail ? `${asEmail} is not a member of workspace ${workspaceId}` : `no workspace with id ${workspaceId}`);
  return { ...deps, actor: { userId, ip: null, via: 'system' }, workspaceId, role };
}

async function runExport(o: { workspace: string; format: ExportFormat; out: string; as?: string }): Promise<void> {
  const written = await withRuntime(async (app) => {
    const ctx = await operatorCtx(app, o.workspace, o.as);
    const bar = progressBar('exporting');
    let done = 0;
    const doc = await exportWorkspace(ctx, { format: o.format, onMessages: (n) => bar.update((done += n)) });
    bar.start(doc.totalMessages, 0);
    try {
      await pipeline(Readable.from(doc.chunks), createWriteStream(o.out));
    } finally {
      bar.stop();
    }
    return done;
  });
  out(`exported ${written} messages to ${o.out}`);
}

export function summaryLine(s: SlackImportSummary): string {
  const skipped = Object.entries(s.skipped).map(([reason, n]) => `${n} ${reason}`);
  return [
    `users: ${s.users.created} created, ${s.users.matched} matched`,
    `conversations: ${s.conversations.created} created, ${s.conversations.updated} updated${s.conversations.skipped ? `, ${s.conversations.skipped} skipped` : ''}`,
    `messages: ${s.messages}`,
    `threads: ${s.threads}`,
    `reactions: ${s.reactions}`,
    `skipped: ${skipped.length ? skipped.join(', ') : 'none'}`,
  ].join('; ');
}

async function runSlackImport(location: string, o: { workspace: string; as?: string }): Promise<void> {
  const summary = await withRuntime(async (app) => {
    const ctx = await operatorCtx(app, o.workspace, o.as);
    const source = await openSlackExport(location);
    const bar = progressBar('importing');
    let done = 0;
    try {
      return await importSlackExport(ctx, app.auth, source, { onStart: (total) => bar.start(total, 0), onProgress: (n) => bar.update((done += n)) });
    } finally {
      bar.stop();
      await source.close();
    }
  });
  out(`imported from Slack: ${summaryLine(summary)}`);
}

export function registerTransferCommands(program: Command): void {
  program
    .command('export')
    .description('export a whole workspace (every conversation) to a JSON or HTML file')
    .requiredOption('--workspace <id>', 'workspace id')
    .addOption(new Option('--format <format>', 'file format').choices([...EXPORT_FORMATS]).default('json'))
    .requiredOption('--out <file>', 'file to write')
    .option('--as <email>', 'act as this owner or admin (default: the owner)')
    .action(runExport);

  const imports = program.command('import').description('import history from another chat system');
  imports
    .command('slack <export>')
    .description('import a Slack workspace export (the .zip, or the folder it unpacks to); safe to run again')
    .requiredOption('--workspace <id>', 'workspace id')
    .option('--as <email>', 'act as this owner or admin (default: the owner)')
    .action(runSlackImport);
}
