import type { FastifyInstance } from 'fastify';
import { createUserWithPassword } from '../../apps/server/src/modules/auth/index';
import { addMember, createWorkspace } from '../../apps/server/src/modules/workspaces/index';
import type { UserCtx, WorkspaceCtx } from '../../apps/server/src/platform/context';
import type { ClientSpec } from './protocol';

/**
 * A workspace with `clients` members spread over `channels` channels (each
 * member in one), every member holding an API key for its WebSocket. Users
 * are created through better-auth's adapter without passwords: hashing 2,000
 * passwords would take minutes and is not what the benchmark measures.
 */
export async function seedFanout(app: FastifyInstance, url: string, clients: number, channels: number): Promise<ClientSpec[]> {
  const owner = await createUserWithPassword(app.auth, { email: 'bench-owner@example.com', password: 'bench-password-1', name: 'Bench Owner' });
  const ownerCtx: UserCtx = { ...app.deps, actor: { userId: owner.id, ip: null, via: 'system' } };
  const ws = await createWorkspace(ownerCtx, { name: 'Fan-out bench' });
  const wctx: WorkspaceCtx = { ...ownerCtx, workspaceId: ws.id, role: 'owner' };
  const auth = await app.auth.$context;
  const ownerKey = (await app.auth.api.createApiKey({ body: { name: 'bench', userId: owner.id } })).key;

  const members: Array<{ userId: string; token: string }> = [];
  for (let i = 0; i < clients; i++) {
    const user = await auth.internalAdapter.createUser({ email: `bench-${i}@example.com`, name: `Bench ${i}`, emailVerified: true }, { method: 'admin' });
    await addMember(wctx, user.id, 'member');
    const key = await app.auth.api.createApiKey({ body: { name: 'bench', userId: user.id } });
    members.push({ userId: user.id, token: key.key });
  }

  const specs: ClientSpec[] = [];
  for (let c = 0; c < channels; c++) {
    const roomMembers = members.filter((_, i) => i % channels === c);
    const res = await fetch(`${url}/api/v1/workspaces/${ws.id}/conversations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ownerKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'channel', name: `bench-${c}`, memberIds: roomMembers.map((m) => m.userId) }),
    });
    if (res.status !== 201) throw new Error(`creating channel bench-${c}: ${res.status} ${await res.text()}`);
    const conversation = (await res.json()) as { id: string };
    for (const m of roomMembers) specs.push({ room: c, token: m.token, workspaceId: ws.id, conversationId: conversation.id });
  }
  return specs;
}
