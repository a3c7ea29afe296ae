import { createUserWithPassword } from '../../apps/server/src/modules/auth/index';
import { createWorkspace } from '../../apps/server/src/modules/workspaces/index';
import type { BenchApp } from './product';

/** The origin the product is configured with (bench/lib/product.ts): cookie requests must carry it (CSRF check). */
const ORIGIN = 'http://127.0.0.1:3999';

async function signIn(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

export interface SeededChannel {
  workspaceId: string;
  conversationId: string;
  userId: string;
  /** A signed-in owner's cookie session, with the origin header it needs. */
  headers: Record<string, string>;
}

/** An owner signed in over HTTP, a workspace and one channel in it. */
export async function seedChannel(product: BenchApp, name: string): Promise<SeededChannel> {
  const email = `${name}@example.com`;
  const password = 'bench-password-1';
  const owner = await createUserWithPassword(product.app.auth, { email, password, name: 'Sender' });
  const ws = await createWorkspace({ ...product.app.deps, actor: { userId: owner.id, ip: null, via: 'system' } }, { name: `${name} workspace` });
  const cookie = await signIn(product.url, email, password);
  const headers = { cookie, origin: ORIGIN };
  const res = await fetch(`${product.url}/api/v1/workspaces/${ws.id}/conversations`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'channel', name }),
  });
  if (res.status !== 201) throw new Error(`creating the channel: ${res.status} ${await res.text()}`);
  const channel = (await res.json()) as { id: string };
  return { workspaceId: ws.id, conversationId: channel.id, userId: owner.id, headers };
}
