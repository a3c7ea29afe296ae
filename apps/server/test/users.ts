import { expect } from 'vitest';
import type { TestApp } from './app';
import type { TestClient } from './client';
import { waitForMail } from './outbox';

let counter = 0;

export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@example.com`;
}

/** Signs up through the API, follows the verification link from the outbox, and is signed in. */
export async function signUpVerified(t: TestApp, opts: { email?: string; name?: string; password?: string } = {}) {
  const email = opts.email ?? uniqueEmail();
  const password = opts.password ?? 'correct horse battery staple';
  const client: TestClient = t.client();
  const res = await client.post('/api/auth/sign-up/email', { email, password, name: opts.name ?? 'Test User', callbackURL: '/' });
  expect(res.status, res.text).toBe(200);
  const mail = await waitForMail(t.dataDir, email, { subject: /confirm/i });
  const link = new URL(mail.links[0]!);
  const verified = await client.get(link.pathname + link.search);
  expect([200, 302]).toContain(verified.status);
  const me = await client.get('/api/v1/me');
  expect(me.status, me.text).toBe(200);
  return { client, email, password, userId: me.body.id as string };
}
