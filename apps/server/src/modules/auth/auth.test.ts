import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { waitForMail } from '../../../test/outbox';
import { totpFromUri } from '../../../test/totp';
import { signUpVerified, uniqueEmail } from '../../../test/users';
import { queryRows } from '../../db/client';

describe('accounts', () => {
  let t: TestApp;
  beforeEach(async () => (t = await createTestApp()));
  afterEach(async () => t.close());

  it('refuses sign-in until the e-mail is verified through the link in the outbox', async () => {
    const email = uniqueEmail();
    const client = t.client();
    const signUp = await client.post('/api/auth/sign-up/email', { email, password: 'long enough pw', name: 'Vera' });
    expect(signUp.status).toBe(200);

    const early = await client.post('/api/auth/sign-in/email', { email, password: 'long enough pw' });
    expect(early.status).toBe(403);
    expect(early.body.error.code).toBe('EMAIL_NOT_VERIFIED');

    const mail = await waitForMail(t.dataDir, email, { subject: /confirm/i });
    expect(mail.file).toMatch(/^\d{4}-\d{2}-\d{2}T.*\.eml$/);
    const link = new URL(mail.links[0]!);
    expect(link.pathname).toBe('/api/auth/verify-email');
    await t.client().get(link.pathname + link.search);

    const signIn = await client.post('/api/auth/sign-in/email', { email, password: 'long enough pw' });
    expect(signIn.status).toBe(200);
    const me = await client.get('/api/v1/me');
    expect(me.body).toMatchObject({ email, name: 'Vera', emailVerified: true, twoFactorEnabled: false });
  });

  it('answers a wrong password with the one error shape and rate-limits repeated attempts', async () => {
    const { email } = await signUpVerified(t);
    const attacker = t.client({ ip: '203.0.113.7' });
    const first = await attacker.post('/api/auth/sign-in/email', { email, password: 'wrong password 0' });
    expect(first.status).toBe(401);
    expect(first.body).toEqual({ error: { code: 'INVALID_EMAIL_OR_PASSWORD', message: expect.any(String) } });
    const statuses: number[] = [];
    for (let i = 1; i <= t.config.rateLimits.authPerMinute + 1; i++) {
      statuses.push((await attacker.post('/api/auth/sign-in/email', { email, password: `wrong password ${i}` })).status);
    }
    expect(statuses.at(-1)).toBe(429);
    const limited = await attacker.post('/api/auth/sign-in/email', { email, password: 'x' });
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    // Another address is not punished for the attacker's guesses.
    const other = await t.client({ ip: '198.51.100.1' }).post('/api/auth/sign-in/email', { email, password: 'wrong again' });
    expect(other.status).toBe(401);
  });

  it('enables TOTP two-factor, then requires the code at sign-in; a backup code works once', async () => {
    const { client, email, password } = await signUpVerified(t);
    const enable = await client.post('/api/auth/two-factor/enable', { password });
    expect(enable.status, enable.text).toBe(200);
    const { totpURI, backupCodes } = enable.body as { totpURI: string; backupCodes: string[] };
    expect(totpURI).toMatch(/^otpauth:\/\/totp\//);
    expect(backupCodes.length).toBeGreaterThanOrEqual(8);

    const wrong = await client.post('/api/auth/two-factor/verify-totp', { code: '000000' });
    expect(wrong.status).toBe(401);
    const verify = await client.post('/api/auth/two-factor/verify-totp', { code: totpFromUri(totpURI) });
    expect(verify.status, verify.text).toBe(200);
    expect((await client.get('/api/v1/me')).body.twoFactorEnabled).toBe(true);

    // The TOTP secret is sealed with the key ring at rest.
    const rows = await queryRows<{ secret: string; backup_codes: string }>(t.app.deps.db, sql`select secret, backup_codes from two_factors`);
    expect(rows[0]!.secret).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(rows[0]!.backup_codes).toMatch(/^v1\.[0-9a-f]{8}\./);

    const browser = t.client();
    const step1 = await browser.post('/api/auth/sign-in/email', { email, password });
    expect(step1.body.twoFactorRedirect).toBe(true);
    expect((await browser.get('/api/v1/me')).status).toBe(401);
    const step2 = await browser.post('/api/auth/two-factor/verify-totp', { code: totpFromUri(totpURI) });
    expect(step2.status, step2.text).toBe(200);
    expect((await browser.get('/api/v1/me')).status).toBe(200);

    const phone = t.client();
    await phone.post('/api/auth/sign-in/email', { email, password });
    const backup = await phone.post('/api/auth/two-factor/verify-backup-code', { code: backupCodes[0] });
    expect(backup.status, backup.text).toBe(200);
    const again = t.client();
    await again.post('/api/auth/sign-in/email', { email, password });
    expect((await again.post('/api/auth/two-factor/verify-backup-code', { code: backupCodes[0] })).status).toBe(401);

    const log = await client.get('/api/v1/me/security-log');
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['two_factor.setup_started', 'two_factor.enabled']),
    );
  });

  it('resets a forgotten password through the mailed link', async () => {
    const { email, password } = await signUpVerified(t);
    const client = t.client();
    const req = await client.post('/api/auth/request-password-reset', { email, redirectTo: `${t.config.publicUrl}/reset-password` });
    expect(req.status, req.text).toBe(200);
    const mail = await waitForMail(t.dataDir, email, { subject: /reset/i });
    const link = new URL(mail.links[0]!);
    const landing = await client.get(link.pathname + link.search);
    expect(landing.status).toBe(302);
    const token = new URL(String(landing.headers.location), t.config.publicUrl).searchParams.get('token');
    expect(token).toBeTruthy();
    const reset = await client.post('/api/auth/reset-password', { token, newPassword: 'a brand new password' });
    expect(reset.status, reset.text).toBe(200);
    expect((await t.client().post('/api/auth/sign-in/email', { email, password })).status).toBe(401);
    expect((await t.client().post('/api/auth/sign-in/email', { email, password: 'a brand new password' })).status).toBe(200);
  });

  it('signs out everywhere', async () => {
    const { client, email, password } = await signUpVerified(t);
    const laptop = t.client();
    await laptop.post('/api/auth/sign-in/email', { email, password });
    expect((await laptop.get('/api/v1/me')).status).toBe(200);
    expect((await client.post('/api/auth/revoke-sessions', {})).status).toBe(200);
    expect((await laptop.get('/api/v1/me')).status).toBe(401);
    expect((await client.get('/api/v1/me')).status).toBe(401);
  });

  it('issues API keys that are shown once, work as bearer tokens without CSRF, and stop working when revoked', async () => {
    const { client } = await signUpVerified(t);
    const created = await client.post('/api/v1/me/api-keys', { name: 'deploy script' });
    expect(created.status, created.text).toBe(201);
    const { key, apiKey } = created.body;
    expect(key).toMatch(/^aio_/);

    const listed = await client.get('/api/v1/me/api-keys');
    expect(listed.body.items).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(key);
    const stored = await queryRows<{ key: string }>(t.app.deps.db, sql`select key from api_keys`);
    expect(stored[0]!.key).not.toBe(key);

    const script = t.client({ bearer: key, origin: null });
    const made = await script.post('/api/v1/workspaces', { name: 'Made by a script' });
    expect(made.status, made.text).toBe(201);
    expect((await script.get('/api/v1/workspaces')).body.items).toHaveLength(1);

    expect((await client.delete(`/api/v1/me/api-keys/${apiKey.id}`)).status).toBe(204);
    const after = await script.get('/api/v1/workspaces');
    expect(after.status).toBe(401);
    expect((await t.client({ bearer: 'aio_not-a-real-key' }).get('/api/v1/me')).status).toBe(401);

    const log = await client.get('/api/v1/me/security-log');
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual(['api_key.revoked', 'api_key.created']);
  });

  it('keeps a display name byte-exact, or refuses it with field details', async () => {
    const { client } = await signUpVerified(t);
    const name = 'Zoë 🧪 <b>bold</b> \u202Eevil';
    expect((await client.patch('/api/v1/me', { name })).body.name).toBe(name);
    const bad = await client.patch('/api/v1/me', { name: 'nul\u0000byte' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]).toMatchObject({ in: 'body', path: 'name' });
  });
});
