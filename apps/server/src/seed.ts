import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { randomToken } from './platform/crypto';
import { AppError } from './platform/errors';
import type { UserCtx } from './platform/context';
import { createUserWithPassword } from './modules/auth/index';
import { createWorkspace, hasAnyWorkspace } from './modules/workspaces/index';
import { seedTeamChatDemo } from './modules/conversations/index';

export const DEMO_EMAIL = 'owner@acme-support.example';
export const DEMO_WORKSPACE = 'Acme Support';

export interface DemoLogin {
  email: string;
  password: string;
}

function loginFile(dataDir: string) {
  return path.join(dataDir, 'demo-login.json');
}

/** The demo login written at seeding time, if this data directory has one. */
export function readDemoLogin(dataDir: string): DemoLogin | undefined {
  const file = loginFile(dataDir);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoLogin) : undefined;
}

/**
 * Creates the demo owner (with a generated password, kept in DATA_DIR so a
 * restart can print it again) and the "Acme Support" workspace with its team chat.
 */
export async function seedDemo(app: FastifyInstance): Promise<DemoLogin> {
  const { deps } = app;
  const password = randomToken(12);
  const user = await createUserWithPassword(app.auth, { email: DEMO_EMAIL, password, name: 'Ada Owner' });
  const ctx: UserCtx = { ...deps, actor: { userId: user.id, ip: null, via: 'system' } };
  const workspace = await createWorkspace(ctx, { name: DEMO_WORKSPACE });
  await seedTeamChatDemo({ ...ctx, workspaceId: workspace.id, role: 'owner' }, app.auth);
  const login = { email: DEMO_EMAIL, password };
  writeFileSync(loginFile(deps.config.dataDir), JSON.stringify(login, null, 2), { mode: 0o600 });
  return login;
}

/** First start: seed when the installation has no workspace at all. */
export async function seedDemoIfEmpty(app: FastifyInstance): Promise<DemoLogin | undefined> {
  if (await hasAnyWorkspace(app.deps)) return readDemoLogin(app.deps.config.dataDir);
  try {
    return await seedDemo(app);
  } catch (err) {
    // Another node seeding the same database at the same moment got there first.
    if (err instanceof AppError && err.code === 'CONFLICT') return readDemoLogin(app.deps.config.dataDir);
    throw err;
  }
}
