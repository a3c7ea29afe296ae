import type { ApiKey, CreateApiKeyBody, CreatedApiKey, Me } from '@aio/contracts';
import type { Ctx, UserCtx } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { recordAudit } from '../audit/index';
import { credentialsRevoked } from './auth-cache';
import type { BetterAuth } from './better-auth';
import * as repo from './repository';

export function toMe(u: repo.UserRow): Me {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    image: u.image,
    emailVerified: u.emailVerified,
    twoFactorEnabled: u.twoFactorEnabled,
    createdAt: u.createdAt.toISOString(),
  };
}

export interface UserSummary {
  id: string;
  name: string;
  email: string;
  image?: string | null;
}

/** Names and e-mails of users, for other modules that show people. */
export async function findUserSummaries(ctx: Pick<Ctx, 'db'>, ids: string[]): Promise<Map<string, UserSummary>> {
  const rows = await repo.findUsersByIds(ctx.db, ids);
  return new Map(rows.map((u) => [u.id, { id: u.id, name: u.name, email: u.email, image: u.image }]));
}

export async function findUserIdByEmail(ctx: Pick<Ctx, 'db'>, email: string): Promise<string | undefined> {
  return (await repo.findUserByEmail(ctx.db, email))?.id;
}

export async function getMe(ctx: UserCtx): Promise<Me> {
  const user = await repo.findUserById(ctx.db, ctx.actor.userId);
  if (!user) throw notFound('User');
  return toMe(user);
}

export async function updateMyName(ctx: UserCtx, name: string): Promise<Me> {
  const user = await repo.updateUserName(ctx.db, ctx.actor.userId, name);
  if (!user) throw notFound('User');
  return toMe(user);
}

function toApiKey(k: repo.ApiKeyRow): ApiKey {
  return {
    id: k.id,
    name: k.name,
    start: k.start,
    createdAt: k.createdAt.toISOString(),
    expiresAt: k.expiresAt?.toISOString() ?? null,
    lastUsedAt: k.lastRequest?.toISOString() ?? null,
  };
}

export async function listMyApiKeys(ctx: UserCtx): Promise<ApiKey[]> {
  return (await repo.listApiKeysOf(ctx.db, ctx.actor.userId)).map(toApiKey);
}

/** better-auth generates and hashes the key; the plaintext leaves the server once, here. */
export async function createMyApiKey(auth: BetterAuth, ctx: UserCtx, input: CreateApiKeyBody): Promise<CreatedApiKey> {
  const created = await auth.api.createApiKey({
    body: {
      name: input.name,
      userId: ctx.actor.userId,
      expiresIn: input.expiresInDays ? input.expiresInDays * 86_400 : null,
    },
  });
  const row = (await repo.listApiKeysOf(ctx.db, ctx.actor.userId)).find((k) => k.id === created.id);
  if (!row) throw new Error('created API key not found');
  await recordAudit(ctx.db, ctx.actor, {
    workspaceId: null,
    action: 'api_key.created',
    targetType: 'api_key',
    targetId: row.id,
    after: { name: row.name, start: row.start, expiresAt: row.expiresAt },
  });
  return { apiKey: toApiKey(row), key: created.key };
}

export async function revokeMyApiKey(ctx: UserCtx, keyId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await repo.deleteApiKeyOf(tx, ctx.actor.userId, keyId);
    if (!row) throw notFound('API key');
    await recordAudit(tx, ctx.actor, {
      workspaceId: null,
      action: 'api_key.revoked',
      targetType: 'api_key',
      targetId: row.id,
      before: { name: row.name, start: row.start },
    });
  });
  await credentialsRevoked(ctx, 'api_keys');
}

/** 2FA changes happen inside better-auth; the HTTP proxy reports them here after they succeed. */
export async function recordSecurityAction(ctx: UserCtx, action: string): Promise<void> {
  await recordAudit(ctx.db, ctx.actor, { workspaceId: null, action, targetType: 'user', targetId: ctx.actor.userId });
}
