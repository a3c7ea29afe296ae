import { Command, CommanderError } from 'commander';
import { z } from 'zod';
import { CreateWorkspaceBody, DisplayName, Email } from '@aio/contracts';
import { ConfigError, loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { createUserWithPassword, findUserIdByEmail } from '../modules/auth/index';
import { createWorkspace } from '../modules/workspaces/index';
import { AppError } from '../platform/errors';
import { randomToken } from '../platform/crypto';
import { DEMO_EMAIL, readDemoLogin, seedDemo } from '../seed';
import { withRuntime } from './runtime';
import { registerTransferCommands } from './transfer';

const out = (line: string) => process.stdout.write(`${line}\n`);

/** Parses a CLI option with the same schema the API uses, so both refuse the same input. */
function parseOption<T extends z.ZodTypeAny>(schema: T, value: unknown, option: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('VALIDATION_FAILED', `${option}: ${result.error.issues[0]?.message ?? 'invalid'}`);
  return result.data;
}

export function buildProgram(): Command {
  const program = new Command('aio').description('AIO Chat administration').showHelpAfterError();

  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(async () => {
      const config = loadConfig();
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
      await migrateDatabase(database);
      await database.close();
      out(`migrations applied (${database.kind})`);
    });

  const user = program.command('user').description('manage users');
  user
    .command('create')
    .description('create a user with a verified e-mail address')
    .requiredOption('--email <email>', 'e-mail address')
    .requiredOption('--name <name>', 'display name')
    .option('--password <password>', 'password (at least 8 characters); generated when omitted')
    .action(async (o: { email: string; name: string; password?: string }) => {
      const email = parseOption(Email, o.email, '--email');
      const name = parseOption(DisplayName, o.name, '--name');
      const password = o.password ?? randomToken(12);
      const created = await withRuntime((app) => createUserWithPassword(app.auth, { email, name, password }));
      out(`user created: ${created.email} (id ${created.id})`);
      if (!o.password) out(`password: ${password}`);
    });

  const workspace = program.command('workspace').description('manage workspaces');
  workspace
    .command('create')
    .description('create a workspace owned by an existing user')
    .requiredOption('--name <name>', 'workspace name')
    .requiredOption('--owner <email>', "the owner's e-mail address")
    .action(async (o: { name: string; owner: string }) => {
      const body = parseOption(CreateWorkspaceBody, { name: o.name }, '--name');
      const ownerEmail = parseOption(Email, o.owner, '--owner');
      const ws = await withRuntime(async (app) => {
        const ownerId = await findUserIdByEmail(app.deps, ownerEmail);
        if (!ownerId) throw new AppError('NOT_FOUND', `no user with e-mail ${ownerEmail} (create one with: aio user create)`);
        return createWorkspace({ ...app.deps, actor: { userId: ownerId, ip: null, via: 'system' } }, body);
      });
      out(`workspace created: ${ws.name} (id ${ws.id})`);
    });

  program
    .command('seed-demo')
    .description(`create the demo owner (${DEMO_EMAIL}) and the "Acme Support" workspace`)
    .action(async () => {
      const login = await withRuntime(async (app) => {
        if (await findUserIdByEmail(app.deps, DEMO_EMAIL)) {
          throw new AppError('CONFLICT', `the demo user already exists${readDemoLogin(app.deps.config.dataDir) ? ' (login in DATA_DIR/demo-login.json)' : ''}`);
        }
        return seedDemo(app);
      });
      out(`demo seeded: ${login.email} / ${login.password}`);
    });

  registerTransferCommands(program);
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram().exitOverride();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    if (err instanceof ConfigError || err instanceof AppError) {
      process.stderr.write(`error: ${err.message}\n`);
      return 1;
    }
    process.stderr.write(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 1;
  }
}
